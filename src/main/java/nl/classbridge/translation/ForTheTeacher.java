package nl.classbridge.translation;

import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;

/**
 * A family's words composed for their teacher, who reads the class's language: the translation
 * with its label and the original, or the original with the "not available" line, or the words as
 * written. For texts that are stored before they are shown (a note about a mail): the rendition is
 * made once, when the note is written.
 */
public final class ForTheTeacher {
    private final FamilyWords familyWords;
    private final TranslatedText translatedText;
    private final Messages messages;

    public ForTheTeacher(FamilyWords familyWords, Messages messages) {
        this.familyWords = familyWords;
        this.translatedText = new TranslatedText(messages);
        this.messages = messages;
    }

    /** {@code words}, written in {@code theirs}, for a teacher of a class in {@code classLanguage}. */
    public Composed of(String words, Language theirs, Language classLanguage) {
        Rendition rendition = familyWords.forReader(new FamilyWords.Written(words, theirs), classLanguage);
        List<Language> chain = messages.chain(Optional.empty(), Optional.of(classLanguage));
        return new Composed(translatedText.of(rendition, chain), rendition);
    }

    /** The text to show, and what happened to the words. */
    public record Composed(Text text, Rendition rendition) {
        /** Whether a translation of the words is now cached (an erasure must find it by the original). */
        public boolean translated() {
            return rendition.kind() == Rendition.Kind.TRANSLATED;
        }
    }
}
