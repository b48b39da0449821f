package nl.classbridge.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.roster.InviteCode;

/**
 * A family's PREFERENCES mail (verified by its reply token and address before it gets here): the
 * keyword alone asks for the plan; each line below it changes one part, written as a field name and
 * a value, such as {@code taal: en}, {@code channel = both} or {@code stille uren 20:00-07:30}. The
 * field names count in all six languages and in English ({@code preferences.mail.fields}), in any
 * case and with or without accents; a bare code confirms a new address. Whatever happens, an answer
 * goes back with what changed, how many lines were not understood (never what they said), and the
 * plan as it is now.
 */
public final class MailedPreferences {
    /** The longest mail part read: a family changes five fields, not five hundred. */
    private static final int MOST_LINES = 20;

    private final Preferences preferences;
    private final PreferenceWords words;

    public MailedPreferences(Preferences preferences, PreferenceWords words) {
        this.preferences = preferences;
        this.words = words;
    }

    /**
     * Applies the lines below the keyword and queues the answer.
     *
     * @return an outcome code for the mailbox's record, never content
     */
    public String handle(long guardianId, String detail) {
        List<Change> changes = new ArrayList<>();
        int notUnderstood = 0;
        List<String> lines =
                detail.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines.subList(0, Math.min(lines.size(), MOST_LINES))) {
            Optional<Change> change = apply(guardianId, line);
            if (change.isPresent()) {
                changes.add(change.get());
            } else {
                notUnderstood++;
            }
        }
        notUnderstood += Math.max(0, lines.size() - MOST_LINES);
        preferences.answerByMail(guardianId, changes, notUnderstood);
        return changes.isEmpty() && notUnderstood == 0 ? "preferences-shown" : "preferences-changed";
    }

    private Optional<Change> apply(long guardianId, String line) {
        Optional<String[]> split = fieldAndValue(line);
        if (split.isEmpty()) {
            return InviteCode.plausible(line)
                    ? Optional.of(preferences.confirmEmail(guardianId, line, 0))
                    : Optional.empty();
        }
        String field = split.get()[0];
        String value = split.get()[1];
        return Optional.of(
                switch (field) {
                    case "language" -> preferences.setLanguage(guardianId, value, 0);
                    case "channel" -> preferences.setChannel(guardianId, words.channel(value), 0);
                    case "quiet" -> preferences.setQuietHours(guardianId, value, words.school(value), 0);
                    case "times" -> preferences.setContactTimes(guardianId, value, 0);
                    case "email" -> preferences.requestEmail(guardianId, value, 0);
                    default -> preferences.confirmEmail(guardianId, value, 0);
                });
    }

    /**
     * The field a line names and its value: before a colon or equals sign, else the longest run of
     * opening words that is a field name.
     */
    private Optional<String[]> fieldAndValue(String line) {
        int mark = indexOfMark(line);
        if (mark > 0) {
            Optional<String> field = words.field(line.substring(0, mark));
            if (field.isPresent()) {
                return Optional.of(
                        new String[] {field.get(), line.substring(mark + 1).strip()});
            }
        }
        String[] written = line.split("\\s+");
        for (int n = Math.min(3, written.length - 1); n >= 1; n--) {
            Optional<String> field =
                    words.field(String.join(" ", List.of(written).subList(0, n)));
            if (field.isPresent()) {
                int at = 0;
                for (int i = 0; i < n; i++) {
                    at = line.indexOf(written[i], at) + written[i].length();
                }
                return Optional.of(new String[] {field.get(), line.substring(at).strip()});
            }
        }
        return Optional.empty();
    }

    /** The first colon or equals sign, not one inside a time such as 20:00. */
    private static int indexOfMark(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean timeColon = c == ':'
                    && i > 0
                    && Character.isDigit(line.charAt(i - 1))
                    && i + 1 < line.length()
                    && Character.isDigit(line.charAt(i + 1));
            if ((c == ':' || c == '=') && !timeColon) {
                return i;
            }
        }
        return -1;
    }
}
