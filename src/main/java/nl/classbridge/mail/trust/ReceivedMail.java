package nl.classbridge.mail.trust;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.classbridge.delivery.TeacherNotice;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.mail.agreements.AgreementReplies;
import nl.classbridge.mail.checkin.CheckinReplies;
import nl.classbridge.mail.inbox.ImapInbox;
import nl.classbridge.mail.reply.ParsedMail;
import nl.classbridge.mail.reply.ReplyParser;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.translation.ForTheTeacher;
import nl.classbridge.updates.TeacherMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every mail that arrives in the bot's mailbox, and what may come of it. Only a verified reply
 * (see {@link Verification}) changes anything: answers, a STOP, through any future mail command
 * too. Anything else changes nothing and is told to the teacher as unverified mail, with its words.
 *
 * <ul>
 *   <li>An automatic reply (out of office, read receipt) is ignored.</li>
 *   <li>A bounce counts only when it returns the Message-ID of a mail we sent to that family's
 *       address (64 random bits, stored with the delivery): a forged bounce changes nothing.</li>
 *   <li>A verified reply whose words are a {@link MailCommand}'s (a keyword from the footer, such
 *       as seeing their data) goes to that command.</li>
 *   <li>A verified reply to an agreement's mail confirms it ("yes") or says how the family sees it.</li>
 *   <li>A verified STOP ends email for that family; a verified reply to a check-in becomes its
 *       answers, or, when the round has closed, the family is told so and the teacher gets the words;
 *       a verified reply to a mail that asked nothing (a class update) reaches the teacher.</li>
 *   <li>A mail too large to read, or one that could not be read, is told to the teacher of the
 *       family it claims to be from, without its content.</li>
 * </ul>
 *
 * <p>Nothing of a mail is logged: outcomes are codes, mails are named by their UID.
 */
