package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts through ICU plurals in each language's own categories; values still never read as patterns. */
@DisplayName("Plurals and selects in the catalogue")
class PluralsTest {
    @TempDir
    Path folder;

    private Messages load() throws Exception {
        return new Messages(MessageCatalogue.load(folder), Language.NL);
    }

    private static String shown(Messages messages, Language language, String key, Map<String, ?> values) {
        return messages.text(key, List.of(language), values).words();
    }

    @Test
    @DisplayName("Dutch and English: 'over 1 minuut', 'over 5 minuten', never 'over 1 minuten'")
    void dutchAndEnglish() throws Exception {
        CatalogueFiles.write(
                folder,
                "en",
                "join",
                "wait: \"Please try again in {minutes, plural, one {# minute} other {# minutes}}.\"\n");
        CatalogueFiles.write(
                folder,
                "nl",
                "join",
                "wait: \"Probeer het over {minutes, plural, one {# minuut} other {# minuten}} nog eens.\"\n");
        Messages messages = load();

        assertThat(shown(messages, Language.NL, "join.wait", Map.of("minutes", 1)))
                .isEqualTo("Probeer het over 1 minuut nog eens.");
        assertThat(shown(messages, Language.NL, "join.wait", Map.of("minutes", 15)))
                .isEqualTo("Probeer het over 15 minuten nog eens.");
        assertThat(shown(messages, Language.EN, "join.wait", Map.of("minutes", 1)))
                .isEqualTo("Please try again in 1 minute.");
        // A count handed over as text (an older caller) is read as the number it is.
        assertThat(shown(messages, Language.EN, "join.wait", Map.of("minutes", "2")))
                .isEqualTo("Please try again in 2 minutes.");
        assertThatThrownBy(() -> shown(messages, Language.EN, "join.wait", Map.of("minutes", "many")))
                .hasMessageContaining("needs a number");
    }

    @Test
    @DisplayName("Arabic's six categories and Polish's few and many each get their own words")
    void arabicAndPolish() throws Exception {
        CatalogueFiles.write(folder, "en", "t", "n: \"{n, plural, one {# day} other {# days}}\"\n");
        CatalogueFiles.write(
                folder,
                "ar",
                "t",
                "n: \"{n, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}\"\n");
        CatalogueFiles.write(
                folder, "pl", "t", "n: \"{n, plural, one {# dzień} few {# dni (few)} many {# dni} other {# dnia}}\"\n");
        Messages messages = load();

        assertThat(List.of(0, 1, 2, 3, 11, 100).stream().map(n -> shown(messages, Language.AR, "t.n", Map.of("n", n))))
                .containsExactly("لا أيام", "يوم واحد", "يومان", "3 أيام", "11 يومًا", "100 يوم");
        assertThat(List.of(1, 2, 5, 22, 25).stream().map(n -> shown(messages, Language.PL, "t.n", Map.of("n", n))))
                .containsExactly("1 dzień", "2 dni (few)", "5 dni", "22 dni (few)", "25 dni");
        // Western digits in Arabic, as elsewhere in the bot.
        assertThat(shown(messages, Language.AR, "t.n", Map.of("n", 1200))).isEqualTo("1,200 يوم");
    }

    @Test
    @DisplayName(
            "a value beside a plural is still a value: braces, apostrophes, # and ** in it stay as typed and escaped")
    void valuesStayValues() throws Exception {
        CatalogueFiles.write(
                folder,
                "en",
                "t",
                "n: \"**{name}** answered {n, plural, one {# question} other {# questions about {name}}}.\"\n");
        Messages messages = load();
        String name = "{n} '{x}' # **bold** {env:HOME}";

        Text text = messages.text("t.n", List.of(Language.EN), Map.of("name", name, "n", 3));
        assertThat(text.words()).isEqualTo(name + " answered 3 questions about " + name + ".");
        assertThat(MailText.plain(text)).isEqualTo(name + " answered 3 questions about " + name + ".");
        assertThat(DiscordText.MARKDOWN.render(text))
                .contains("\\*\\*bold\\*\\*")
                .doesNotContain(System.getenv().getOrDefault("HOME", "/nowhere/"));
    }

    @Test
    @DisplayName(
            "plurals with categories the language does not have, or missing one it has, are named for the translator")
    void wrongCategories() throws Exception {
        CatalogueFiles.write(folder, "en", "t", "n: \"{n, plural, one {# day} other {# days}}\"\n");
        CatalogueFiles.write(folder, "pl", "t", "n: \"{n, plural, one {# dzień} other {# dni}}\"\n");
        CatalogueFiles.write(folder, "ar", "t", "n: \"{n} يوم\"\n");
        MessageCatalogue catalogue = MessageCatalogue.load(folder);

        assertThat(catalogue.inconsistencies())
                .contains(
                        "pl: t.n counts {n} with [one, other] but pl has the categories [few, many, one, other]",
                        "ar: t.n shows {n} as it is, but en counts it: write it as a plural");
    }

    @Test
    @DisplayName("a broken pattern is refused at load, naming the file and the key")
    void brokenPattern() throws Exception {
        CatalogueFiles.write(folder, "en", "t", "n: \"{n, plural, one {# day} other {# days}\"\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("t.yml")
                .hasMessageContaining("t.n");
        CatalogueFiles.write(folder, "en", "t", "n: \"on {day, date, long}\"\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder)).hasMessageContaining("dates and times come formatted");
    }

    @Test
    @DisplayName("the preview's cases show each plural category of the language with a number of it")
    void cases() {
        String polish = "{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}} do {deadline}";
        List<Cases.Case> cases = Cases.of(polish, Language.PL, Map.of());
        assertThat(cases).extracting(Cases.Case::label).containsExactly("few: 2", "many: 5", "one: 1", "other: 0.1");
        assertThat(cases.get(0).values()).containsEntry("deadline", "piątek, 11 września");
        assertThat(Cases.of(polish, Language.PL, Map.of("n", "7"))).hasSize(1);
        assertThat(Cases.of("{n, plural, zero {a} one {b} two {c} few {d} many {e} other {f}}", Language.AR, Map.of()))
                .hasSize(6);
    }
}
