package nl.classbridge.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
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

    private static NumberedAnswers.Answers answers(String body, String... senderNames) {
        return NumberedAnswers.read(OwnWords.of(body).lines(), ReplyForms.standard(), Set.of(senderNames));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Groet, Sabine (moeder van Daan)",
                "Met vriendelijke groet,\nFatima El Amrani",
                "مع تحياتي،\nفاطمة، أم آدم",
                "شكراً",
                "أم كريم",
                "Serdecznie pozdrawiam",
                "Best,\nLauren",
                "Hilsen Ingrid",
                "Мама Арсена",
            })
    @DisplayName("a sign-off in any language ends the last answer, and is no answer itself")
    void signOffs(String signOff) {
        NumberedAnswers.Answers read = answers("1. Goed\n2. Nee\n\n" + signOff);
        assertThat(read.numbered()).containsExactly(Map.entry(1, "Goed"), Map.entry(2, "Nee"));
        assertThat(read.unnumbered()).isEmpty();
    }

    @Test
    @DisplayName("a closing name ends the last answer only after answers; a sentence that starts like a sign-off stays")
    void names() {
        assertThat(answers("1. Goed\n2. Nee\nPriya", "priya", "sharma").numbered())
                .containsEntry(2, "Nee");
        assertThat(answers("1. Goed\n2. Nee\n\nRasha").numbered()).containsEntry(2, "Nee");
        assertThat(answers("Kunt u mij bellen?\n\nJan", "jan", "smit").unnumbered())
                .endsWith("Jan");
        assertThat(answers("1. Goed\n2. Nee\nBest day ever at the zoo").numbered())
                .containsEntry(2, "Nee\nBest day ever at the zoo");
    }

    @Test
    @DisplayName(
            "under a quoted question its number wins over a higher typed one; under the last, typed numbers start over")
    void inline() {
        assertThat(answers("> 1. How does your child feel?\n3 - up and down\n> 2. What went well?\nScience week")
                        .numbered())
                .containsExactly(Map.entry(1, "3 - up and down"), Map.entry(2, "Science week"));
        assertThat(answers("> 3. Is er iets?\n> 4. Wil je praten?\n1. Goed\n2. Tekenen")
                        .numbered())
                .containsExactly(Map.entry(1, "Goed"), Map.entry(2, "Tekenen"));
    }

    @Test
    @DisplayName("answers on one line split on dashes too, but not a range")
    void dashes() {
        assertThat(answers("1-добре 2-Вероніка сама заплела косу 3-ні").numbered())
                .containsExactly(Map.entry(1, "добре"), Map.entry(2, "Вероніка сама заплела косу"), Map.entry(3, "ні"));
        assertThat(answers("1. Hij was 2-3 dagen ziek").numbered())
                .containsExactly(Map.entry(1, "Hij was 2-3 dagen ziek"));
    }

    @Test
    @DisplayName(
            "headers that run on into the original, have no date but stand above the quote, or start where a date can")
    void moreHeaders() {
        assertThat(own(
                        "Thanks!\nSent from Yahoo Mail on Android\nOn Mon, 1 Sep 2026 at 9:00, Juf Anna<klas5@deregenboog.nl>"
                                + "wrote: Hello, Juf Anna from Groep 5 would love to hear"))
                .isEqualTo("Thanks!");
        assertThat(own("Dzień dobry,\nLena była chora.\n\nJuf Anna pisze:\n> Dzień dobry!\n> 1. Jak?"))
                .isEqualTo("Dzień dobry,\nLena była chora.");
        assertThat(own("Ali yazdı:\nÇok güzel bir resim.")).contains("Ali yazdı:", "güzel");
        assertThat(own("Hilsen Mads Den 01.09.2026 kl. 09.00 skrev Juf Anna:\n> Hallo"))
                .isEqualTo("Hilsen Mads");
        assertThat(own(
                        "Teşekkürler, Selin 1 Eyl 2026 Pzt, 09:00 tarihinde Juf Anna <klas5@deregenboog.nl> şunu yazdı:\n"
                                + "> Merhaba"))
                .isEqualTo("Teşekkürler, Selin");
        assertThat(own(
                        "Pozdrawiam\n\nW dniu 1 września 2026\n09:00 użytkownik Juf Anna <klas5@deregenboog.nl> napisał:\n"
                                + "> Dzień dobry"))
                .isEqualTo("Pozdrawiam");
        assertThat(own("Sayın öğretmenim,\nİyi\n----- Özgün İleti ----- Kimden: Juf Anna Gönderildi: 1 Eylül 2026"))
                .isEqualTo("Sayın öğretmenim,\nİyi");
    }

    @Test
    @DisplayName("typed arrows above a real quote stay, and a short rule with a name and phone under it goes")
    void arrowsAndShortRules() {
        assertThat(own(">>> Important: Sam may not eat nuts.\n1. 4\n\nOn Mon, 1 Sep 2026 at 9:00 Juf Anna "
                        + "<klas5@deregenboog.nl> wrote:\n> Hello,\n> 1. How?"))
                .isEqualTo(">>> Important: Sam may not eat nuts.\n1. 4");
        assertThat(own("Дякую!\n___\nМикола Бондар\nтел. +31 6 2345 6789")).isEqualTo("Дякую!");
    }

    @Test
    @DisplayName(
            "a crafted mail cannot make the patterns backtrack for long: past a budget per mail its lines stay text")
    void budget() {
        BoundedText.Budget budget = new BoundedText.Budget(10);
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("(a+)+b");
        assertThat(BoundedText.matches(pattern, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", budget))
                .isFalse();
        assertThat(budget.spent()).isTrue();
        assertThat(BoundedText.matches(pattern, "ab", budget)).isFalse();
        assertThat(BoundedText.matches(pattern, "ab", null)).isTrue();

        String bait =
                "Op 1 sep 2026 schreef schreef schreef, 2026, 2026 tarihinde şunu yazdı napisał(a) пише 9:00 @:\n";
        String body = "Goed hoor.\n" + bait.repeat(20_000);
        assertThat(own(body)).startsWith("Goed hoor.").hasSizeGreaterThan(bait.length() * 19_000);
    }

    @Test
    @DisplayName("answers begun with words, in each language, and numbers in the family's own order")
    void wordsAndOrder() {
        assertThat(answers("Eerste vraag: goed\nTweede vraag: hij fietst zelf\nVierde vraag: nee hoor")
                        .numbered())
                .containsExactly(Map.entry(1, "goed"), Map.entry(2, "hij fietst zelf"), Map.entry(4, "nee hoor"));
        assertThat(answers("السؤال الأول: جيد جداً\nالسؤال الثاني: لا").numbered())
                .containsExactly(Map.entry(1, "جيد جداً"), Map.entry(2, "لا"));
        assertThat(answers("pierwsze pytanie: dobrze\ndrugie: nic").numbered())
                .containsExactly(Map.entry(1, "dobrze"), Map.entry(2, "nic"));
        assertThat(answers("Birinci soru: iyi").numbered()).containsExactly(Map.entry(1, "iyi"));
        assertThat(answers("De eerste keer ging het mis.").numbered()).isEmpty();
        assertThat(answers("1. Good\n3. Nothing really\n2. A new friend\n4. No").numbered())
                .containsExactly(
                        Map.entry(1, "Good"),
                        Map.entry(3, "Nothing really"),
                        Map.entry(2, "A new friend"),
                        Map.entry(4, "No"));
        assertThat(answers("1. Goed\n2. Ze leert graag:\n1. lezen\n2. rekenen").numbered())
                .containsExactly(Map.entry(1, "Goed"), Map.entry(2, "Ze leert graag:\n1. lezen\n2. rekenen"));
    }

    @Test
    @DisplayName("more closing names: two names with 'and', a name with kisses")
    void moreNames() {
        assertThat(answers("1. Good\n2. No thanks\n\nGary and Louise").numbered())
                .containsEntry(2, "No thanks");
        assertThat(answers("1. Good\n2. No thank u\nKelly x").numbered()).containsEntry(2, "No thank u");
    }

    @Test
    @DisplayName(
            "a work signature with its disclaimer under a rule goes; a rule with the family's words under it stays")
    void workSignature() {
        String signature =
                "-------------------------------------------\nJeroen Bakker | Projectleider\nBouwbedrijf Van Wijk B.V."
                        + "\nT +31 10 123 45 67\nwww.vanwijkbouw.nl\n\nDisclaimer: De informatie verzonden met dit e-mailbericht is"
                        + " uitsluitend bestemd voor de geadresseerde. Gebruik door anderen is verboden.";
        assertThat(own("1. Goed\n2. Nee\nGroet,\nJeroen\n\n" + signature)).isEqualTo("1. Goed\n2. Nee\nGroet,\nJeroen");
        String words =
                "1. Goed\n-----\nOh ja: Sam heeft morgen gym, en hij wil graag zijn nieuwe schoenen aan. Mag dat?";
        assertThat(own(words)).contains("Oh ja: Sam heeft morgen gym");
    }

    @Test
    @DisplayName("a header block above the quote with answers under the questions; Outlook's link after its signature")
    void blockAboveQuote() {
        String body = "من : Juf Anna <klas5@deregenboog.nl>\nالمرسلة : الاثنين 5 أكتوبر 2026\nالموضوع : المجموعة 5\n\n"
                + "> 1. كيف يشعر طفلكم؟\n٤\n> 2. ما الشيء الذي سار بشكل جيد؟\nصار يساعدني";
        assertThat(answers(body).numbered()).containsExactly(Map.entry(1, "٤"), Map.entry(2, "صار يساعدني"));
        assertThat(own("Ja graag\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n\nFrom: Juf Anna\nSent: Monday"))
                .isEqualTo("Ja graag");
    }

    @Test
    @DisplayName("a separator and block above a prefixed quote keep the answers typed between its questions; 'Ad 1.'")
    void separatorAboveQuote() {
        String body =
                "Hoi juf, zie mijn antwoorden tussen de vragen.\n\n-----Oorspronkelijk bericht-----\nVan: Juf Anna\n"
                        + "Verzonden: maandag 1 september 2026 09:00\n\n> 1. Hoe voelt je kind zich?\nGoed\n> 2. Wat ging er goed?\nZwemmen";
        assertThat(answers(body).numbered()).containsExactly(Map.entry(1, "Goed"), Map.entry(2, "Zwemmen"));
        assertThat(
                        own(
                                "Hoi juf\n\n-----Oorspronkelijk bericht-----\nVan: Juf Anna\nVerzonden: maandag\n\nHallo,\n1. Hoe?"))
                .isEqualTo("Hoi juf");
        assertThat(answers("Ad 1. dobrze\nAd 2. nic").numbered())
                .containsExactly(Map.entry(1, "dobrze"), Map.entry(2, "nic"));
        assertThat(own("Later, sorry.\nMark\n\nQuoting Juf Anna <klas5@deregenboog.nl>:\n> Hello\n\n-----\n"
                        + "This message was sent using IMP, the Internet Messaging Program."))
                .isEqualTo("Later, sorry.\nMark");
    }

    private static Function<String, InputStream> files(Map<String, String> files) {
        return name -> {
            String text = files.get(name.substring(ReplyForms.FOLDER.length()));
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }
}
