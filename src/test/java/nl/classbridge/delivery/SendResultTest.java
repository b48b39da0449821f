package nl.classbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Send results")
class SendResultTest {

    @Test
    @DisplayName("GIVEN short codes WHEN results are made THEN they are kept as given")
    void codesAccepted() {
        assertThat(new SendResult.Unreachable("dm-closed").reason()).isEqualTo("dm-closed");
        assertThat(SendResult.retryAfter("http-429", Duration.ofSeconds(2)).after())
                .contains(Duration.ofSeconds(2));
        assertThat(new SendResult.Failed("smtp-5.1.1").reason()).isEqualTo("smtp-5.1.1");
        assertThat(SendResult.sent("123").externalId()).isEqualTo(Optional.of("123"));
    }

    @Test
    @DisplayName("GIVEN text that could be personal WHEN it is given as a reason THEN it is refused")
    void textRefused() {
        assertThatThrownBy(() -> new SendResult.Unreachable("550 <ouder@example.org> unknown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("ouder");
        assertThatThrownBy(() -> new SendResult.Failed("Bad Request")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendResult.retryLater("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendResult.retryAfter("http-429", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
