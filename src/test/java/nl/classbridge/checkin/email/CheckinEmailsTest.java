package nl.classbridge.checkin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.MailText;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckinEmailsTest {
    static Messages messages;
    static Questionnaire checkIn;

    @BeforeAll
    static void load() throws Exception {
        messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        checkIn = QuestionnaireLoader.loadAll(Path.of("config/questionnaires"))
                .loaded()
                .get("check-in")
                .questionnaire();
    }

    /** The email as it goes out: rendered by the mail adapter. */
    private static ComposedEmail rendered(EmailText email) {
        return MailText.compose("ouder@example.org", email);
    }

    private static CheckinContext context(Language language, String child) {
        CheckinRequest request = new CheckinRequest(
                7, 1, 2, 3, ContactChannel.EMAIL, RequestStatus.PENDING, 0, Instant.EPOCH, Optional.empty());
        return new CheckinContext(
                request,
                checkIn,
                child,
                "Groep 5",
                "Juf Anna",
                "vrijdag 12 september",
                messages.chain(Optional.of(language), Optional.of(Language.NL)),
                language);
    }

    @Test
    @DisplayName("the questionnaire email numbers the questions and explains how to answer")
    void questionnaire() {
        ComposedEmail email =
                rendered(new CheckinEmails(messages, "De Regenboog").questionnaire(context(Language.NL, "Sam")));
        assertThat(email.subject()).contains("Groep 5", "Sam").doesNotContain("[");
        assertThat(email.text())
                .contains("1. " + checkIn.asked().get(0).text(Language.NL))
                .contains("5 = " + checkIn.asked().get(0).label(5, Language.NL))
                .contains("2. " + checkIn.asked().get(1).text(Language.NL))
                .contains("3. " + checkIn.asked().get(2).text(Language.NL) + " (")
                .contains("De Regenboog", "Juf Anna", "vrijdag 12 september", "STOP")
                .doesNotContain("**")
                .doesNotContainPattern("\\{[a-z]+\\}");
        assertThat(email.html()).contains("<p>", "dir=\"ltr\"", "lang=\"nl\"");
    }

    @Test
    @DisplayName("hostile names stay text: no header injection in the subject, no markup in the HTML")
    void hostileValues() {
        ComposedEmail email = rendered(new CheckinEmails(messages, "School")
                .questionnaire(
                        context(Language.EN, "Sam\r\nBcc: all@example.org <script>x</script> ${env:DISCORD_TOKEN}")));
        assertThat(email.subject()).doesNotContain("\r", "\n").contains("Bcc: all@example.org", "${env:DISCORD_TOKEN}");
        assertThat(email.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(email.text()).contains("${env:DISCORD_TOKEN}");
    }

    @Test
    @DisplayName("in Arabic the email reads right to left; reminder and confirmation are in the family's language")
    void arabicReminderConfirmation() {
        CheckinEmails emails = new CheckinEmails(messages, "De Regenboog");
        ComposedEmail questions = rendered(emails.questionnaire(context(Language.AR, "Noor")));
        assertThat(questions.html()).contains("dir=\"rtl\"", "lang=\"ar\"");
        assertThat(questions.text()).contains(checkIn.asked().get(0).text(Language.AR));

        ComposedEmail reminder = rendered(emails.reminder(context(Language.TR, "Noor")));
        assertThat(reminder.language()).isEqualTo("tr");
        assertThat(reminder.text()).contains(checkIn.title(Language.TR), "vrijdag 12 september");

        ComposedEmail confirmation = rendered(
                emails.confirmation(context(Language.NL, "Noor"), List.of("1. 😄 Heel goed", "2. Tekenen"), true));
        assertThat(confirmation.text())
                .contains("1. 😄 Heel goed\n2. Tekenen")
                .contains(MailText.plain(
                        messages.text("email.confirmation.unreadable", List.of(Language.NL), java.util.Map.of())));

        ComposedEmail closed = rendered(emails.roundClosed(context(Language.PL, "Noor")));
        assertThat(closed.language()).isEqualTo("pl");
        assertThat(closed.text()).contains(checkIn.title(Language.PL)).doesNotContainPattern("\\{[a-z]+\\}");
    }

    @Test
    @DisplayName("GIVEN the teacher wrote what she needs from parents WHEN the start-of-year email goes to a Polish"
            + " family THEN it carries her words as written, introduced in Polish, instead of the default text")
    void teacherNeedsInHerOwnWords() throws Exception {
        Questionnaire startOfYear = QuestionnaireLoader.loadAll(Path.of("config/questionnaires"))
                .loaded()
                .get("start-of-year")
                .questionnaire();
        CheckinContext plain = context(Language.PL, "Sam");
        CheckinContext context = new CheckinContext(
                plain.request(),
                startOfYear,
                plain.child(),
                plain.className(),
                plain.teacher(),
                plain.deadline(),
                plain.chain(),
                plain.language(),
                Optional.of(List.of(new nl.classbridge.messages.Text.Value("Lees elke dag <b>10 minuten</b> voor"))),
                Optional.empty());
        String generic = startOfYear.question("teacher-needs").orElseThrow().text(Language.PL);

        ComposedEmail email = rendered(new CheckinEmails(messages, "De Regenboog").questionnaire(context));

        assertThat(email.text())
                .contains("Słowami nauczyciela (Juf Anna):")
                .contains("Lees elke dag <b>10 minuten</b> voor")
                .doesNotContain(generic.substring(0, 40));
        assertThat(email.html()).contains("&lt;b&gt;10 minuten&lt;/b&gt;").doesNotContain("<b>10");
    }
}
