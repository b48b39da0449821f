package nl.classbridge.delivery;

import java.util.Objects;
import java.util.regex.Pattern;

/** The one rule for the reasons a send failed: short codes, never text that could be personal. */
final class ReasonCode {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    private ReasonCode() {}

    static String check(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!CODE.matcher(reason).matches()) {
            // Refused rather than cleaned: free text here could be an address or a parent's words.
            throw new IllegalArgumentException("a reason is a short code like http-503, not text");
        }
        return reason;
    }
}
