package nl.classbridge.messages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;

/** The bot's texts for Discord, in the right language for who reads them. */
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
        return messages.discord(key, messages.chain(Optional.empty(), Optional.of(schoolClass.language())), values);
    }

    /** Before there is a class (setup, joining with a wrong code): the school's language. */
    public String forSchool(String key, Map<String, ?> values) {
        return messages.discord(key, messages.chain(Optional.empty(), Optional.empty()), values);
    }

    /** For a family: their own language, then the class's. */
    public String forGuardian(Guardian guardian, SchoolClass schoolClass, String key, Map<String, ?> values) {
        return messages.discord(key, chainFor(guardian, schoolClass), values);
    }

    /**
     * A family's or teacher's own words, a name or an answer, for a text the class's teacher reads
     * that is put together in code (a list, the status, the results): escaped like a template's
     * value, so it shows exactly as typed.
     */
    public String value(SchoolClass schoolClass, String raw) {
        return Messages.escape(raw, Destination.DISCORD, schoolClass.language());
    }

    public List<Language> chainFor(Guardian guardian, SchoolClass schoolClass) {
        return messages.chain(guardian.plan().language(), Optional.of(schoolClass.language()));
    }
}
