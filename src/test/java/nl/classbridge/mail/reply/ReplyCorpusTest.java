package nl.classbridge.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every mail of {@code src/test/resources/mail/replies} against its entry in {@code expected.yml}:
 * real clients' quoting, charsets and HTML, automatic replies and bounces.
 */
@DisplayName("The reply corpus")
class ReplyCorpusTest {

    static final Path FOLDER = Path.of("src/test/resources/mail/replies");
    static final String ROUND_TOKEN = "k3mp9xq2ab";
    static final List<String> ROUND_MAIL = List.of("<cb.1842.k3mp9xq2ab@klas.deregenboog.nl>");
    static Map<String, Map<String, Object>> expected;
    static Question feeling;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(FOLDER.resolve("expected.yml"))) {
            expected = new Yaml().load(in);
        }
        feeling = QuestionnaireLoader.loadAll(Path.of("config/questionnaires"))
                .loaded()
                .get("check-in")
                .questionnaire()
                .asked()
                .get(0);
    }

    static Stream<String> mails() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".eml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static MimeMessage read(String name) throws Exception {
        try (InputStream in = Files.newInputStream(FOLDER.resolve(name))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    @Test
    @DisplayName("has at least 25 mails, each with an expectation, and no expectation without a mail")
    void complete() throws IOException {
        List<String> names = mails().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(25);
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    @DisplayName("each mail is read as expected")
    void mail(String name) throws Exception {
        Map<String, Object> want = expected.get(name);
        assertThat(want).as("expectation for " + name).isNotNull();
        ParsedMail parsed = ReplyParser.parse(read(name));
        switch ((String) want.get("kind")) {
            case "reply" -> reply(name, want, parsed);
            case "auto-reply" -> {
                assertThat(parsed).isInstanceOf(ParsedMail.AutoReply.class);
                assertThat(((ParsedMail.AutoReply) parsed).fromAddress()).isEqualTo(want.get("from"));
            }
            case "bounce" -> {
                assertThat(parsed).isInstanceOf(ParsedMail.Bounce.class);
                ParsedMail.Bounce bounce = (ParsedMail.Bounce) parsed;
                assertThat(bounce.failedRecipient()).isEqualTo(Optional.ofNullable((String) want.get("recipient")));
                assertThat(bounce.permanent()).isEqualTo(want.get("permanent"));
                assertThat(bounce.status()).isEqualTo(want.get("status"));
                assertThat(bounce.originalMessageId()).isEqualTo(Optional.ofNullable((String) want.get("original")));
            }
            default -> throw new AssertionError("unknown kind in expected.yml for " + name);
        }
    }

    @SuppressWarnings("unchecked")
    private static void reply(String name, Map<String, Object> want, ParsedMail parsed) {
        assertThat(parsed).as(name).isInstanceOf(ParsedMail.Reply.class);
        ParsedMail.Reply reply = (ParsedMail.Reply) parsed;
        assertThat(reply.fromAddress()).isEqualTo(want.get("from"));
        assertThat(reply.subjectToken()).contains((String) want.getOrDefault("token", ROUND_TOKEN));
        assertThat(reply.referencedMessageIds()).isEqualTo(want.getOrDefault("references", ROUND_MAIL));
        Map<Integer, String> numbered = new LinkedHashMap<>((Map<Integer, String>) want.get("numbered"));
        assertThat(reply.numbered()).as("numbered answers of " + name).containsExactlyEntriesOf(numbered);
        assertThat(reply.unnumbered()).as("unnumbered text of " + name).isEqualTo(want.get("unnumbered"));
        for (String part : (List<String>) want.getOrDefault("text-contains", List.of())) {
            assertThat(reply.text()).as("text of " + name).contains(part);
        }
        for (String part : (List<String>) want.getOrDefault("text-excludes", List.of())) {
            assertThat(reply.text()).as("text of " + name).doesNotContain(part);
        }
        if (want.containsKey("feeling")) {
            assertThat(feeling.check(reply.numbered().get(1)))
                    .as("answer 1 of " + name + " on the scale")
                    .isEqualTo(new AnswerCheck.Accepted((String) want.get("feeling")));
        }
    }
}
