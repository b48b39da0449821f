package nl.classbridge.preferences;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.ReplyWords;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;

/**
 * The words a family may write for {@code /preferences} in any of the six languages, and always in
 * English: the field names of a PREFERENCES mail, "school" for the school's quiet hours, and the
 * channels' names. Compared simplified (any case, accents optional), read once from the catalogue.
 */
public final class PreferenceWords {
    static final List<String> FIELDS = List.of("language", "channel", "quiet", "times", "email", "code");

    private final Map<String, String> fields = new HashMap<>();
    private final List<String> school = new ArrayList<>();
    private final Map<String, String> channels = new HashMap<>();

    public PreferenceWords(Messages messages) {
        for (Language language : Language.values()) {
            List<Language> chain = List.of(language, Language.EN);
            for (String field : FIELDS) {
                words(messages, "preferences.mail.fields." + field, chain).forEach(word -> fields.put(word, field));
            }
            school.addAll(words(messages, "preferences.mail.words.school", chain));
            for (ContactChannel channel : ContactChannel.values()) {
                words(messages, "preferences.channel." + channel.code(), chain)
                        .forEach(word -> channels.put(word, channel.code()));
                channels.put(channel.code(), channel.code());
            }
        }
        channels.put("e mail", ContactChannel.EMAIL.code());
    }

    /** A catalogue text's words, split at commas (a translator may give more than one). */
    private static List<String> words(Messages messages, String key, List<Language> chain) {
        List<String> out = new ArrayList<>();
        for (String word : messages.text(key, chain, Map.of()).words().split(",")) {
            String simple = ReplyWords.simplify(word);
            if (!simple.isEmpty()) {
                out.add(simple);
            }
        }
        return out;
    }

    /** The field ({@link #FIELDS}) that {@code written} names, if any. */
    public Optional<String> field(String written) {
        return Optional.ofNullable(fields.get(ReplyWords.simplify(written)));
    }

    /** Whether {@code written} asks for the school's quiet hours ("school", "geen", "none"). */
    public boolean school(String written) {
        return written != null && school.contains(ReplyWords.simplify(written));
    }

    /** The channel code {@code written} names ("both", "Discord en e-mail"); what it was otherwise. */
    public String channel(String written) {
        return written == null ? "" : channels.getOrDefault(ReplyWords.simplify(written), written);
    }
}
