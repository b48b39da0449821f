package nl.classbridge.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The random code that ties an email reply to the family it was sent to: one per guardian and
 * check-in request, and one per guardian for mail that asks nothing (a class update), with which
 * a family can still say STOP. Unguessable (80 bits), so a reply that carries it, from the
 * guardian's own address, is theirs.
 *
 * @param requestId the check-in request the mail was about; empty for the guardian's own token
 */
public record ReplyToken(String token, long guardianId, Optional<Long> requestId) {

    public ReplyToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(requestId, "requestId");
    }
}
