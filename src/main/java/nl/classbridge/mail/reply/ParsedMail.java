package nl.classbridge.mail.reply;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a received email is, as {@link ReplyParser} reads it. */
public sealed interface ParsedMail {

    /**
     * A mail a person wrote back.
     *
     * @param fromAddress          the address in From, domain in lower case; "" when there is none.
     *                             Only what the mail claims: whether it is the guardian's is checked elsewhere
     * @param referencedMessageIds the ids of In-Reply-To, then References, each once, as {@code <left@right>}
     * @param subjectToken         the round's token, the last {@code [xxxxxxxxxx]} of 10 characters a-z, 2-9
     *                             in the subject, in lower case
     * @param text                 the parent's own words: no quoted mail, signature or forwarded original
     * @param numbered             the raw answer after each question number, trimmed, in order
     * @param unnumbered           the parent's words that belong to no number, without a greeting or
     *                             sign-off; "" when everything was numbered
     */
    record Reply(
            String fromAddress,
            List<String> referencedMessageIds,
            Optional<String> subjectToken,
            String text,
            Map<Integer, String> numbered,
            String unnumbered) implements ParsedMail {

        public Reply {
            Objects.requireNonNull(fromAddress, "fromAddress");
            referencedMessageIds = List.copyOf(referencedMessageIds);
            Objects.requireNonNull(subjectToken, "subjectToken");
            Objects.requireNonNull(text, "text");
            numbered = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbered));
            Objects.requireNonNull(unnumbered, "unnumbered");
        }
    }

    /** An out-of-office mail, a vacation notice, a read receipt or another automatic answer: ignored. */
    record AutoReply(String fromAddress) implements ParsedMail {
    }

    /**
     * A mail server saying a mail could not be delivered.
     *
     * @param failedRecipient   the address that failed, when the bounce names it
     * @param permanent         true for a 5.x.x failure (the address is wrong), false for a delay
     * @param status            the enhanced status code, e.g. "5.1.1"; "5.0.0" or "4.0.0" when none is given
     * @param originalMessageId the Message-ID of the mail that bounced, as {@code <left@right>}, when the
     *                          bounce returns its headers
     */
    record Bounce(
            Optional<String> failedRecipient,
            boolean permanent,
            String status,
            Optional<String> originalMessageId) implements ParsedMail {
    }
}