public final class ReceivedMail implements ImapInbox.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ReceivedMail.class);
    /** A reply that says only STOP (any case, maybe with a dot or an exclamation mark). */
    private static final Pattern STOP = Pattern.compile("(?i)stop\\W{0,10}");

    private final Verification verification;
    private final ReplyTokens tokens;
    private final GuardianRepository guardians;
    private final CheckinRepository checkins;
    private final DeliveryRepository deliveries;
    private final CheckinReplies replies;
    private final MailboxNotes notes;
    private final TeacherNotice notice;
    private final AgreementReplies agreementReplies;
    private final List<MailCommand> commands;

    public ReceivedMail(
            ReplyTokens tokens,
            GuardianRepository guardians,
            CheckinRepository checkins,
            DeliveryRepository deliveries,
            StudentRepository students,
            SchoolClassRepository classes,
            CheckinReplies replies,
            TeacherMessages teacher,
            TeacherNotice notice,
            Optional<String> trustedAuthservId,
            AgreementReplies agreementReplies,
            List<MailCommand> commands,
            ForTheTeacher forTheTeacher) {
        this.verification = new Verification(tokens, guardians, trustedAuthservId);
        this.tokens = tokens;
        this.guardians = guardians;
        this.checkins = checkins;
        this.deliveries = deliveries;
        this.replies = replies;
        this.notes = new MailboxNotes(teacher, students, classes, checkins, forTheTeacher);
        this.notice = notice;
        this.agreementReplies = agreementReplies;
        this.commands = List.copyOf(commands);
    }

    @Override
    public String handle(ImapInbox.Received mail) {
        ParsedMail parsed = ReplyParser.parse(mail.message());
        if (parsed instanceof ParsedMail.AutoReply) {
            return "auto-reply";
        }
        if (parsed instanceof ParsedMail.Bounce bounce) {
            return bounced(mail, bounce);
        }
        ParsedMail.Reply reply = (ParsedMail.Reply) parsed;
        Verification.Verdict verdict = verification.of(reply, mail.message());
        if (verdict instanceof Verification.Unverified unverified) {
            notes.unverified(
                    mail.ref(),
                    unverified.reason().code,
                    notes.concerned(unverified.token(), unverified.guardian()),
                    reply.text());
            return "unverified-" + unverified.reason().code;
        }
        Verification.Verified verified = (Verification.Verified) verdict;
        Guardian guardian = verified.guardian();
        if (STOP.matcher(reply.text().strip()).matches()) {
            // The footer of every email promises this: no more emails, whatever the mail replied to.
            guardians.markEmailInvalid(guardian.id(), "unsubscribed");
            return "unsubscribed";
        }
        if (reply.text().isBlank()) {
            // Nothing readable (a broken mail, only a picture): nothing to store, the teacher asks.
            notes.noWords(mail.ref(), notes.concerned(Optional.of(verified.token()), Optional.of(guardian)));
            return "no-words";
        }
        for (MailCommand command : commands) {
            Optional<String> outcome = command.handle(guardian, verified.token(), reply.text());
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        Optional<Long> agreement = tokens.agreementOf(verified.token());
        if (agreement.isPresent()) {
            return agreementReply(mail, verified, agreement.get(), reply);
        }
        Optional<CheckinRequest> request = verified.token().requestId().flatMap(checkins::findRequest);
        if (request.isEmpty()) {
            // A reply to mail that asked nothing (or about a request since removed): the family's words.
            notes.familyWrote(
                    mail.ref(),
                    notes.concerned(Optional.of(verified.token()), Optional.of(guardian)),
                    reply.text(),
                    guardian.plan().language());
            return "family-wrote";
        }
        CheckinReplies.Outcome outcome = replies.answer(request.get(), guardian, reply, messageId(mail.message()));
        if (outcome != CheckinReplies.Outcome.ANSWERS) {
            String why = outcome == CheckinReplies.Outcome.ROUND_CLOSED ? "round-closed" : "no-longer-linked";
            notes.unverified(
                    mail.ref(),
                    why,
                    notes.concerned(Optional.of(verified.token()), Optional.of(guardian)),
                    reply.text(),
                    guardian.plan().language());
            return outcome == CheckinReplies.Outcome.ROUND_CLOSED ? why : "unverified-" + why;
        }
        return "answers";
    }

    /**
     * A verified reply to an agreement's mail: it confirms the agreement or says how the family sees
     * it. When it can no longer answer (done, or no longer their child), the words reach the teacher.
     */
    private String agreementReply(
            ImapInbox.Received mail, Verification.Verified verified, long agreementId, ParsedMail.Reply reply) {
        AgreementReplies.Outcome outcome = agreementReplies.answer(agreementId, verified.guardian(), reply.text());
        List<MailboxNotes.Concerned> concerned =
                notes.concerned(Optional.of(verified.token()), Optional.of(verified.guardian()));
        return switch (outcome) {
            case CONFIRMED -> "agreement-confirmed";
            case DIFFERS -> "agreement-differs";
            case CLOSED -> {
                notes.familyWrote(
                        mail.ref(),
                        concerned,
                        reply.text(),
                        verified.guardian().plan().language());
                yield "agreement-closed";
            }
            case NOT_THEIRS -> {
                notes.unverified(
                        mail.ref(),
                        "no-longer-linked",
                        concerned,
                        reply.text(),
                        verified.guardian().plan().language());
                yield "unverified-no-longer-linked";
            }
        };
    }

    @Override
    public String tooLarge(ImapInbox.Received mail, long bytes) {
        notes.tooLarge(mail.ref(), concernedByEnvelope(mail.message()), bytes);
        return "too-large";
    }

    @Override
    public void quarantined(ImapInbox.Received mail) {
        notes.quarantined(mail.ref(), concernedByEnvelope(mail.message()));
    }

    /** Whom a mail that is not read may concern, from its envelope alone (a claim, never a proof). */
    private List<MailboxNotes.Concerned> concernedByEnvelope(MimeMessage message) {
        ParsedMail.Envelope envelope = ReplyParser.envelope(message);
        Optional<ReplyToken> token = envelope.tokens().stream()
                .map(tokens::find)
                .flatMap(Optional::stream)
                .findFirst();
        Optional<Guardian> guardian = token.flatMap(t -> guardians.find(t.guardianId()))
                .or(() -> verification.claimedSender(envelope.fromAddress()));
        return notes.concerned(token, guardian);
    }

    /**
     * A bounce marks a family's address invalid only when it returns the Message-ID of an email we
     * sent to that address: the ids are random and known only to us and to the family's server.
     */
    private String bounced(ImapInbox.Received mail, ParsedMail.Bounce bounce) {
        if (!bounce.permanent()) {
            return "bounce-delayed";
        }
        Optional<Guardian> guardian = bounce.originalMessageId()
                .flatMap(deliveries::findByExternalId)
                .filter(delivery -> delivery.channel() == DeliveryChannel.EMAIL)
                .flatMap(Delivery::guardianId)
                .flatMap(guardians::find)
                .filter(owner -> bounce.failedRecipient().isEmpty()
                        || owner.email()
                                .filter(address -> EmailAddress.same(
                                        address, bounce.failedRecipient().get()))
                                .isPresent());
        if (guardian.isEmpty()) {
            LOG.info(
                    "Received mail uid {} is a bounce for no mail we sent to that address: it changes nothing",
                    mail.uid());
            return "bounce-unverified";
        }
        if (guardian.get().emailInvalid()) {
            return "bounce";
        }
        guardians.markEmailInvalid(guardian.get().id(), "bounced-" + bounce.status());
        notice.guardianUnreachable(guardian.get(), DeliveryChannel.EMAIL, "bounced");
        return "bounce";
    }

    /**
     * The reply's Message-ID, for the confirmation to answer; when it has none that looks like one, a
     * stable stand-in made from the mail's headers (so the same mail read twice is confirmed once).
     */
    static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            if (id != null && ComposedEmail.isMessageId(id.strip())) {
                return id.strip();
            }
            String[] date = message.getHeader("Date");
            String seed = (date == null ? "" : String.join(",", date)) + "|" + message.getSubject() + "|"
                    + ReplyParser.envelope(message).fromAddress();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "no-id-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (MessagingException | NoSuchAlgorithmException | RuntimeException e) {
            return "no-id";
        }
    }
}
