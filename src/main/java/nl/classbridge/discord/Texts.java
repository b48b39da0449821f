package nl.classbridge.discord;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Messages;

/**
 * The bot's texts for Discord, in the right language for who reads them: the catalogue's
 * {@link nl.classbridge.messages.Text}s rendered as Discord Markdown ({@link DiscordText}).
 */
public final class Texts {
    private final Messages messages;

    public Texts(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    /** For the teacher of a class: the class language, then the school's. */
    public String forClass(SchoolClass schoolClass, String key, Map<String, ?> values) {
        return inChain(key, messages.chain(Optional.empty(), Optional.of(schoolClass.language())), values);
    }

    /** Before there is a class (setup, joining with a wrong code): the school's language. */
    public String forSchool(String key, Map<String, ?> values) {
        return inChain(key, messages.chain(Optional.empty(), Optional.empty()), values);
    }

    /** For a family: their own language, then the class's. */
    public String forGuardian(Guardian guardian, SchoolClass schoolClass, String key, Map<String, ?> values) {
        return inChain(key, chainFor(guardian, schoolClass), values);
    }

    /** For a reader whose languages are known: the first of {@code chain} that has the text. */
    public String inChain(String key, List<Language> chain, Map<String, ?> values) {
        return DiscordText.MARKDOWN.render(messages.text(key, chain, values));
    }

    /**
     * A family's or teacher's own words, a name or an answer, for a text the class's teacher reads
     * that is put together in code (a list, the status, the results): escaped like a template's
     * value, so it shows exactly as typed.
     */
    public String value(SchoolClass schoolClass, String raw) {
        return DiscordText.MARKDOWN.value(raw, schoolClass.language().rightToLeft());
    }

    public List<Language> chainFor(Guardian guardian, SchoolClass schoolClass) {
        return messages.chainFor(guardian, schoolClass);
    }
}
