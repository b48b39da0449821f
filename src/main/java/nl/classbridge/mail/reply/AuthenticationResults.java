package nl.classbridge.mail.reply;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiving mail server's verdict on who sent a mail, from the {@code Authentication-Results}
 * header it adds (RFC 8601), or the {@code ARC-Authentication-Results} one (RFC 8617). Anyone can
 * write such a header into a mail, so only the one the school's own server wrote counts: the
 * topmost header whose authserv-id is the configured name (a server adds its header above those
 * that came with the mail).
 *
 * <p>A mail {@link Verdict#FAILS} when that header says {@code dmarc=fail}, or, when it gives no
 * DMARC result, says {@code spf=fail} (or {@code softfail}) and no DKIM signature passed.
 */
public final class AuthenticationResults {

    /** What the trusted server says of a mail. */
    public enum Verdict {
        /** No header from the trusted server: nothing is known. */
        NONE,
        /** The trusted server checked and nothing failed. */
        DOES_NOT_FAIL,
        /** The trusted server says the sender's address may be forged. */
        FAILS
    }

    private static final Pattern RESULT = Pattern.compile("(?i)(?:^|[;\\s])(dmarc|spf|dkim)\\s*=\\s*([a-z]+)");
    private static final Pattern ARC_INSTANCE = Pattern.compile("^\\s*i\\s*=\\s*\\d+\\s*;");
    /** Longer header values are cut: no server writes more, and the rest is not read. */
    private static final int LONGEST = 16 * 1024;

    private static final int MOST_HEADERS = 500;

    private AuthenticationResults() {}

    /**
     * The verdict of the server named {@code authservId} on {@code message}.
     *
     * @throws UnreadableMailException when the headers cannot be read
     */
    public static Verdict of(MimeMessage message, String authservId) {
        try {
            Enumeration<Header> headers = message.getAllHeaders();
            for (int seen = 0; headers.hasMoreElements() && seen < MOST_HEADERS; seen++) {
                Header header = headers.nextElement();
                String name = header.getName();
                boolean arc = "ARC-Authentication-Results".equalsIgnoreCase(name);
                if (!arc && !"Authentication-Results".equalsIgnoreCase(name)) {
                    continue;
                }
                String value = withoutComments(MimeUtility.unfold(cut(header.getValue())));
                if (arc) {
                    Matcher instance = ARC_INSTANCE.matcher(value);
                    if (!instance.find()) {
                        continue;
                    }
                    value = value.substring(instance.end());
                }
                int semicolon = value.indexOf(';');
                String id = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
                // "mx.example.com 1": the id may be followed by a version; "spf=pass ...": no id at all.
                String first = id.split("\\s+", 2)[0];
                if (first.contains("=") || !first.equalsIgnoreCase(authservId)) {
                    continue;
                }
                return verdict(semicolon < 0 ? "" : value.substring(semicolon + 1));
            }
            return Verdict.NONE;
        } catch (MessagingException | RuntimeException e) {
            throw new UnreadableMailException(e.getClass().getSimpleName());
        }
    }

    private static Verdict verdict(String results) {
        String dmarc = null;
        String spf = null;
        boolean dkimPassed = false;
        Matcher m = RESULT.matcher(results);
        while (m.find()) {
            String method = m.group(1).toLowerCase(Locale.ROOT);
            String result = m.group(2).toLowerCase(Locale.ROOT);
            switch (method) {
                case "dmarc" -> dmarc = dmarc == null ? result : dmarc;
                case "spf" -> spf = spf == null ? result : spf;
                default -> dkimPassed |= result.equals("pass");
            }
        }
        if (dmarc != null) {
            return dmarc.equals("fail") ? Verdict.FAILS : Verdict.DOES_NOT_FAIL;
        }
        boolean spfFailed = "fail".equals(spf) || "softfail".equals(spf);
        return spfFailed && !dkimPassed ? Verdict.FAILS : Verdict.DOES_NOT_FAIL;
    }

    private static String cut(String value) {
        return value == null ? "" : value.length() > LONGEST ? value.substring(0, LONGEST) : value;
    }

    /** The value without RFC 5322 comments in parentheses (nested too), which may say anything. */
    static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
                out.append(' ');
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
