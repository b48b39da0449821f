package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The catalogue that ships in messages/: complete and consistent in all six languages. */
class ShippedCatalogueTest {
    static MessageCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        catalogue = MessageCatalogue.load(Path.of("messages"));
    }

    @Test
    @DisplayName("every language has the same keys, the same placeholders per key, and no empty text;"
            + " the sandbox page's texts in Dutch and English")
    void consistent() {
        assertThat(catalogue.languages()).containsExactlyInAnyOrder(Language.values());
        assertThat(catalogue.inconsistencies()).isEmpty();
        for (Language language : Language.values()) {
            assertThat(catalogue.keys(language)).as(language.code()).isEqualTo(catalogue.expectedKeys(language));
            long pageTexts = catalogue.keys(language).stream()
                    .filter(key -> key.startsWith("sandbox."))
                    .count();
            if (language == Language.NL || language == Language.EN) {
                assertThat(pageTexts).as(language.code()).isGreaterThan(50);
            } else {
                assertThat(pageTexts)
                        .as(language.code() + ": the page speaks Dutch and English only")
                        .isZero();
            }
        }
        assertThat(catalogue.allKeys())
                .hasSizeGreaterThan(100)
                .contains("checkin.greeting", "join.code-expired", "email.checkin.subject", "teacher.not-teacher");
    }

    @Test
    @DisplayName("button labels and modal titles fit Discord's limits in every language")
    void limits() {
        for (Language language : Language.values()) {
            for (String key : catalogue.keys(language)) {
                String text = catalogue.find(language, key).orElseThrow();
                assertThat(text.length()).as(language.code() + " " + key).isLessThan(DiscordLimits.MESSAGE);
                if (key.contains(".button.")) {
                    assertThat(text.length())
                            .as(language.code() + " " + key)
                            .isLessThanOrEqualTo(DiscordLimits.BUTTON_LABEL);
                }
                if (key.endsWith("modal.title") || key.endsWith("modal.label")) {
                    assertThat(text.length())
                            .as(language.code() + " " + key)
                            .isLessThanOrEqualTo(DiscordLimits.MODAL_TITLE);
                }
            }
        }
    }

    @Test
    @DisplayName("every shipped text renders in every language with all its placeholders filled, in each plural"
            + " category of the language")
    void everyTextRenders() {
        Messages messages = new Messages(catalogue, Language.NL);
        for (Language language : Language.values()) {
            for (String key : catalogue.keys(language)) {
                for (Cases.Case sample : Cases.of(catalogue.find(language, key).orElseThrow(), language, Map.of())) {
                    Text text = messages.text(
                            key, messages.chain(Optional.of(language), Optional.empty()), sample.values());
                    assertThat(text.language()).isEqualTo(language);
                    assertThat(List.of(
                                    MailText.plain(text),
                                    MailText.html(text),
                                    MailText.header(text),
                                    DiscordText.MARKDOWN.render(text)))
                            .as(language.code() + " " + key + " " + sample.label())
                            .allSatisfy(shown -> assertThat(shown).doesNotContainPattern("\\{[a-z]+"));
                }
            }
        }
    }
}
