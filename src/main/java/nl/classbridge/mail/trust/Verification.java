package nl.classbridge.mail.trust;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.mail.reply.AuthenticationResults;
import nl.classbridge.mail.reply.ParsedMail;
import nl.classbridge.store.GuardianRepository;

/**
 * Whether a reply comes from the family it claims to come from. A From header proves nothing:
 * anyone can write any address there. A reply is verified only when it carries a reply token we
 * sent (in the address it was sent to or in its subject) that belongs to the guardian whose address
 * is in From, and, when {@code mail.trusted-authserv-id} is set, the school's mail server does not
 * say the sender's address fails its checks.
 */
final class Verification {

    /** Why a mail is not verified: a code for the record and the teacher's note. */
    enum Reason {
        /** No token of ours, or none that is known: not a reply to one of our emails. */
        NO_TOKEN("no-token"),
        /** A token of ours, but From is not the address of the family it was sent to. */
        OTHER_SENDER("other-sender"),
        /** The school's mail server says the sender's address fails DMARC (or SPF and DKIM). */
        FAILED_CHECK("failed-check");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    /** The outcome: verified, or not, with whom the mail claims to be about. */
    sealed interface Verdict {}

    record Verified(ReplyToken token, Guardian guardian) implements Verdict {}

    /**
     * @param token    the first known token the mail carries, if any: whose mail it claims to answer
     * @param guardian the family it claims to be from: the token's, else the one whose address is in From
     */
    record Unverified(Reason reason, Optional<ReplyToken> token, Optional<Guardian> guardian) implements Verdict {}

    private final ReplyTokens tokens;
    private final GuardianRepository guardians;
    private final Optional<String> trustedAuthservId;

    Verification(ReplyTokens tokens, GuardianRepository guardians, Optional<String> trustedAuthservId) {
        this.tokens = tokens;
        this.guardians = guardians;
        this.trustedAuthservId = trustedAuthservId;
    }

    Verdict of(ParsedMail.Reply reply, MimeMessage message) {
        Optional<ReplyToken> claimed = Optional.empty();
        for (String candidate : reply.tokens()) {
            Optional<ReplyToken> token = tokens.find(candidate);
            if (token.isEmpty()) {
                continue;
            }
            Optional<Guardian> owner = guardians.find(token.get().guardianId());
            if (owner.isPresent() && sentBy(owner.get(), reply.fromAddress())) {
                boolean fails = trustedAuthservId
                        .map(id -> AuthenticationResults.of(message, id))
                        .filter(verdict -> verdict == AuthenticationResults.Verdict.FAILS)
                        .isPresent();
                return fails
                        ? new Unverified(Reason.FAILED_CHECK, token, owner)
                        : new Verified(token.get(), owner.get());
            }
            if (claimed.isEmpty()) {
                claimed = token;
            }
        }
        if (claimed.isPresent()) {
            return new Unverified(
                    Reason.OTHER_SENDER, claimed, guardians.find(claimed.get().guardianId()));
        }
        return new Unverified(Reason.NO_TOKEN, Optional.empty(), claimedSender(reply.fromAddress()));
    }

    /** The family whose address is in From, for the teacher's note only: From alone proves nothing. */
    Optional<Guardian> claimedSender(String fromAddress) {
        return fromAddress.isBlank() ? Optional.empty() : guardians.findByEmail(fromAddress);
    }

    private static boolean sentBy(Guardian guardian, String fromAddress) {
        return !fromAddress.isBlank()
                && guardian.email()
                        .filter(address -> EmailAddress.same(address, fromAddress))
                        .isPresent();
    }
}
