package nl.classbridge.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.privacy.ConfirmationCodes;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Preferences} and {@link MailedPreferences} on a real SQLite file, with the shipped texts and questionnaires. */
class PreferencesTest {
    private static final long DISCORD_USER = 4_200_000_000_000_000_001L;
    private static final String OLD = "ouder@example.org";
    private static final String NEW = "nieuw.adres@example.net";
    private static final QuietHours SCHOOL_QUIET = new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0));

    @TempDir
    Path folder;

    TestStore store;
    MutableClock clock = new MutableClock(TestStore.T0);
    Preferences preferences;
    MailedPreferences byMail;
    SchoolClass groep5;
    Student sam;

    @BeforeEach
    void open() throws Exception {
        store = new TestStore(folder);
        ActiveQuestionnaires questionnaires =
                ActiveQuestionnaires.load(Path.of("config/questionnaires"), store.questionnaires, clock);
        Messages messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        Outbox outbox = new Outbox(
                store.database, store.deliveries, store.guardians, clock, SCHOOL_QUIET, ZoneId.of("Europe/Amsterdam"));
        preferences = new Preferences(
                store.database,
                store.guardians,
                store.students,
                store.classes,
                new ConfirmationCodes(store.confirmations, clock),
                outbox,
                store.auditLog,
                ContactTimes.of(questionnaires),
                SCHOOL_QUIET,
                clock);
        byMail = new MailedPreferences(preferences, new PreferenceWords(messages));
        groep5 = store.aClass();
        sam = store.aStudent(groep5, "Sam");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Guardian onDiscord() {
        Guardian guardian = store.guardians.addDiscord(DISCORD_USER, TestStore.T0);
        store.guardians.link(guardian.id(), sam.id(), TestStore.T0);
        return guardian;
    }

    private Guardian byEmail(String address) {
        Guardian guardian = store.guardians.addEmail(address, Optional.empty(), TestStore.T0);
        store.guardians.link(guardian.id(), sam.id(), TestStore.T0);
        return guardian;
    }

    private Guardian reload(Guardian guardian) {
        return store.guardians.find(guardian.id()).orElseThrow();
    }

    private List<Delivery> rows(String kind) {
        return store
                .database
                .read(sql -> sql.list(
                        "SELECT id FROM delivery WHERE kind = ? ORDER BY id", row -> row.longValue("id"), kind))
                .stream()
                .map(id -> store.deliveries.find(id).orElseThrow())
                .toList();
    }

    private String lastCode() {
        List<Delivery> codes = rows(PreferenceMail.CODE);
        return PreferenceMail.code(codes.get(codes.size() - 1).payload())
                .orElseThrow()
                .code();
    }

    @Test
    @DisplayName("GIVEN a Discord family WHEN they change language, quiet hours, best time and channel THEN the plan"
            + " holds each, the class's family is found, and the audit names the fields only")
    void changesArePlannedAndAuditedWithoutTheirValues() {
        Guardian guardian = onDiscord();

        assertThat(preferences.setLanguage(guardian.id(), "tr", DISCORD_USER))
                .isEqualTo(new Change.Saved(Change.Field.LANGUAGE));
        assertThat(preferences.setQuietHours(guardian.id(), "21.30 - 6.45", false, DISCORD_USER))
                .isEqualTo(new Change.Saved(Change.Field.QUIET_HOURS));
        assertThat(preferences.setContactTimes(guardian.id(), "Na schooltijd", DISCORD_USER))
                .isEqualTo(new Change.Saved(Change.Field.CONTACT_TIMES));
        assertThat(preferences.setChannel(guardian.id(), "discord", DISCORD_USER))
                .isEqualTo(new Change.Saved(Change.Field.CHANNEL));

        Guardian now = reload(guardian);
        assertThat(now.plan().language()).contains(Language.TR);
        assertThat(now.plan().quietHours()).contains(new QuietHours(LocalTime.of(21, 30), LocalTime.of(6, 45)));
        assertThat(now.plan().contactTimes()).contains("after-school");
        assertThat(preferences.ofDiscordUser(DISCORD_USER).orElseThrow().schoolClass())
                .contains(groep5);

        assertThat(preferences.setQuietHours(guardian.id(), "school", true, DISCORD_USER))
                .isEqualTo(new Change.Saved(Change.Field.QUIET_HOURS));
        assertThat(reload(guardian).plan().quietHours()).isEmpty();

        List<AuditEntry> audit = store.auditLog.ofClass(groep5.id());
        assertThat(audit).allMatch(e -> e.action().equals("family:preferences") && e.actorUserId() == DISCORD_USER);
        assertThat(audit)
                .extracting(AuditEntry::detail)
                .containsExactly("language", "quiet-hours", "contact-times", "channel", "quiet-hours");
    }

    @Test
    @DisplayName("GIVEN hostile or mistaken input WHEN a family sends it THEN each is refused and nothing changes")
    void hostileInputChangesNothing() {
        Guardian guardian = onDiscord();
        for (String address : List.of(
                "a@b",
                "geen adres",
                "x@y.nl\r\nBcc: z@w.nl",
                "<script>@x.nl",
                "a@@b.nl",
                "",
                "a".repeat(300) + "@x.nl")) {
            assertThat(preferences.requestEmail(guardian.id(), address, DISCORD_USER))
                    .as(address)
                    .isEqualTo(new Change.Invalid(Change.Field.EMAIL));
        }
        for (String times :
                List.of("25:00-07:00", "20:00", "morgen", "20:00-07:00-08:00", "20:61-07:00", "8 uur", "")) {
            assertThat(preferences.setQuietHours(guardian.id(), times, false, DISCORD_USER))
                    .as(times)
                    .isEqualTo(new Change.Invalid(Change.Field.QUIET_HOURS));
        }
        assertThat(preferences.setLanguage(guardian.id(), "xx", DISCORD_USER))
                .isEqualTo(new Change.Invalid(Change.Field.LANGUAGE));
        assertThat(preferences.setChannel(guardian.id(), "sms", DISCORD_USER))
                .isEqualTo(new Change.Invalid(Change.Field.CHANNEL));
        assertThat(preferences.setContactTimes(guardian.id(), "midnight", DISCORD_USER))
                .isEqualTo(new Change.Invalid(Change.Field.CONTACT_TIMES));

        assertThat(reload(guardian).plan()).isEqualTo(guardian.plan());
        assertThat(reload(guardian).email()).isEmpty();
        assertThat(rows(PreferenceMail.CODE)).isEmpty();
        assertThat(store.auditLog.ofClass(groep5.id())).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a family without a working address, or without Discord WHEN they ask for that channel THEN"
            + " they are told what is missing; a STOPped address works again only once it is confirmed")
    void aChannelNeedsAWayToReachTheFamily() {
        Guardian discordOnly = onDiscord();
        assertThat(preferences.setChannel(discordOnly.id(), "email", DISCORD_USER))
                .isEqualTo(new Change.NeedsEmail());
        assertThat(preferences.setChannel(discordOnly.id(), "both", DISCORD_USER))
                .isEqualTo(new Change.NeedsEmail());

        Guardian emailOnly = byEmail(OLD);
        assertThat(preferences.setChannel(emailOnly.id(), "discord", 0)).isEqualTo(new Change.NeedsDiscord());
        store.guardians.markEmailInvalid(emailOnly.id(), "unsubscribed");
        assertThat(preferences.setChannel(emailOnly.id(), "email", 0)).isEqualTo(new Change.NeedsEmail());

        // The same, stopped address again: it needs its code like a new one, then works again; no notice.
        assertThat(preferences.requestEmail(emailOnly.id(), OLD, 0)).isEqualTo(new Change.CodeSent(OLD));
        assertThat(preferences.confirmEmail(emailOnly.id(), lastCode(), 0)).isEqualTo(new Change.EmailConfirmed(OLD));
        assertThat(reload(emailOnly).reachableByEmail()).isTrue();
        assertThat(rows(PreferenceMail.CHANGED)).isEmpty();
        assertThat(preferences.setChannel(emailOnly.id(), "email", 0))
                .isEqualTo(new Change.Saved(Change.Field.CHANNEL));
        assertThat(reload(emailOnly).plan().channel()).isEqualTo(ContactChannel.EMAIL);
    }

    @Test
    @DisplayName("GIVEN a family by email WHEN they ask for a new address THEN the code goes to the new address only,"
            + " the old one stays in use until the code comes back, five wrong tries end it, and once confirmed"
            + " the old address is told")
    void aNewAddressIsUsedOnlyAfterItsCode() {
        Guardian guardian = byEmail(OLD);
        assertThat(preferences.requestEmail(guardian.id(), " " + NEW + " ", 0)).isEqualTo(new Change.CodeSent(NEW));
        Delivery codeRow = rows(PreferenceMail.CODE).get(0);
        assertThat(codeRow.guardianId()).isEmpty();
        assertThat(codeRow.payload()).doesNotContain(NEW);
        Preferences.CodeMail mail = preferences.codeMail(codeRow.payload()).orElseThrow();
        assertThat(mail.address()).isEqualTo(NEW);
        assertThat(reload(guardian).email()).contains(OLD);
        assertThat(preferences.family(guardian.id()).orElseThrow().pendingEmail())
                .contains(NEW);

        for (int tries = 4; tries >= 1; tries--) {
            assertThat(preferences.confirmEmail(guardian.id(), "ABCDE-FGHJK", 0))
                    .isEqualTo(new Change.WrongCode(tries));
        }
        assertThat(preferences.confirmEmail(guardian.id(), "ABCDE-FGHJK", 0)).isEqualTo(new Change.NoCodeOpen());
        assertThat(preferences.confirmEmail(guardian.id(), mail.code(), 0)).isEqualTo(new Change.NoCodeOpen());
        assertThat(preferences.codeMail(codeRow.payload()))
                .as("a dead code is never mailed")
                .isEmpty();
        assertThat(reload(guardian).email()).contains(OLD);

        // A new request; its code expires after a day.
        preferences.requestEmail(guardian.id(), NEW, 0);
        String code = lastCode();
        clock.advance(Duration.ofHours(25));
        assertThat(preferences.confirmEmail(guardian.id(), code, 0)).isEqualTo(new Change.NoCodeOpen());

        preferences.requestEmail(guardian.id(), NEW, 0);
        assertThat(preferences.confirmEmail(
                        guardian.id(), lastCode().toLowerCase().replace("-", ""), 0))
                .isEqualTo(new Change.EmailConfirmed(NEW));
        assertThat(reload(guardian).email()).contains(NEW);
        List<Delivery> notices = rows(PreferenceMail.CHANGED);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).payload()).isEqualTo(OLD);
        assertThat(notices.get(0).guardianId()).contains(guardian.id());
        assertThat(preferences.requestEmail(guardian.id(), NEW.toUpperCase(), 0))
                .isEqualTo(new Change.SameEmail());
        assertThat(store.auditLog.ofClass(groep5.id()))
                .extracting(AuditEntry::detail)
                .allMatch(detail -> !detail.contains("@"))
                .contains("email-requested", "email-code-wrong", "email-confirmed");
    }

    @Test
    @DisplayName("GIVEN a family asking for codes again and again WHEN the sixth comes within a day THEN no mail"
            + " goes out (nobody's mailbox is flooded), and a day later one may be asked again")
    void codeMailsAreLimitedPerDay() {
        Guardian guardian = onDiscord();
        for (int i = 1; i <= Preferences.MOST_CODES_A_DAY; i++) {
            assertThat(preferences.requestEmail(guardian.id(), "slachtoffer@example.org", DISCORD_USER))
                    .isEqualTo(new Change.CodeSent("slachtoffer@example.org"));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(preferences.requestEmail(guardian.id(), "slachtoffer@example.org", DISCORD_USER))
                .isEqualTo(new Change.TooManyCodes());
        assertThat(rows(PreferenceMail.CODE)).hasSize(Preferences.MOST_CODES_A_DAY);
        clock.advance(Duration.ofHours(24));
        assertThat(preferences.requestEmail(guardian.id(), "slachtoffer@example.org", DISCORD_USER))
                .isEqualTo(new Change.CodeSent("slachtoffer@example.org"));
    }

    @Test
    @DisplayName("GIVEN a PREFERENCES mail in Dutch, Arabic and English field names WHEN it is handled THEN each"
            + " readable line is applied, the rest is counted, and one answer is queued to the family")
    void aMailChangesWhatItsLinesAsk() {
        Guardian guardian = byEmail(OLD);
        String outcome = byMail.handle(guardian.id(), """
                Taal: Türkçe
                قناة البريد
                stille uren = 19:00 tot 7:00
                beste moment: In de avond
                channel: e-mail
                e-mail: %s
                Groeten, Fatima
                """.formatted(NEW));
        assertThat(outcome).isEqualTo("preferences-changed");
        Guardian now = reload(guardian);
        assertThat(now.plan().language()).contains(Language.TR);
        assertThat(now.plan().quietHours()).contains(new QuietHours(LocalTime.of(19, 0), LocalTime.of(7, 0)));
        assertThat(now.plan().contactTimes()).contains("evening");
        assertThat(now.plan().channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(now.email()).contains(OLD);
        List<Delivery> replies = rows(PreferenceMail.REPLY);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).payload())
                .isEqualTo(
                        "saved:language;saved:quiet-hours;saved:contact-times;saved:channel;code-sent;not-understood:2")
                .doesNotContain("Fatima");

        assertThat(byMail.handle(guardian.id(), "")).isEqualTo("preferences-shown");
        assertThat(byMail.handle(guardian.id(), "code: " + lastCode())).isEqualTo("preferences-changed");
        assertThat(reload(guardian).email()).contains(NEW);
    }
}
