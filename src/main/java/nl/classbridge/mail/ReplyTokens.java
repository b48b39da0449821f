package nl.classbridge.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.store.ReplyTokenRepository;

/**
 * Hands out the reply tokens that emails to families carry (see {@link ReplyToken}): 16 characters
 * from an alphabet of 32 that cannot be misread (no l, o, 0 or 1), 80 random bits from
 * {@link SecureRandom}, stored the first time a guardian's request, or the guardian alone, needs one.
 */
public final class ReplyTokens {
    /** What a token looks like; anything else is not looked up. */
    public static final Pattern TOKEN = Pattern.compile("[a-km-np-z2-9]{16}");

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 16;

    private final ReplyTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ReplyTokens(ReplyTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The token for mail about one check-in request of this guardian. */
    public String forRequest(long guardianId, long requestId) {
        return tokens.forRequest(guardianId, requestId, this::fresh, clock.instant());
    }

    /** The guardian's own token, for mail that asks nothing, such as a class update. */
    public String forGuardian(long guardianId) {
        return tokens.forGuardian(guardianId, this::fresh, clock.instant());
    }

    /** The token for mail that asks this guardian to confirm one agreement. */
    public String forAgreement(long guardianId, long agreementId) {
        return tokens.forAgreement(guardianId, agreementId, this::fresh, clock.instant());
    }

    /** The agreement a token's mail asked about; empty for any other token. */
    public Optional<Long> agreementOf(ReplyToken token) {
        return tokens.agreementOf(token.token());
    }

    /** The stored token {@code candidate} is, if it is one; case does not matter. */
    public Optional<ReplyToken> find(String candidate) {
        String token = candidate.toLowerCase(java.util.Locale.ROOT);
        return TOKEN.matcher(token).matches() ? tokens.find(token) : Optional.empty();
    }

    private synchronized String fresh() {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
