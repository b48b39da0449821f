package nl.classbridge.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox rows of {@code /preferences}: their kinds and payloads, written here and read by the
 * mail adapter's composer.
 *
 * <ul>
 *   <li>{@link #CODE}: the code to a new address. The row names no guardian (the address is not
 *       theirs yet, so the outbox must not judge it by their current one); its payload is the
 *       guardian's id and the code, which is mailed only while that request is still the open one.</li>
 *   <li>{@link #CHANGED}: the notice to the old address; its payload is that address, which the
 *       guardian's row no longer holds.</li>
 *   <li>{@link #REPLY}: the answer to a PREFERENCES mail; its payload lists what came of each
 *       line as codes (never what the family wrote).</li>
 * </ul>
 */
public final class PreferenceMail {
    public static final String CODE = "preferences-email-code";
    public static final String CHANGED = "preferences-email-changed";
    public static final String REPLY = "preferences-reply";

    private static final Pattern CODE_PAYLOAD = Pattern.compile("([0-9]{1,18}):([A-Z0-9-]{1,20})");

    /** The code row's payload, read back. */
    public record CodeToSend(long guardianId, String code) {}

    private PreferenceMail() {}

    public static boolean isPreferences(String kind) {
        return CODE.equals(kind) || CHANGED.equals(kind) || REPLY.equals(kind);
    }

    static String codePayload(long guardianId, String code) {
        return guardianId + ":" + code;
    }

    public static Optional<CodeToSend> code(String payload) {
        Matcher matcher = CODE_PAYLOAD.matcher(payload);
        return matcher.matches()
                ? Optional.of(new CodeToSend(Long.parseLong(matcher.group(1)), matcher.group(2)))
                : Optional.empty();
    }

    /** What came of a mail's lines, as one payload line: {@code saved:language;needs-email;not-understood:2}. */
    static String replyPayload(List<Change> changes, int notUnderstood) {
        List<String> parts = new ArrayList<>();
        for (Change change : changes) {
            parts.add(code(change));
        }
        if (notUnderstood > 0) {
            parts.add("not-understood:" + notUnderstood);
        }
        return String.join(";", parts);
    }

    /** One change as a code; the address of a sent code is left out (the composer reads it back). */
    static String code(Change change) {
        if (change instanceof Change.Saved saved) {
            return "saved:" + saved.field().code();
        }
        if (change instanceof Change.Invalid invalid) {
            return "invalid:" + invalid.field().code();
        }
        if (change instanceof Change.WrongCode wrong) {
            return "wrong-code:" + wrong.triesLeft();
        }
        if (change instanceof Change.TooManyCodes) {
            return "too-many-codes";
        }
        if (change instanceof Change.NeedsEmail) {
            return "needs-email";
        }
        if (change instanceof Change.NeedsDiscord) {
            return "needs-discord";
        }
        if (change instanceof Change.SameEmail) {
            return "same-email";
        }
        if (change instanceof Change.CodeSent) {
            return "code-sent";
        }
        if (change instanceof Change.EmailConfirmed) {
            return "email-confirmed";
        }
        return "no-code";
    }

    /** The reply payload read back: each part's code and number (0 where there is none). */
    public record Part(String code, String field, int number) {}

    public static List<Part> replyParts(String payload) {
        List<Part> parts = new ArrayList<>();
        for (String part : payload.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] bits = part.split(":", 2);
            String rest = bits.length > 1 ? bits[1] : "";
            int number = rest.matches("[0-9]{1,4}") ? Integer.parseInt(rest) : 0;
            parts.add(new Part(bits[0], number > 0 || rest.matches("[0-9]+") ? "" : rest, number));
        }
        return parts;
    }
}
