package nl.classbridge.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Parts of reading a reply")
class ReplyPartsTest {

    private static MimeMessage mail(String headers, String body) throws Exception {
        String raw = "From: Ouder <ouder@Example.ORG>\nTo: klas5@deregenboog.nl\nMIME-Version: 1.0\n" + headers
                + "Content-Type: text/plain; charset=UTF-8\n\n" + body;
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static NumberedAnswers.Answers answers(String text) {
        return NumberedAnswers.read(OwnWords.of(text).lines());
    }

    @ParameterizedTest(name = "\"{0}\" is answer {1}: \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "1. 4 | 1 | 4",
                "1) Goed | 1 | Goed",
                "1: ja | 1 | ja",
                "1 - Heel goed | 1 | Heel goed",
                "Vraag 1: heel goed | 1 | heel goed",
                "vraag 1 goed | 1 | goed",
                "1.Goed | 1 | Goed",
                "1.4 | 1 | 4",
                "1 4 | 1 | 4",
                "١. ٤ | 1 | ٤",
                "١- جيد | 1 | جيد",
                "\u200F١. جيد جدا | 1 | جيد جدا",
            })
    @DisplayName("a numbered line in any of the usual shapes")
    void shapes(String line, int number, String answer) {
        assertThat(answers(line).numbered()).containsExactly(Map.entry(number, answer));
    }

    @ParameterizedTest(name = "\"{0}\" is no answer")
    @CsvSource(
            delimiter = '|',
            value = {"2 dagen ziek geweest", "9:30 naar de tandarts", "100. iets", "0. niets", "12.5 uur"})
    @DisplayName("a line that only starts with a number stays text")
    void notNumbers(String line) {
        assertThat(answers(line).numbered()).isEmpty();
        assertThat(answers(line).unnumbered()).isEqualTo(line);
    }

    @Test
    @DisplayName("text before the first number is unnumbered; a greeting and a sign-off are neither")
    void unnumbered() {
        NumberedAnswers.Answers read = answers("Hallo juf,\n\nSam was ziek.\n\n1. 3\n2. Lezen\n\nGroetjes,\nFatima");
        assertThat(read.unnumbered()).isEqualTo("Sam was ziek.");
        assertThat(read.numbered()).containsExactly(Map.entry(1, "3"), Map.entry(2, "Lezen"));
    }

    @Test
    @DisplayName("HTML: blocks and <br> are lines, entities decoded, scripts and styles gone, lists numbered")
    void html() {
        String text = HtmlText.toText("<html><head><style>p{}</style><title>x</title></head><body>"
                + "<p>Caf&eacute; &amp; thee&nbsp;&#8211; &#x263A;</p><div>a<br>b</div><script>alert(1)</script>"
                + "<ol start=\"2\"><li>twee</li><li>drie</li></ol><p>1 &lt; 2</p></body></html>");
        assertThat(text).isEqualTo("Café & thee – ☺\na\nb\n2. twee\n3. drie\n1 < 2");
    }

    @Test
    @DisplayName("HTML: a blockquote becomes quoted lines; Outlook's reply header ends the text")
    void htmlQuotes() {
        assertThat(HtmlText.toText(
                        "<div>Ja</div><blockquote>vraag<blockquote>ouder</blockquote></blockquote><div>Nee</div>"))
                .isEqualTo("Ja\n> vraag\n>> ouder\nNee");
        assertThat(HtmlText.toText("<div>4</div><div id=divRplyFwdMsg><b>Van:</b> juf</div><div>1. Vraag</div>"))
                .isEqualTo("4\n" + HtmlText.ORIGINAL_FOLLOWS);
    }

    @Test
    @DisplayName("format=flowed lines are joined again, the signature line is kept")
    void flowed() {
        assertThat(MailBody.Flowed.unflow("Dit is een \nlange regel.\n> geciteerd \n> verder\n-- \nPiet", false))
                .isEqualTo("Dit is een lange regel.\n> geciteerd verder\n-- \nPiet");
    }

    @Test
    @DisplayName("ISO-8859-1 is read as Windows-1252; no charset: UTF-8 when valid, else Windows-1252")
    void charsets() {
        assertThat(MailBody.decode(new byte[] {(byte) 0x80, (byte) 0x92}, "iso-8859-1"))
                .isEqualTo("€’");
        assertThat(MailBody.decode("één".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo("één");
        assertThat(MailBody.decode(new byte[] {(byte) 0xE9}, null)).isEqualTo("é");
        assertThat(MailBody.decode(new byte[] {(byte) 0xE9}, "x-unknown-charset"))
                .isEqualTo("é");
    }

    @Test
    @DisplayName("X-Auto-Response-Suppress alone is a person's mail; Auto-Submitted: no too")
    void notAutomatic() throws Exception {
        assertThat(ReplyParser.parse(mail("Subject: Re: x\nX-Auto-Response-Suppress: All\n", "1. 4\n")))
                .isInstanceOf(ParsedMail.Reply.class);
        assertThat(ReplyParser.parse(mail("Subject: Re: x\nAuto-Submitted: no\n", "1. 4\n")))
                .isInstanceOf(ParsedMail.Reply.class);
        assertThat(ReplyParser.parse(mail("Subject: Re: x\nX-Autoreply: yes\n", "1. 4\n")))
                .isEqualTo(new ParsedMail.AutoReply("ouder@example.org"));
        assertThat(ReplyParser.parse(mail("Subject: Out of Office: Groep 5\n", "Ik ben er niet.\n")))
                .isInstanceOf(ParsedMail.AutoReply.class);
    }

    @Test
    @DisplayName("message ids always come as <id>, each once; the last token of the subject counts")
    void headers() throws Exception {
        MimeMessage message = mail(
                "Subject: Re: Fwd: [aaaaaaaaaa] Groep 5 [K3MP9XQ2AB]\n"
                        + "In-Reply-To: cb.2@klas.nl\nReferences: <cb.1@klas.nl>\n <cb.2@klas.nl>\n",
                "Goed\n");
        ParsedMail.Reply reply = (ParsedMail.Reply) ReplyParser.parse(message);
        assertThat(reply.referencedMessageIds()).containsExactly("<cb.2@klas.nl>", "<cb.1@klas.nl>");
        assertThat(reply.subjectToken()).contains("k3mp9xq2ab");
        assertThat(reply.fromAddress()).isEqualTo("ouder@example.org");
        assertThat(reply.unnumbered()).isEqualTo("Goed");
        assertThat(ReplyParser.subjectToken("Re: Groep 5 [k3mp9xq2a]")).isEmpty();
        assertThat(ReplyParser.subjectToken("رد: المجموعة 5 [\u2068k3mp9xq2ab\u2069]\u200F"))
                .contains("k3mp9xq2ab");
        assertThat(ReplyParser.subjectToken("Re: Groep 5 [k3mp9xq2a1]")).isEmpty();
    }

    @Test
    @DisplayName("a quoted block that ends far below its last question gives no number to the text under it")
    void bottomPostedAfterWholeQuote() {
        NumberedAnswers.Answers read = answers("> 3. Nog iets?\n> Schrijf je antwoord.\n>\n> Met vriendelijke groet,\n"
                + "> Juf Anna\n> —\n> Je krijgt deze e-mail omdat...\n\nAlles gaat prima!");
        assertThat(read.numbered()).isEmpty();
        assertThat(read.unnumbered()).isEqualTo("Alles gaat prima!");
    }
}
