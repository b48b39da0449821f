package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordPostTest {
    @Test
    @DisplayName("text with @everyone, user and role mentions is sent as text: Discord is told to parse no mentions")
    void noPings() {
        List<MessageCreateData> messages = DiscordPost.of("Hallo @everyone en @here, <@123> en <@&456>!");
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.getContent()).contains("@everyone", "<@123>", "<@&456>");
            assertThat(message.getAllowedMentions()).isEmpty();
            DataObject json = message.toData();
            DataObject allowed = json.getObject("allowed_mentions");
            assertThat(allowed.getArray("parse").isEmpty()).isTrue();
            assertThat(allowed.getBoolean("replied_user")).isFalse();
        });
    }

    @Test
    @DisplayName("a long text becomes several messages, each within the limit and each without pings")
    void longText() {
        String text = ("Een mooie week in groep 5. ".repeat(60) + "\n\n").repeat(3);
        List<MessageCreateData> messages = DiscordPost.of(text);
        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(message -> {
            assertThat(message.getContent().length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
            assertThat(message.getAllowedMentions()).isEmpty();
        });
    }
}
