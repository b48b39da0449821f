package nl.classbridge.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Invite codes that a parent types over from a note or a phone screen: ten characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as {@code ABCDE-FGHJK}. Letter case,
 * spaces and dashes do not matter when typed back. Only a SHA-256 hash of the code is stored.
 */
public final class InviteCode {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;

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

    /** The code as typed, reduced to its characters: upper case, no spaces or dashes. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
    }

    /** Whether a typed code could be one of ours at all (saves a look-up and counts as a failed try). */
    public static boolean plausible(String typed) {
        String code = normalize(typed);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
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
