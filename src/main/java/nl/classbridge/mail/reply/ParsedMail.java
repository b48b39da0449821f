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
     * @param addressTokens        the reply tokens in the plus part of the addresses the mail was sent to
     *                             ({@code bot+TOKEN@school.nl} in To, Cc, Delivered-To or X-Original-To),
     *                             in lower case, each once; only a claim until one is found to be the sender's
     * @param subjectToken         the last {@code [code]} of 10 to 24 characters a-z, 2-9 in the subject,
     *                             in lower case: a reply token, or an old round's code
     * @param text                 the parent's own words: no quoted mail, signature or forwarded original
     * @param numbered             the raw answer after each question number, trimmed, in order
     * @param unnumbered           the parent's words that belong to no number, without a greeting or
     *                             sign-off; "" when everything was numbered
     */
    record Reply(
            String fromAddress,
            List<String> referencedMessageIds,
            List<String> addressTokens,
            Optional<String> subjectToken,
            String text,
            Map<Integer, String> numbered,
            String unnumbered)
            implements ParsedMail {

        public Reply {
            Objects.requireNonNull(fromAddress, "fromAddress");
            referencedMessageIds = List.copyOf(referencedMessageIds);
            addressTokens = List.copyOf(addressTokens);
            Objects.requireNonNull(subjectToken, "subjectToken");
            Objects.requireNonNull(text, "text");
            numbered = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbered));
            Objects.requireNonNull(unnumbered, "unnumbered");
        }

        /** Every token the mail carries, those in its addresses first: where to look for the family. */
        public List<String> tokens() {
            List<String> all = new java.util.ArrayList<>(addressTokens);
            subjectToken.filter(token -> !all.contains(token)).ifPresent(all::add);
            return all;
        }
    }

    /**
     * What can be read of a mail without reading its body (the IMAP envelope): for a mail too large
     * to read, or one that could not be read, to tell whom it may concern.
     *
     * @param fromAddress the address in From, as {@link Reply#fromAddress()}; "" when there is none
     * @param tokens      the reply tokens in its recipients' plus parts, then in its subject
     */
    record Envelope(String fromAddress, List<String> tokens) {
        public Envelope {
            Objects.requireNonNull(fromAddress, "fromAddress");
            tokens = List.copyOf(tokens);
        }
    }

    /** An out-of-office mail, a vacation notice, a read receipt or another automatic answer: ignored. */
    record AutoReply(String fromAddress) implements ParsedMail {}

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
            Optional<String> failedRecipient, boolean permanent, String status, Optional<String> originalMessageId)
            implements ParsedMail {}
}
