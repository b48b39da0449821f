package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.discord.LocalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invite in the family's language (issue 17), with the real bot on the local Discord server: the
 * teacher chooses the language of the text to pass on, or gets the class language with one short
 * line in each other language; every text names /join as a Discord in its language shows it, as a
 * code span to copy; a code made in a language starts the family in it.
 */
class InviteInFamilyLanguageTest {
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");

    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5", "language", "nl"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Mila"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    private static String code(String invite) {
        Matcher matcher = CODE.matcher(invite);
        assertThat(matcher.find()).as("an invite code in: " + invite).isTrue();
        return matcher.group();
    }

    /** The text the teacher passes on: what follows the teacher's own note. */
    private static String forParent(String reply) {
        return reply.substring(reply.indexOf("\n\n", reply.indexOf("Stuur de tekst hieronder door")) + 2);
    }

    @Test
    @DisplayName("in Arabic the whole text is Arabic, /join is a code span without invisible characters, the Dutch"
            + " name is named beside it, and a parent whose Discord is in English joins and is welcomed in Arabic")
    void chosenArabic() {
        String reply = school.teacher("invite", Map.of("student", "Sam", "language", "ar"));
        String code = code(reply);
        String text = forParent(reply);

        assertThat(text)
                .contains("طريقة الانضمام")
                .contains("`/join code:" + code + "`")
                .contains("(في Discord باللغة الهولندية: `/meedoen`)")
                .contains("سيكتب لكم ClassBridge باللغة العربية")
                .contains("`/preferences`")
                .doesNotContain("Zo doe je mee")
                .doesNotContain("English?")
                .doesNotContain("Nederlands?");
        Matcher span = Pattern.compile("`(/join code:[^`]+)`").matcher(text);
        assertThat(span.find()).isTrue();
        assertThat(span.group(1).chars().filter(c -> Character.getType(c) == Character.FORMAT))
                .as("invisible characters in " + span.group(1))
                .isEmpty();

        LocalUser parent = school.discord.setLocale(school.parent("ouder.sam"), "en-US");
        String copied = span.group(1).substring("/join code:".length());
        String welcome = school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", copied));

        assertThat(welcome).contains("Sam").doesNotContain("You are now signed up");
        assertThat(school.storedLanguage(parent)).contains(Language.AR);
    }

    @Test
    @DisplayName("without a language, a Dutch class gets the Dutch text naming /meedoen and /join, then one line in"
            + " each other language naming the command as a Discord in that language shows it; the code joins")
    void classLanguageWithLines() {
        String reply = school.teacher("invite", Map.of("student", "Mila"));
        String code = code(reply);
        String text = forParent(reply);

        assertThat(text)
                .startsWith("Hallo! ClassBridge")
                .contains("3. Typ: `/meedoen code:" + code + "` (in een Engelstalige Discord: `/join`)")
                .contains("De code werkt tot en met ")
                .doesNotContain("Nederlands?");
        List<String> lines = List.of(text.substring(text.indexOf("English?")).split("\n"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0))
                .startsWith("English? Type `/join code:" + code + "` (in a Dutch Discord: `/meedoen`).")
                .contains("`/preferences`");
        assertThat(lines.get(1))
                .contains("العربية؟")
                .contains("`/join code:" + code + "`")
                .contains("`/meedoen`")
                .contains("`/preferences`");
        assertThat(lines.get(2))
                .startsWith("Türkçe mi? `/katıl code:" + code + "` yazın (Discord'unuz İngilizce ise: `/join`).")
                .contains("`/tercihler`");
        assertThat(lines.get(3))
                .startsWith("Po polsku? Wystarczy wpisać `/dołącz code:" + code + "`")
                .contains("`/preferencje`");
        assertThat(lines.get(4))
                .startsWith("Українською? Введіть `/приєднатися code:" + code + "`")
                .contains("`/налаштування`");

        // Without a chosen language the family's Discord app decides, as the lines say.
        LocalUser baba = school.discord.setLocale(school.parent("baba.mila"), "tr");
        String welcome = school.command(baba, school.discord.directChannel(baba), "join", Map.of("code", code));
        assertThat(welcome).contains("Mila için veli olarak kayıtlısınız");
        assertThat(school.storedLanguage(baba)).contains(Language.TR);
    }

    @Test
    @DisplayName("a language that is none of the six gets a clear answer and makes no code")
    void invalidLanguage() {
        String reply = school.teacher("invite", Map.of("student", "Sam", "language", "fr"));

        assertThat(reply).contains("De waarde bij language klopt niet").contains("nl, en, ar, tr, pl, uk");
        assertThat(CODE.matcher(reply).find()).isFalse();
    }
}
