package nl.classbridge.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.store.TranslationCacheRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import nl.classbridge.testing.TestTranslator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The translation service over a real SQLite cache: it translates, caches, and never holds anything back. */
class TranslationsTest {
    @TempDir
    Path folder;

    private TestStore store;
    private TestTranslator translator;
    private Translations translations;
    private final MutableClock clock = new MutableClock(TestStore.T0);

    @BeforeEach
    void open() {
        store = new TestStore(folder);
        translator = new TestTranslator();
        translations = new Translations(
                translator, new TranslationCacheRepository(store.database), Duration.ofMillis(300), clock);
    }

    @AfterEach
    void close() {
        translator.release();
        translations.close();
        store.close();
    }

    @Test
    @DisplayName("several texts go in one call; a text seen before comes from the cache, not the translator")
    void batchesAndCaches() {
        List<Rendition> first = translations.translateAll(
                List.of("Sam las een boek", "We zongen samen", "Sam las een boek"), Language.NL, Language.AR);
        assertThat(first).extracting(Rendition::kind).containsOnly(Rendition.Kind.TRANSLATED);
        assertThat(first)
                .extracting(Rendition::shown)
                .containsExactly("[ar] Sam las een boek", "[ar] We zongen samen", "[ar] Sam las een boek");
        assertThat(translator.calls()).isEqualTo(1);
        assertThat(translator.sent()).containsExactly("Sam las een boek", "We zongen samen");

        Rendition again = translations.translate("We zongen samen", Language.NL, Language.AR);
        assertThat(again.shown()).isEqualTo("[ar] We zongen samen");
        assertThat(again.original()).isEqualTo("We zongen samen");
        assertThat(translator.calls()).as("from the cache").isEqualTo(1);
        // Another pair is another translation.
        assertThat(translations
                        .translate("We zongen samen", Language.NL, Language.TR)
                        .shown())
                .isEqualTo("[tr] We zongen samen");
        assertThat(translator.calls()).isEqualTo(2);
    }

    @Test
    @DisplayName("the same language, a blank text and provider none send nothing")
    void nothingToSend() {
        assertThat(translations
                        .translate("Goed gedaan", Language.NL, Language.NL)
                        .kind())
                .isEqualTo(Rendition.Kind.SAME_LANGUAGE);
        assertThat(translations.translate("  ", Language.NL, Language.AR).kind())
                .isEqualTo(Rendition.Kind.SAME_LANGUAGE);
        assertThat(translator.calls()).isZero();
        try (Translations none = new Translations(
                new NoTranslator(), new TranslationCacheRepository(store.database), Duration.ofSeconds(1), clock)) {
            Rendition off = none.translate("Goed gedaan", Language.NL, Language.AR);
            assertThat(off.kind()).isEqualTo(Rendition.Kind.OFF);
            assertThat(off.shown()).isEqualTo("Goed gedaan");
            assertThat(none.on()).isFalse();
            assertThat(none.provider()).isEqualTo("none");
        }
    }

    @Test
    @DisplayName("a failing translator, an unsupported pair: the originals come back as unavailable, nothing cached")
    void failureNeverBlocks() {
        translator.failWith("http-503");
        assertThat(translations.translateAll(List.of("Een", "Twee"), Language.NL, Language.PL))
                .extracting(Rendition::kind, Rendition::shown)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rendition.Kind.UNAVAILABLE, "Een"),
                        org.assertj.core.groups.Tuple.tuple(Rendition.Kind.UNAVAILABLE, "Twee"));
        translator.failWith(null);
        assertThat(translations.translate("Een", Language.NL, Language.PL).kind())
                .as("the failure was not cached")
                .isEqualTo(Rendition.Kind.TRANSLATED);

        translator.refuse(Language.UK, Language.NL);
        int before = translator.calls();
        assertThat(translations.translate("Дякую", Language.UK, Language.NL).kind())
                .isEqualTo(Rendition.Kind.UNAVAILABLE);
        assertThat(translator.calls()).as("an unsupported pair is not sent").isEqualTo(before);
    }

    @Test
    @Timeout(10)
    @DisplayName("a translator slower than the timeout is given up on: the original comes back in time")
    void slowTranslator() {
        translator.hang();
        long started = System.nanoTime();
        Rendition rendition = translations.translate("Tot morgen", Language.NL, Language.TR);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(rendition.kind()).isEqualTo(Rendition.Kind.UNAVAILABLE);
        assertThat(millis)
                .as("waited about the timeout (300 ms), not for the translator")
                .isLessThan(5_000);
    }

    @Test
    @DisplayName("a reason is a short code; free text is refused, so no text can reach the log through it")
    void reasonsAreCodes() {
        assertThat(new TranslationFailure("http-429").reason()).isEqualTo("http-429");
        assertThatThrownBy(() -> new TranslationFailure("could not translate: Sam is ziek"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "a translation shows with the label and the original in the reader's language; a failure with the note")
    void composedForTheReader() throws Exception {
        Messages messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        TranslatedText text = new TranslatedText(messages);
        Rendition translated = translations.translate("Sam hielp een klasgenoot", Language.NL, Language.AR);
        Text arabic = text.of(translated, List.of(Language.AR, Language.NL));
        assertThat(arabic.language()).isEqualTo(Language.AR);
        assertThat(arabic.words()).contains("[ar] Sam hielp een klasgenoot", "ترجمة آلية", "Sam hielp een klasgenoot");

        translator.failWith("http-503");
        Rendition failed = translations.translate("Morgen gymles", Language.NL, Language.PL);
        assertThat(text.of(failed, List.of(Language.PL, Language.NL)).words())
                .contains("Morgen gymles", "Tłumaczenie nie było dostępne");

        Rendition same = translations.translate("Goed zo", Language.NL, Language.NL);
        assertThat(text.of(same, List.of(Language.NL)).words()).isEqualTo("Goed zo");
    }
}
