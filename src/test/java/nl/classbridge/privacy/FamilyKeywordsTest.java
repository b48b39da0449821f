package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.privacy.FamilyKeywords.Keyword;
import nl.classbridge.privacy.FamilyKeywords.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link FamilyKeywords} over the real catalogue. */
class FamilyKeywordsTest {
    static FamilyKeywords keywords;

    @BeforeAll
    static void load() throws Exception {
        keywords = new FamilyKeywords(new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguagesKeywordsAreRecognisedInAnyCase(Language language) {
        for (Keyword keyword : Keyword.values()) {
            String word = keyword.equals(Keyword.MY_DATA)
                    ? keywords.word(keyword, language).toLowerCase()
                    : keywords.word(keyword, language);
            assertThat(keywords.of(word)).contains(new Request(keyword, ""));
        }
    }

    @Test
    void theDetailIsWhatFollowsTheKeyword() {
        assertThat(keywords.of("  Vergeet mij ABCDE-FGHJK\n\nGroeten, Fatima"))
                .contains(new Request(Keyword.FORGET_ME, "ABCDE-FGHJK\n\nGroeten, Fatima"));
        assertThat(keywords.of("beni unut")).contains(new Request(Keyword.FORGET_ME, ""));
        assertThat(keywords.of("MY DATA please")).contains(new Request(Keyword.MY_DATA, "please"));
    }

    @Test
    void wordsThatMerelyContainAKeywordAreNoRequest() {
        assertThat(keywords.of("Ik ben mijn gegevens kwijt")).isEmpty();
        assertThat(keywords.of("Mijn gegevensbescherming")).isEmpty();
        assertThat(keywords.of("")).isEmpty();
        assertThat(keywords.of("Sam had een fijne week")).isEqualTo(Optional.empty());
    }
}
