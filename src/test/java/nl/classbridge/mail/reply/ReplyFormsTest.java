package nl.classbridge.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reply forms as data ({@code reply-forms/*.yml}) and how {@link OwnWords} uses them: one
 * test per kind of header, separator and signature that a reply parser commonly misses.
 */
@DisplayName("Reply forms")
class ReplyFormsTest {

    private static final String QUOTE = "> 1. Hoe voelt je kind zich?\n> 2. Wat ging er goed?\n";

    private static String own(String body) {
        return OwnWords.of(body).text();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Op di 3 okt 2026 om 14:05 schreef Juf Anna <klas5@deregenboog.nl>:",
                "Op 3 okt. 2026 om 14:05 heeft Juf Anna <klas5@deregenboog.nl> het volgende geschreven:",
                "On Tue, Oct 3, 2026 at 2:05 PM Juf Anna <klas5@deregenboog.nl>wrote:",
                "On Tue, Oct 3, 2026 at 2:05 PM Juf Anna <klas5@deregenboog.nl> wrote :",
                "W dniu wt., 3.10.2026 o 14:05 Juf Anna <klas5@deregenboog.nl> napisał(a):",
                "Juf Anna <klas5@deregenboog.nl>, 3 Eki 2026 Sal, 14:05 tarihinde şunu yazdı:",
                "вт, 3 жовт. 2026 р. о 14:05 Juf Anna <klas5@deregenboog.nl> пише:",
                "في الثلاثاء، ٣ أكتوبر ٢٠٢٦ في ٢:٠٥ م كتب Juf Anna <klas5@deregenboog.nl>:",
                "---- On Tue, 03 Oct 2026 14:05:00 +0200 Juf Anna <klas5@deregenboog.nl> wrote ----",
            })
    @DisplayName("a header in each language, glued, with a space before the colon or between dashes")
    void whole(String header) {
        assertThat(own("Goed hoor.\n\n" + header + "\n" + QUOTE)).isEqualTo("Goed hoor.");
        assertThat(own("Goed hoor.\n\n" + header + "\nHallo,\n1. Hoe voelt je kind zich?"))
                .isEqualTo("Goed hoor.");
    }

    @Test
    @DisplayName("a header wrapped over three lines, with the family's text right above it kept")
    void wrapped() {
        String body = "Alles goed.\nOn Tue, Oct 3, 2026 at 2:05 PM\nJuf Anna\n<klas5@deregenboog.nl> wrote:\n" + QUOTE;
        assertThat(own(body)).isEqualTo("Alles goed.");
        String polish =
                "Dobrze.\nwt., 3 paź 2026 o 14:05 Juf Anna <klas5@deregenboog.nl>\nnapisał(a):\nHallo,\n1. Jak?";
        assertThat(own(polish)).isEqualTo("Dobrze.");
    }

    @Test
    @DisplayName("a header on the same line as the family's text keeps the text")
    void sameLine() {
        assertThat(own("Thanks, see you Friday! On Tue, Oct 3, 2026 at 2:05 PM Juf Anna <klas5@deregenboog.nl> wrote:\n"
                        + "Hello,\n1. How is your child?"))
                .isEqualTo("Thanks, see you Friday!");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Op maandag schreef ik al het volgende:",
                "On Friday my son wrote:",
                "Ali yazdı:",
            })
    @DisplayName("a family's own sentence that looks like a header, without address, time or year, stays")
    void ownSentence(String sentence) {
        assertThat(own("Hallo juf,\n" + sentence + "\nIk ben blij met de klas."))
                .contains(sentence, "blij met de klas");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Date: Tue, 3 Oct 2026 14:05\nFrom: Juf Anna <klas5@deregenboog.nl>\nSubject: Groep 5",
                "From: Juf Anna <klas5@deregenboog.nl>\nSent: Tuesday, October 3, 2026 2:05 PM",
                "*Van:* Juf Anna <klas5@deregenboog.nl>\n*Verzonden:* dinsdag 3 oktober 2026 14:05\n*Aan:* Fatima",
                "Kimden: Juf Anna\nGönderildi: 3 Ekim 2026 Salı 14:05\nKime: Ayşe\nKonu: Sınıf 5",
                "Від: Juf Anna\nНадіслано: 3 жовтня 2026 р. 14:05\nКому: Олена\nТема: Група 5",
                "من: Juf Anna\nتم الإرسال: الثلاثاء، ٣ أكتوبر ٢٠٢٦\nإلى: فاطمة\nالموضوع: المجموعة 5",
                "________________________________\nOd: Juf Anna\nWysłano: wtorek, 3 października 2026 14:05",
                "----- Reply Message -----\nJuf Anna wrote the questions below.",
                "-----Oorspronkelijk bericht-----\nHallo,",
            })
    @DisplayName("start the original: Date first, only From and Sent, bold, in any language, under a rule")
    void original(String block) {
        assertThat(own("Goed hoor.\n\n" + block + "\n\nHallo,\n1. Hoe voelt je kind zich?"))
                .isEqualTo("Goed hoor.");
    }

    @Test
    @DisplayName("a separator after the family's text on the same line keeps the text")
    void separatorInLine() {
        assertThat(own("Top, tot vrijdag -----Original Message----- From: Juf Anna"))
                .isEqualTo("Top, tot vrijdag");
    }

    @Test
    @DisplayName("two header-like lines of the family's own are no block")
    void notABlock() {
        assertThat(own("Datum: vrijdag graag\nOnderwerp: de verjaardag van Sam"))
                .contains("Onderwerp: de verjaardag");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Sent from my iPhone",
                "Verzonden vanaf mijn Samsung Galaxy-smartphone.",
                "Get Outlook for Android",
                "iPhone'umdan gönderildi",
                "Wysłane z mojego smartfona Galaxy",
                "Надіслано з iPhone",
                "-- \nFatima El Amrani\n06-12345678",
                "-----\nFatima El Amrani\nTel. 06-12345678",
                "_______________________________________________\nOuders mailing list\nouders@lists.example.org",
            })
    @DisplayName("at the end of the text go")
    void atTheEnd(String signature) {
        assertThat(own("Goed hoor.\nGroetjes, Fatima\n\n" + signature + "\n\nOp di 3 okt 2026 om 14:05 schreef "
                        + "Juf Anna <klas5@deregenboog.nl>:\n" + QUOTE))
                .isEqualTo("Goed hoor.\nGroetjes, Fatima");
    }

    @Test
    @DisplayName("a sentence that only begins like one stays, and so does one in the middle")
    void sentences() {
        assertThat(own("Sent from my desk, which is easier than my phone."))
                .isEqualTo("Sent from my desk, which is easier than my phone.");
        assertThat(own("Sent from my iPhone\nAnd one more thing: Sam has gym tomorrow."))
                .contains("Sent from my iPhone", "gym tomorrow");
    }

    @Test
    @DisplayName("lines the writer typed with >>> stay, and are never read as answers")
    void typedArrows() {
        String body = "Kijk wat Sam zei:\n>>> 1. ik wil naar buiten\nDat vond ik grappig.";
        assertThat(own(body)).contains(">>> 1. ik wil naar buiten");
        assertThat(NumberedAnswers.read(OwnWords.of(body).lines()).numbered()).isEmpty();
    }

    @Test
    @DisplayName("a quote with nothing else and no header is kept for the teacher, never as an answer")
    void onlyQuoted() {
        OwnWords words = OwnWords.of(HtmlText.toText("<blockquote>1. Goed<br>2. Sam is blij</blockquote>"));
        assertThat(words.text()).contains("1. Goed", "2. Sam is blij");
        NumberedAnswers.Answers answers = NumberedAnswers.read(words.lines());
        assertThat(answers.numbered()).isEmpty();
        assertThat(answers.unnumbered()).contains("Sam is blij");
    }

    @Test
    @DisplayName("a quote under the family's words with no header above it is left out")
    void bareBlockquote() {
        assertThat(own(HtmlText.toText("<div>Goed hoor</div><blockquote>1. Hoe voelt je kind zich?</blockquote>")))
                .isEqualTo("Goed hoor");
    }

    @Test
    @DisplayName("the indent button's blockquote is the family's text")
    void indented() {
        assertThat(own(HtmlText.toText("<div>Hallo juf,</div><blockquote style=\"margin:0 0 0 40px;border:none;"
                        + "padding:0px\">Sam is ziek.</blockquote>")))
                .isEqualTo("Hallo juf,\nSam is ziek.");
    }

    @Test
    @DisplayName("a name above an <hr> stays, what is under it goes")
    void rule() {
        assertThat(own(HtmlText.toText("<div>Prima!</div><div>Fatima</div><hr><div>Hallo, 1. Hoe voelt</div>")))
                .isEqualTo("Prima!\nFatima");
    }

    @Test
    @DisplayName("Outlook's top-bordered header div ends the family's text")
    void outlookBorder() {
        assertThat(own(HtmlText.toText("<p>Goed</p><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:"
                        + "3.0pt 0cm 0cm 0cm\"><p><b>Fra:</b> Juf Anna</p></div><p>1. Hoe voelt</p>")))
                .isEqualTo("Goed");
    }

    @Test
    @DisplayName("every language's file is read")
    void standard() {
        ReplyForms forms = ReplyForms.standard();
        assertThat(forms.isWrote("Op di 3 okt 2026 om 14:05 schreef Juf Anna <klas5@deregenboog.nl>:"))
                .isTrue();
        assertThat(forms.field("Kimden: Juf Anna")).isEqualTo(ReplyForms.Field.FROM);
        assertThat(forms.isSignature("Надіслано з iPhone")).isTrue();
    }

    @Test
    @DisplayName("a new language is data: a file and a line in the index")
    void newLanguage() {
        ReplyForms forms = ReplyForms.load(
                files(
                        Map.of(
                                "index.yml",
                                "languages: [xx]",
                                "xx.yml",
                                "wrote:\n  - client: Test\n    form: \"Zo {date} zei {sender}:\"\nfields:\n  from: [Fan]\n"
                                        + "  sent: [Stjoerd]\nseparators: [Oarspronklik berjocht]\nsignatures:\n  - form: \"Fan myn {device}\"\n")));
        assertThat(forms.isWrote("Zo 3 okt 2026 zei Anna <a@b.nl>:")).isTrue();
        assertThat(forms.field("Stjoerd: 3 okt")).isEqualTo(ReplyForms.Field.SENT);
        assertThat(forms.isSeparator("----- Oarspronklik berjocht -----")).isTrue();
        assertThat(forms.isSignature("Fan myn iPhone")).isTrue();
        assertThat(OwnWords.of("Goed.\nZo 3 okt 2026 zei Anna <a@b.nl>:\nHallo", forms)
                        .text())
                .isEqualTo("Goed.");
    }

    @Test
    @DisplayName("a mistake in a file is refused, naming the file")
    void mistakes() {
        assertThatThrownBy(() -> ReplyForms.load(files(Map.of("index.yml", "languages: [xx]"))))
                .hasMessageContaining("reply-forms/xx.yml is missing");
        assertThatThrownBy(() -> ReplyForms.load(
                        files(Map.of("index.yml", "languages: [xx]", "xx.yml", "fields:\n  sender: [Fan]\n"))))
                .hasMessageContaining("xx.yml: unknown field 'sender'");
        assertThatThrownBy(() -> ReplyForms.load(files(Map.of(
                        "index.yml", "languages: [xx]", "xx.yml", "wrote:\n  - form: \"Zo {date} zei {sender}\"\n"))))
                .hasMessageContaining("xx.yml: a wrote form ends with ':'");
        assertThatThrownBy(() -> ReplyForms.load(files(
                        Map.of("index.yml", "languages: [xx]", "xx.yml", "fields:\n  from: [Fan]\n  to: [fan]\n"))))
                .hasMessageContaining("'fan' is already the field FROM");
    }

    private static Function<String, InputStream> files(Map<String, String> files) {
        return name -> {
            String text = files.get(name.substring(ReplyForms.FOLDER.length()));
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }
}
