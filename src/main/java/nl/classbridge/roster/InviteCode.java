package nl.classbridge.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invite codes that a parent types over from a note or a phone screen: ten characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as {@code ABCDE-FGHJK}. Letter case,
 * spaces, dashes and invisible marks do not matter when typed back. Only a SHA-256 hash of the code is stored.
 */
public final class InviteCode {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;
    /** Spaces, dashes and format characters (direction marks and isolates, zero-width spaces). */
    private static final Pattern NOT_PART = Pattern.compile("[\\s\\p{Z}\\p{Cf}\\-\u2010-\u2015]");
    /** What may stand inside a code copied with its words: the dash between its halves, invisible marks. */
    private static final Pattern INSIDE_A_WORD = Pattern.compile("[\\p{Cf}\\-\u2010-\u2015]");
    /** A run of letters and digits with no letter or digit either side: a word, in any script. */
    private static final Pattern CODE_WORD =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z0-9]{" + LENGTH + "}(?![\\p{L}\\p{N}])");

    private final RandomGenerator random;

    public InviteCode() {
        this(new SecureRandom());
    }

    InviteCode(RandomGenerator random) {
        this.random = random;
    }

    /** A new code, formatted for people: {@code ABCDE-FGHJK}. */
    public String next() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed, reduced to its characters: upper case, without spaces (a no-break space
     * too), dashes of any length, and invisible format characters. A code copied out of
     * right-to-left text brings the direction isolates and marks around it along, and a phone's
     * copy and paste may add zero-width spaces: none of them is part of the code. A parent who
     * copied the whole line ("3. اكتبوا: /join code:ABCDE-FGHJK") pastes the words around it too:
     * when what is left is no code, the one code standing as a word of its own in it is.
     */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String upper = typed.toUpperCase(Locale.ROOT);
        String whole = NOT_PART.matcher(upper).replaceAll("");
        if (isCode(whole)) {
            return whole;
        }
        Matcher word = CODE_WORD.matcher(INSIDE_A_WORD.matcher(upper).replaceAll(""));
        String found = null;
        while (word.find()) {
            if (isCode(word.group())) {
                if (found != null) {
                    return whole; // two codes in one paste: none is the code
                }
                found = word.group();
            }
        }
        return found != null ? found : whole;
    }

    private static boolean isCode(String code) {
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** Whether a typed code could be one of ours at all (saves a look-up and counts as a failed try). */
    public static boolean plausible(String typed) {
        return isCode(normalize(typed));
    }

    /** The hash under which a code is stored. */
    public static String hash(String typed) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalize(typed).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
