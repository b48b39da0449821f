package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.SentMail;
import nl.classbridge.testing.TestTranslator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16's acceptance end to end: a family in each of the six languages answers the check-in by
 * replying, in that language's Gmail and in that language's Outlook for Windows, to the
 * questionnaire mail the bot really sent them. The real bot (real JDA against the local Discord
 * server, a real SQLite file) sends the questions through GreenMail's real SMTP and reads the reply
 * from GreenMail's real IMAP mailbox (IDLE: read as soon as it arrives, no sleeps).
 *
 * <p>Each reply is built from the mail the family received: its Message-ID in In-Reply-To and
 * References, its subject with the reply token after "Re:" (or Outlook's localised prefix), its
 * Reply-To as recipient, and its own plain and HTML text quoted the way the client quotes:
 *
 * <ul>
 *   <li>Gmail: multipart/alternative; the plain part has the localised "On ... wrote:" line and the
 *       original quoted with "> "; the HTML part has the answers in {@code <div dir>}s, then a
 *       {@code div.gmail_quote} holding the {@code gmail_attr} line and a {@code blockquote.gmail_quote}.
 *   <li>Outlook for Windows (Word's HTML): the answers in {@code p.MsoNormal}, then the
 *       {@code border-top} div with the bold From/Sent/To/Subject block in the user's language and
 *       the original unquoted below it; the plain part has the same block and the original's text
 *       unquoted (no "> "), so a missed block means the questionnaire's numbered questions are read
 *       as answers.
 * </ul>
 *
 * <p>The headers follow the clients' real forms (Gmail's Arabic "في ... تمت كتابة ما يلي بواسطة ...:",
 * Turkish "..., tarihinde şunu yazdı:", Polish "W dniu ... napisał(a):", Ukrainian "... пише:";
 * Outlook's Van/Verzonden/Aan/Onderwerp, Od/Wysłano/Do/Temat, Kimden/Gönderildi/Kime/Konu,
 * Від/Надіслано/Кому/Тема, من/تم الإرسال/إلى/الموضوع), with the date of the questionnaire mail in the
 * client's format for that language.
 *
 * <p>Each case asserts what the teacher gets: the stored answers are exactly the family's, by
 * question (1 the scale, 2 and 3 the texts; 4, optional, skipped), nothing else is stored (no
 * words-for-the-teacher note made of the quoted questionnaire, no word of it in any answer), and
 * the confirmation mail to the family, threaded under the reply, echoes the answers. The twelve
 * cases (six languages, two clients) send what the clients send, both parts; the bot reads the
 * plain one. Twelve more send the same replies' HTML part alone, to prove the HTML forms. Each
 * case has a family of its own (24 in all), so every reply answers its own open request.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Replies in six languages, from Gmail and Outlook (issue 16)")
class RepliesInSixLanguagesTest {
    private static final String BOT = "klas@school.example";
    private static final Pattern TOKEN = Pattern.compile("\\[([a-z2-9]{16})]$");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    enum Client {
        GMAIL,
        OUTLOOK
    }

    /** What a family in {@code language} answers: the scale (1-5), what went well, what to know. */
    record Answers(String scale, String wentWell, String goodToKnow, String scaleLabel) {}

    /**
     * The children, four per language: the first family replies from Gmail, the second from Outlook,
     * the third and fourth send the same as the first two with the HTML part alone.
     */
    private static final Map<Language, List<String>> CHILDREN = new LinkedHashMap<>();

    private static final Map<Language, Answers> ANSWERS = new LinkedHashMap<>();

    static {
        CHILDREN.put(Language.NL, List.of("Lotte", "Daan", "Sanne", "Bram"));
        CHILDREN.put(Language.EN, List.of("Emma", "Jack", "Olivia", "Harry"));
        CHILDREN.put(Language.AR, List.of("Sami", "Amira", "Yusuf", "Layla"));
        CHILDREN.put(Language.TR, List.of("Elif", "Emir", "Zeynep", "Kerem"));
        CHILDREN.put(Language.PL, List.of("Zofia", "Jan", "Maja", "Kacper"));
        CHILDREN.put(Language.UK, List.of("Olena", "Taras", "Sofiia", "Bohdan"));
        ANSWERS.put(
                Language.NL,
                new Answers("4", "Ze heeft zelf een heel boek uitgelezen.", "Oma komt volgende week logeren.", "Goed"));
        ANSWERS.put(
                Language.EN,
                new Answers(
                        "5",
                        "He learned to ride his bike without help.",
                        "We are moving house in March.",
                        "Very good"));
        ANSWERS.put(Language.AR, new Answers("4", "قرأت قصة كاملة بنفسها.", "جدتها مريضة هذا الأسبوع.", "جيد"));
        ANSWERS.put(
                Language.TR, new Answers("3", "Yüzme dersinde çok cesurdu.", "Kardeşi geçen ay doğdu.", "İdare eder"));
        ANSWERS.put(
                Language.PL,
                new Answers("5", "Nauczyła się tabliczki mnożenia.", "W piątek idziemy do dentysty.", "Bardzo dobrze"));
        ANSWERS.put(
                Language.UK,
                new Answers("4", "Вона знайшла нову подругу в класі.", "Ми ще вивчаємо нідерландську мову.", "Добре"));
    }

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()})
            .withPerMethodLifecycle(false); // one mail server for the suite, as for the bot

    @TempDir
    static Path folder;

    SchoolOnDiscord school;
    final TestTranslator translator = new TestTranslator();
    /** The questionnaire mail each family received, by address. */
    final Map<String, MimeMessage> questions = new HashMap<>();

    @BeforeAll
    void school() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Groep 5");
        school.translator = Optional.of(translator);
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
        for (Map.Entry<Language, List<String>> language : CHILDREN.entrySet()) {
            for (String child : language.getValue()) {
                school.teacher("student add", Map.of("name", child));
                school.teacher("guardian add-email", Map.of("student", child, "email", address(child)));
                speaks(address(child), language.getKey());
            }
        }
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        Eventually.await("the questions for every family", Duration.ofSeconds(90), () -> {
            for (List<String> children : CHILDREN.values()) {
                for (String child : children) {
                    Arrays.stream(MAIL.getReceivedMessages())
                            .filter(m -> SentMail.isTo(m, address(child))
                                    && TOKEN.matcher(SentMail.subject(m)).find())
                            .findFirst()
                            .ifPresent(m -> questions.put(address(child), m));
                }
            }
            return questions.size() == 24;
        });
    }

    @AfterAll
    void stop() {
        translator.release();
        if (school != null) {
            school.close();
        }
    }

    static Stream<Arguments> cases() {
        return CHILDREN.entrySet().stream()
                .flatMap(language -> Stream.of(
                        Arguments.of(
                                language.getKey(),
                                Client.GMAIL,
                                language.getValue().get(0)),
                        Arguments.of(
                                language.getKey(),
                                Client.OUTLOOK,
                                language.getValue().get(1))));
    }

    static Stream<Arguments> htmlCases() {
        return CHILDREN.entrySet().stream()
                .flatMap(language -> Stream.of(
                        Arguments.of(
                                language.getKey(),
                                Client.GMAIL,
                                language.getValue().get(2)),
                        Arguments.of(
                                language.getKey(),
                                Client.OUTLOOK,
                                language.getValue().get(3))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    @DisplayName("a reply from the family's own mail program in its own language becomes exactly its answers,"
            + " nothing of the quote is stored, and the confirmation echoes the answers")
    void replyInLanguage(Language language, Client client, String child) throws Exception {
        answersAndConfirmation(language, client, child, false);
    }

    /**
     * The bot reads a reply's plain part when it has one, so the cases above prove the plain forms.
     * These send the same replies' HTML part alone, so the HTML forms (Gmail's {@code gmail_quote},
     * Outlook's {@code border-top} div and bold block, in each language) are proved too.
     */
    @ParameterizedTest(name = "{0} {1}, HTML part alone")
    @MethodSource("htmlCases")
    @DisplayName("the same replies with their HTML part alone become exactly the family's answers too")
    void htmlPartInLanguage(Language language, Client client, String child) throws Exception {
        answersAndConfirmation(language, client, child, true);
    }

    private void answersAndConfirmation(Language language, Client client, String child, boolean htmlOnly)
            throws Exception {
        String family = address(child);
        MimeMessage original = questions.get(family);
        Answers answers = ANSWERS.get(language);
        String typed = "1. " + answers.scale() + "\n2. " + answers.wentWell() + "\n3. " + answers.goodToKnow();
        MimeMessage reply = client == Client.GMAIL
                ? gmail(language, family, original, typed, htmlOnly)
                : outlook(language, family, original, typed, htmlOnly);
        String replyId = reply.getMessageID();

        String outcome = deliver(reply);

        assertThat(outcome).as("what the bot made of the reply").isEqualTo("answers");
        Map<String, String> stored = storedAnswers(family);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("feeling", answers.scale());
        expected.put("went-well", answers.wentWell());
        expected.put("good-to-know", answers.goodToKnow());
        expected.put("talk", "(skipped)");
        assertThat(stored)
                .as("the answers stored for %s's family (%s, %s)", child, language, client)
                .containsExactlyInAnyOrderEntriesOf(expected);
        String questionnaireText = plainText(original);
        for (String value : stored.values()) {
            for (String line : questionnaireText.split("\n")) {
                String quoted = line.replaceFirst("^\\s*\\d+\\.\\s*", "").strip();
                if (quoted.length() >= 12) {
                    assertThat(value)
                            .as("a stored answer holds a line of the questionnaire")
                            .doesNotContain(quoted);
                }
            }
        }
        assertThat(stored).doesNotContainKey(Answer.EMAIL_NOTE);

        MimeMessage confirmation = awaitConfirmation(family, replyId);
        String echoed = plainText(confirmation);
        assertThat(echoed)
                .as("the confirmation to %s's family", child)
                .contains(answers.scaleLabel(), answers.wentWell(), answers.goodToKnow());
    }

    // ------------------------------------------------------------------------------- the clients

    /** A reply as Gmail (web and app) writes it in {@code language}'s interface. */
    private static MimeMessage gmail(
            Language language, String family, MimeMessage original, String typed, boolean htmlOnly) throws Exception {
        InternetAddress teacher = (InternetAddress) original.getFrom()[0];
        ZonedDateTime sent = sentAt(original);
        String attribution = gmailAttribution(language, sent, teacher.getPersonal(), teacher.getAddress());
        StringBuilder plain =
                new StringBuilder(typed).append("\n\n").append(attribution).append("\n\n");
        for (String line : plainText(original).split("\n", -1)) {
            plain.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        String dir = language == Language.AR ? "rtl" : "ltr";
        StringBuilder html = new StringBuilder("<div dir=\"").append(dir).append("\">");
        for (String line : typed.split("\n")) {
            html.append("<div>").append(escape(line)).append("</div>");
        }
        html.append("</div><br><div class=\"gmail_quote gmail_quote_container\"><div dir=\"")
                .append(dir)
                .append("\" class=\"gmail_attr\">")
                .append(escape(attribution)
                        .replace(
                                escape("<" + teacher.getAddress() + ">"),
                                "&lt;<a href=\"mailto:" + teacher.getAddress() + "\">" + teacher.getAddress()
                                        + "</a>&gt;"))
                .append("<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;"
                        + "border-left:1px solid rgb(204,204,204);padding-left:1ex\">")
                .append(bodyOf(htmlText(original)))
                .append("</blockquote></div>\n");
        MimeMessage reply = message(family, original, "Re: " + original.getSubject());
        body(reply, plain.toString(), html.toString(), "quoted-printable", htmlOnly);
        reply.saveChanges();
        reply.setHeader("Message-ID", "<CAG" + System.nanoTime() + "x9Lq@mail.gmail.com>");
        return reply;
    }

    /**
     * Gmail's attribution line in each interface language: nl "Op di 1 sep 2026 om 09:00 schreef ...:",
     * en "On Tue, Sep 1, 2026 at 9:00 AM ... wrote:", ar "في الثلاثاء، 1 سبتمبر 2026 في 9:00 ص تمت كتابة ما
     * يلي بواسطة ...:", tr "..., 1 Eyl 2026 Sal, 09:00 tarihinde şunu yazdı:", pl "W dniu wt., 1.09.2026 o
     * 09:00 ... napisał(a):", uk "вт, 1 вер. 2026 р. о 09:00 ... пише:".
     */
    static String gmailAttribution(Language language, ZonedDateTime at, String name, String address) {
        String who = name + " <" + address + ">";
        int day = at.getDayOfMonth();
        int year = at.getYear();
        String hm = at.format(DateTimeFormatter.ofPattern("HH:mm"));
        int month = at.getMonthValue() - 1;
        int weekday = at.getDayOfWeek().getValue() - 1; // Monday = 0
        return switch (language) {
            case NL ->
                "Op " + pick("ma di wo do vr za zo", weekday) + " " + day + " "
                        + pick("jan feb mrt apr mei jun jul aug sep okt nov dec", month) + " " + year + " om " + hm
                        + " schreef " + who + ":";
            case EN ->
                "On " + pick("Mon Tue Wed Thu Fri Sat Sun", weekday) + ", "
                        + pick("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", month) + " " + day + ", " + year
                        + " at " + at.format(DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH)) + " " + who
                        + " wrote:";
            case AR ->
                "في " + pick("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد", weekday) + "، " + day + " "
                        + pick("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر", month)
                        + " "
                        + year + " في " + at.format(DateTimeFormatter.ofPattern("h:mm")) + " "
                        + (at.getHour() < 12 ? "ص" : "م") + " تمت كتابة ما يلي بواسطة " + who + ":";
            case TR ->
                who + ", " + day + " " + pick("Oca Şub Mar Nis May Haz Tem Ağu Eyl Eki Kas Ara", month) + " "
                        + year + " " + pick("Pzt Sal Çar Per Cum Cmt Paz", weekday) + ", " + hm
                        + " tarihinde şunu yazdı:";
            case PL ->
                "W dniu " + pick("pon. wt. śr. czw. pt. sob. niedz.", weekday) + ", " + day + "."
                        + String.format(Locale.ROOT, "%02d", month + 1) + "." + year + " o " + hm + " " + who
                        + " napisał(a):";
            case UK ->
                pick("пн вт ср чт пт сб нд", weekday) + ", " + day + " "
                        + pick("січ. лют. бер. квіт. трав. черв. лип. серп. вер. жовт. лист. груд.", month) + " " + year
                        + " р. о " + hm + " " + who + " пише:";
        };
    }

    /** A reply as Outlook for Windows (Microsoft 365) writes it in {@code language}'s interface. */
    private static MimeMessage outlook(
            Language language, String family, MimeMessage original, String typed, boolean htmlOnly) throws Exception {
        InternetAddress teacher = (InternetAddress) original.getFrom()[0];
        List<String> labels = outlookLabels(language);
        String sentOn = outlookDate(language, sentAt(original));
        String fromValue = teacher.getPersonal() + " <" + teacher.getAddress() + ">";
        String subject = original.getSubject();
        String plain = typed + "\n\n" + labels.get(0) + ": " + fromValue + "\n" + labels.get(1) + ": " + sentOn + "\n"
                + labels.get(2) + ": " + family + "\n" + labels.get(3) + ": " + subject + "\n\n" + plainText(original);
        boolean rtl = language == Language.AR;
        String p = rtl ? "<p class=\"MsoNormal\" dir=\"RTL\">" : "<p class=\"MsoNormal\">";
        StringBuilder html = new StringBuilder();
        html.append(
                        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
                                + " xmlns:w=\"urn:schemas-microsoft-com:office:word\""
                                + " xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\""
                                + " xmlns=\"http://www.w3.org/TR/REC-html40\"><head>"
                                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                                + "<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">"
                                + "<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:\"Cambria Math\";}\n"
                                + "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;font-size:11.0pt;"
                                + "font-family:\"Calibri\",sans-serif;}\n"
                                + "div.WordSection1\n\t{page:WordSection1;}\n--></style></head>")
                .append("<body lang=\"")
                .append(language.name())
                .append("\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\"")
                .append(rtl ? " dir=\"RTL\"" : "")
                .append("><div class=\"WordSection1\">");
        for (String line : typed.split("\n")) {
            html.append(p).append(escape(line)).append("<o:p></o:p></p>\n");
        }
        html.append(p)
                .append("<o:p>&nbsp;</o:p></p>\n<div><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;"
                        + "padding:3.0pt 0cm 0cm 0cm\">\n")
                .append(p)
                .append("<b>")
                .append(labels.get(0))
                .append(":</b> ")
                .append(escape(fromValue))
                .append(" <br>\n<b>")
                .append(labels.get(1))
                .append(":</b> ")
                .append(escape(sentOn))
                .append("<br>\n<b>")
                .append(labels.get(2))
                .append(":</b> ")
                .append(escape(family))
                .append("<br>\n<b>")
                .append(labels.get(3))
                .append(":</b> ")
                .append(escape(subject))
                .append("<o:p></o:p></p>\n</div></div>\n")
                .append(p)
                .append("<o:p>&nbsp;</o:p></p>\n")
                .append(bodyOf(htmlText(original)))
                .append("\n</div></body></html>\n");
        MimeMessage reply = message(family, original, outlookReplyPrefix(language) + " " + subject);
        reply.setHeader("Thread-Topic", subject.replaceAll("\\s*\\[[a-z2-9]{16}]$", ""));
        reply.setHeader("Thread-Index", "AdtK2v7hQm3yQ0b1TgaYxZkz1Q==");
        reply.setHeader("Content-Language", outlookCulture(language));
        reply.setHeader("X-MS-Has-Attach", "");
        reply.setHeader("X-MS-TNEF-Correlator", "");
        // Outlook sends non-Latin text in base64 and Latin text in quoted-printable.
        String encoding = List.of(Language.AR, Language.UK).contains(language) ? "base64" : "quoted-printable";
        body(reply, plain, html.toString(), encoding, htmlOnly);
        reply.saveChanges();
        reply.setHeader("Message-ID", "<AM0PR07MB" + System.nanoTime() + "@AM0PR07MB6257.eurprd07.prod.outlook.com>");
        return reply;
    }

    /** Outlook's From, Sent, To, Subject in each interface language. */
    static List<String> outlookLabels(Language language) {
        return switch (language) {
            case NL -> List.of("Van", "Verzonden", "Aan", "Onderwerp");
            case EN -> List.of("From", "Sent", "To", "Subject");
            case AR -> List.of("من", "تم الإرسال", "إلى", "الموضوع");
            case TR -> List.of("Kimden", "Gönderildi", "Kime", "Konu");
            case PL -> List.of("Od", "Wysłano", "Do", "Temat");
            case UK -> List.of("Від", "Надіслано", "Кому", "Тема");
        };
    }

    /** The prefix Outlook puts before the subject of a reply in each interface language. */
    static String outlookReplyPrefix(Language language) {
        return switch (language) {
            case NL, EN, UK -> "RE:";
            case AR -> "رد:";
            case TR -> "YNT:";
            case PL -> "ODP:";
        };
    }

    private static String outlookCulture(Language language) {
        return switch (language) {
            case NL -> "nl-NL";
            case EN -> "en-GB";
            case AR -> "ar-SA";
            case TR -> "tr-TR";
            case PL -> "pl-PL";
            case UK -> "uk-UA";
        };
    }

    /**
     * Outlook's "Sent" date: nl "dinsdag 1 september 2026 09:00", en "Tuesday, September 1, 2026 9:00 AM",
     * ar "الثلاثاء، 1 سبتمبر، 2026 9:00 ص", tr "1 Eylül 2026 Salı 09:00", pl "wtorek, 1 września 2026 09:00",
     * uk "вівторок, 1 вересня 2026 р. 09:00".
     */
    static String outlookDate(Language language, ZonedDateTime at) {
        int day = at.getDayOfMonth();
        int year = at.getYear();
        int month = at.getMonthValue() - 1;
        int weekday = at.getDayOfWeek().getValue() - 1;
        String hm = at.format(DateTimeFormatter.ofPattern("HH:mm"));
        return switch (language) {
            case NL ->
                pick("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag", weekday) + " " + day + " "
                        + pick(
                                "januari februari maart april mei juni juli augustus september oktober november december",
                                month)
                        + " " + year + " " + hm;
            case EN -> at.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy h:mm a", Locale.ENGLISH));
            case AR ->
                pick("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد", weekday) + "، " + day + " "
                        + pick("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر", month)
                        + "، "
                        + year + " " + at.format(DateTimeFormatter.ofPattern("h:mm")) + " "
                        + (at.getHour() < 12 ? "ص" : "م");
            case TR ->
                day + " " + pick("Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık", month)
                        + " " + year + " " + pick("Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar", weekday)
                        + " "
                        + hm;
            case PL ->
                pick("poniedziałek wtorek środa czwartek piątek sobota niedziela", weekday) + ", " + day + " "
                        + pick(
                                "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada"
                                        + " grudnia",
                                month)
                        + " " + year + " " + hm;
            case UK ->
                pick("понеділок вівторок середа четвер пʼятниця субота неділя", weekday) + ", " + day + " "
                        + pick(
                                "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
                                month)
                        + " " + year + " р. " + hm;
        };
    }

    // ------------------------------------------------------------------------------- the harness

    private void speaks(String address, Language language) {
        school.inStore(db -> {
            GuardianRepository guardians = new GuardianRepository(db);
            Guardian guardian = guardians.findByEmail(address).orElseThrow();
            CommunicationPlan plan = guardian.plan();
            guardians.savePlan(
                    guardian.id(),
                    new CommunicationPlan(
                            plan.channel(), Optional.of(language), plan.quietHours(), plan.contactTimes()));
            return null;
        });
    }

    /** The reply's envelope: from the family to the questionnaire's Reply-To, threaded under it. */
    private static MimeMessage message(String family, MimeMessage original, String subject) throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(family));
        reply.setRecipients(Message.RecipientType.TO, original.getHeader("Reply-To")[0]);
        reply.setSubject(subject, "UTF-8");
        reply.setSentDate(new Date());
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        return reply;
    }

    /** multipart/alternative with both parts, as the clients send; or the HTML part alone. */
    private static void body(MimeMessage reply, String plain, String html, String encoding, boolean htmlOnly)
            throws MessagingException {
        if (htmlOnly) {
            reply.setText(html.replace("\n", "\r\n"), "UTF-8", "html");
            reply.setHeader("Content-Transfer-Encoding", encoding);
        } else {
            reply.setContent(alternative(plain, html, encoding));
        }
    }

    private static MimeMultipart alternative(String plain, String html, String encoding) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain.replace("\n", "\r\n"), "UTF-8", "plain");
        text.setHeader("Content-Transfer-Encoding", encoding);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html.replace("\n", "\r\n"), "UTF-8", "html");
        rich.setHeader("Content-Transfer-Encoding", encoding);
        alternative.addBodyPart(text);
        alternative.addBodyPart(rich);
        return alternative;
    }

    /** Sends {@code reply} through GreenMail's SMTP to the bot's mailbox; the bot's outcome once it read it. */
    private String deliver(MimeMessage reply) throws Exception {
        return ToTheBot.deliver(school, MAIL, BOT, reply);
    }

    /** Every answer row of the family's request: question id to value, "(skipped)" for a skipped one. */
    private Map<String, String> storedAnswers(String family) {
        List<String[]> rows = school.inStore(db -> db.read(sql -> sql.list(
                """
                SELECT a.question_id, a.value, a.skipped FROM answer a
                JOIN checkin_request r ON r.id = a.request_id
                JOIN guardian g ON g.id = r.guardian_id WHERE g.email = ?""",
                row -> new String[] {
                    row.string("question_id"), row.longValue("skipped") == 1 ? "(skipped)" : row.string("value")
                },
                family)));
        Map<String, String> stored = new LinkedHashMap<>();
        rows.forEach(row -> stored.put(row[0], row[1]));
        return stored;
    }

    /** The bot's confirmation to {@code family}, threaded under the reply {@code replyId}, once it came. */
    private static MimeMessage awaitConfirmation(String family, String replyId) {
        java.util.function.Supplier<Optional<MimeMessage>> found = () -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> SentMail.isTo(m, family) && replyId.equals(header(m, "In-Reply-To")))
                .findFirst();
        Eventually.await(
                "the confirmation to " + family,
                Duration.ofSeconds(60),
                () -> found.get().isPresent());
        return found.get().orElseThrow();
    }

    private static ZonedDateTime sentAt(MimeMessage original) throws MessagingException {
        Date sent = original.getSentDate();
        return (sent == null ? new Date() : sent).toInstant().atZone(AMSTERDAM);
    }

    private static String address(String child) {
        return "ouders." + child.toLowerCase(Locale.ROOT) + "@example.org";
    }

    private static String pick(String words, int index) {
        return words.split(" ")[index];
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** What lies between {@code <body ...>} and {@code </body>}, or the whole when there is no body tag. */
    private static String bodyOf(String html) {
        Matcher open = Pattern.compile("<body[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        int start = open.find() ? open.end() : 0;
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return html.substring(start, end < start ? html.length() : end);
    }

    static String plainText(Part part) {
        return textOf(part, "text/plain")
                .orElseThrow(() -> new AssertionError("no plain text part"))
                .replace("\r\n", "\n");
    }

    static String htmlText(Part part) {
        return textOf(part, "text/html").orElseThrow(() -> new AssertionError("no HTML part"));
    }

    private static Optional<String> textOf(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of((String) part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart each = parts.getBodyPart(i);
                    Optional<String> found = textOf(each, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? "" : values[0].strip();
        } catch (MessagingException e) {
            return "";
        }
    }
}
