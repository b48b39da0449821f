package nl.classbridge.mail.checkin;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.checkin.CheckinMail;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.Reply;
import nl.classbridge.checkin.TeacherAlerts;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.TeacherNotice;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.mail.inbox.ImapInbox;
import nl.classbridge.mail.reply.ParsedMail;
import nl.classbridge.mail.reply.ReplyParser;
import nl.classbridge.messages.Messages;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * Email replies to check-ins become answers like any other: matched to the request by the
 * Message-IDs the reply refers to (or the round's token in the subject), accepted only from the
 * family's own address, stored through {@link Conversations}, and confirmed by email with what
 * was understood. Out-of-office mails are ignored; a bounce marks the address invalid.
 */
public final class CheckinReplies implements ImapInbox.Handler {
    /** Question id under which words that belong to no question are kept for the teacher. */
    public static final String NOTE = "email-note";
    /** A reply that says only STOP (any case, maybe with a dot or an exclamation mark). */
    private static final java.util.regex.Pattern STOP = java.util.regex.Pattern.compile("(?i)stop\\W*");

    private final Database database;
    private final DeliveryRepository deliveries;
    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final Conversations conversations;
    private final CheckinContexts contexts;
    private final Messages messages;
    private final Outbox outbox;
    private final TeacherNotice notice;
    private final TeacherAlerts alerts;
    private final java.time.Clock clock;

    public CheckinReplies(Database database, DeliveryRepository deliveries, CheckinRepository checkins,
            GuardianRepository guardians, Conversations conversations, CheckinContexts contexts, Messages messages,
            Outbox outbox, TeacherNotice notice, TeacherAlerts alerts, java.time.Clock clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.checkins = checkins;
        this.guardians = guardians;
        this.conversations = conversations;
        this.contexts = contexts;
        this.messages = messages;
        this.outbox = outbox;
        this.notice = notice;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String handle(MimeMessage message) {
        ParsedMail parsed = ReplyParser.parse(message);
        if (parsed instanceof ParsedMail.AutoReply) {
            return "auto-reply";
        }
        if (parsed instanceof ParsedMail.Bounce bounce) {
            return bounced(bounce);
        }
        return replied((ParsedMail.Reply) parsed, messageId(message));
    }

    private String bounced(ParsedMail.Bounce bounce) {
        if (!bounce.permanent()) {
            return "delayed";
        }
        Optional<Guardian> guardian = bounce.originalMessageId().flatMap(deliveries::findByExternalId)
                .flatMap(Delivery::guardianId).flatMap(guardians::find)
                .or(() -> bounce.failedRecipient().flatMap(guardians::findByEmail));
        if (guardian.isEmpty() || guardian.get().emailInvalid()) {
            return "bounce";
        }
        guardians.markEmailInvalid(guardian.get().id(), "bounced-" + bounce.status());
        notice.guardianUnreachable(guardian.get(), DeliveryChannel.EMAIL, "bounced");
        return "bounce";
    }

    private String replied(ParsedMail.Reply reply, String replyId) {
        if (STOP.matcher(reply.text().strip()).matches()) {
            // The footer of every email promises this: no more emails, whatever the mail replied to.
            guardians.findByEmail(reply.fromAddress()).ifPresent(guardian ->
                    guardians.markEmailInvalid(guardian.id(), "unsubscribed"));
            return "unsubscribed";
        }
        Optional<CheckinRequest> request = requestOf(reply);
        if (request.isEmpty()) {
            return "unmatched";
        }
        Guardian guardian = guardians.find(request.get().guardianId()).orElseThrow();
        if (guardian.email().filter(address -> address.equalsIgnoreCase(reply.fromAddress())).isEmpty()) {
            alerts.replyFromOtherAddress(request.get());
            return "other-sender";
        }
        CheckinRound round = checkins.findRound(request.get().roundId()).orElseThrow();
        if (!round.openAt(clock.instant())) {
            return "round-closed";
        }
        return database.transaction(() -> {
            CheckinContext context = contexts.of(request.get());
            List<Question> asked = context.questionnaire().asked();
            List<String> understood = new ArrayList<>();
            boolean unreadable = !reply.unnumbered().isBlank();
            for (Map.Entry<Integer, String> answer : reply.numbered().entrySet()) {
                int number = answer.getKey();
                if (number < 1 || number > asked.size()) {
                    unreadable = true;
                    continue;
                }
                Question question = asked.get(number - 1);
                AnswerCheck check = question.check(answer.getValue());
                if (check instanceof AnswerCheck.Accepted accepted) {
                    conversations.answer(request.get().id(), guardian.id(), question.id(), answer.getValue(),
                            AnswerSource.EMAIL);
                    understood.add(number + ". " + AnswerDisplay.show(question, accepted.value(), context.language(),
                            messages, context.chain()));
                } else {
                    unreadable = true;
                }
            }
            if (!reply.unnumbered().isBlank()) {
                checkins.saveAnswer(Answer.given(request.get().id(), NOTE, reply.unnumbered(), AnswerSource.EMAIL,
                        clock.instant()));
            }
            if (!reply.numbered().isEmpty()) {
                skipLeftOut(request.get(), guardian, asked);
            }
            outbox.enqueue(CheckinMail.confirmation(round.classId(), round, request.get(), replyId, understood,
                    unreadable));
            return "answers";
        });
    }

    /** In a reply, an optional question left out is skipped, so the check-in can be complete. */
    private void skipLeftOut(CheckinRequest request, Guardian guardian, List<Question> asked) {
        List<String> answered = checkins.answers(request.id()).stream().map(Answer::questionId).toList();
        for (Question question : asked) {
            if (!question.required() && !answered.contains(question.id())) {
                conversations.skip(request.id(), guardian.id(), question.id(), AnswerSource.EMAIL);
            }
        }
    }

    /** The request a reply belongs to: by the mails it answers, else by the round's token and sender. */
    private Optional<CheckinRequest> requestOf(ParsedMail.Reply reply) {
        Optional<CheckinRequest> byReference = reply.referencedMessageIds().stream()
                .map(deliveries::findByExternalId).flatMap(Optional::stream)
                .filter(delivery -> CheckinMail.isCheckin(delivery.kind()))
                .map(delivery -> CheckinMail.payload(delivery.payload()).request())
                .map(checkins::findRequest).flatMap(Optional::stream)
                .findFirst();
        if (byReference.isPresent()) {
            return byReference;
        }
        return reply.subjectToken().flatMap(checkins::findRoundByToken).flatMap(round -> checkins.requests(round.id())
                .stream()
                .filter(request -> guardians.find(request.guardianId()).flatMap(Guardian::email)
                        .filter(address -> address.equalsIgnoreCase(reply.fromAddress())).isPresent())
                .findFirst());
    }

    private static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            if (id != null && id.matches("<[^<>\\s]+@[^<>\\s]+>")) {
                return id;
            }
            return "no-id-" + Integer.toHexString(java.util.Objects.hash(message.getSentDate(), message.getSubject(),
                    java.util.Arrays.toString(message.getFrom())));
        } catch (MessagingException e) {
            return "no-id";
        }
    }
}
