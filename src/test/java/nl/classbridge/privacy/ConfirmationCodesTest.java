package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nl.classbridge.domain.ConfirmationKind;
import nl.classbridge.domain.Guardian;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfirmationCodes} on a real SQLite file. */
class ConfirmationCodesTest {
    @TempDir
    Path folder;

    TestStore store;
    MutableClock clock;
    ConfirmationCodes codes;
    Guardian guardian;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        clock = new MutableClock(TestStore.T0);
        codes = new ConfirmationCodes(store.confirmations, clock);
        guardian = store.guardians.addEmail("ouder@example.nl", Optional.empty(), TestStore.T0);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theRightCodeConfirmsOnceInAnyCaseWithOrWithoutTheDash() {
        String code = codes.issue(guardian.id(), ConfirmationKind.EMAIL_CHANGE, Optional.of("nieuw@example.nl"));

        assertThat(codes.pending(guardian.id(), ConfirmationKind.EMAIL_CHANGE)).isPresent();
        assertThat(codes.confirm(
                        guardian.id(),
                        ConfirmationKind.EMAIL_CHANGE,
                        " " + code.toLowerCase(Locale.ROOT).replace("-", "") + " "))
                .isEqualTo(new ConfirmationCodes.Confirmed(
                        ConfirmationKind.EMAIL_CHANGE, Optional.of("nieuw@example.nl")));
        assertThat(codes.confirm(guardian.id(), ConfirmationKind.EMAIL_CHANGE, code))
                .isInstanceOf(ConfirmationCodes.NothingOpen.class);
    }

    @Test
    void aCodeOfOneKindDoesNotConfirmTheOther() {
        String code = codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.empty());

        assertThat(codes.confirm(guardian.id(), ConfirmationKind.EMAIL_CHANGE, code))
                .isInstanceOf(ConfirmationCodes.NothingOpen.class);
        assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, code))
                .isEqualTo(new ConfirmationCodes.Confirmed(ConfirmationKind.FORGET_ME, Optional.empty()));
    }

    @Test
    void anotherFamilysCodeDoesNotWork() {
        Guardian other = store.guardians.addEmail("ander@example.nl", Optional.empty(), TestStore.T0);
        codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.empty());
        String theirs = codes.issue(other.id(), ConfirmationKind.FORGET_ME, Optional.empty());

        assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, theirs))
                .isEqualTo(new ConfirmationCodes.Wrong(ConfirmationCodes.MOST_TRIES - 1));
    }

    @Test
    void fiveWrongTriesEndTheRequest() {
        String code = codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.empty());

        for (int left = ConfirmationCodes.MOST_TRIES - 1; left > 0; left--) {
            assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, "ABCDE-FGHJK"))
                    .isEqualTo(new ConfirmationCodes.Wrong(left));
        }
        assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, "nonsense"))
                .isInstanceOf(ConfirmationCodes.NothingOpen.class);
        assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, code))
                .isInstanceOf(ConfirmationCodes.NothingOpen.class);
    }

    @Test
    void aCodeExpiresAfterADayAndANewOneReplacesTheOld() {
        String first = codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.empty());
        String second = codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.empty());

        assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, first))
                .isInstanceOf(ConfirmationCodes.Wrong.class);
        clock.advance(ConfirmationCodes.VALID_FOR.plus(Duration.ofSeconds(1)));
        assertThat(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, second))
                .isInstanceOf(ConfirmationCodes.NothingOpen.class);
        assertThat(store.confirmations.removeEndedBefore(clock.instant())).isEqualTo(1);
    }

    @Test
    void aNewAddressGoesWithAnEmailChangeOnly() {
        assertThatThrownBy(() -> codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.of("x@example.nl")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.issue(guardian.id(), ConfirmationKind.EMAIL_CHANGE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
