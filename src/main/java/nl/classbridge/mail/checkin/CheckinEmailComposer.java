package nl.classbridge.mail.checkin;

import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.checkin.CheckinMail;
import nl.classbridge.checkin.email.CheckinEmails;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.EmailComposer;
import nl.classbridge.mail.MailText;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.messages.EmailText;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * Turns a check-in's outbox rows into emails when they go out: the questions, the reminder, the
 * confirmation of a reply, the answer to a reply that came too late. What is true at sending time
 * counts: a round that closed or a child already answered for on Discord means nothing is sent.
 * Each carries the reply token of the family's request, so their reply can be verified.
 */
public final class CheckinEmailComposer implements EmailComposer {
    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final DeliveryRepository deliveries;
    private final CheckinContexts contexts;
    private final CheckinEmails emails;
    private final ReplyTokens tokens;
    private final java.time.Clock clock;

    public CheckinEmailComposer(
            CheckinRepository checkins,
            GuardianRepository guardians,
            DeliveryRepository deliveries,
            CheckinContexts contexts,
            CheckinEmails emails,
            ReplyTokens tokens,
            java.time.Clock clock) {
        this.checkins = checkins;
        this.guardians = guardians;
        this.deliveries = deliveries;
        this.contexts = contexts;
        this.emails = emails;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        if (!CheckinMail.isCheckin(delivery.kind()) || delivery.guardianId().isEmpty()) {
            return Optional.empty();
        }
        Optional<Guardian> guardian =
                guardians.find(delivery.guardianId().get()).filter(Guardian::reachableByEmail);
        CheckinMail.Payload payload = CheckinMail.payload(delivery.payload());
        Optional<CheckinRound> round = checkins.findRound(payload.round())
                .filter(r -> r.openAt(clock.instant())
                        || CheckinMail.CONFIRMATION.equals(delivery.kind())
                        || CheckinMail.ROUND_CLOSED.equals(delivery.kind()));
        Optional<CheckinRequest> request = checkins.findRequest(payload.request());
        if (guardian.isEmpty() || round.isEmpty() || request.isEmpty()) {
            return Optional.empty();
        }
        CheckinContext context = contexts.sending(request.get());
        String to = guardian.get().email().orElseThrow();
        String token = tokens.forRequest(guardian.get().id(), request.get().id());
        Optional<String> questionsMessageId = deliveries
                .findByKey(DedupeKeys.questionnaireEmail(
                        round.get().id(), request.get().id()))
                .flatMap(Delivery::externalId);
        switch (delivery.kind()) {
            case CheckinMail.QUESTIONNAIRE -> {
                if (request.get().status() == RequestStatus.ANSWERED) {
                    return Optional.empty();
                }
                return Optional.of(email(to, emails.questionnaire(context), Optional.empty(), List.of(), token));
            }
            case CheckinMail.REMINDER -> {
                if (request.get().status() == RequestStatus.ANSWERED) {
                    return Optional.empty();
                }
                return Optional.of(email(
                        to,
                        emails.reminder(context),
                        questionsMessageId,
                        questionsMessageId.map(List::of).orElse(List.of()),
                        token));
            }
            case CheckinMail.CONFIRMATION -> {
                CheckinMail.Confirmation confirmation = CheckinMail.confirmationOf(delivery.payload());
                Optional<String> reply = Optional.of(confirmation.reply()).filter(ComposedEmail::isMessageId);
                return Optional.of(email(
                        to,
                        emails.confirmation(context, confirmation.understood(), confirmation.unreadable()),
                        reply,
                        reply.map(List::of).orElse(List.of()),
                        token));
            }
            case CheckinMail.ROUND_CLOSED -> {
                return Optional.of(email(to, emails.roundClosed(context), Optional.empty(), List.of(), token));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static ComposedEmail email(
            String to, EmailText text, Optional<String> inReplyTo, List<String> references, String token) {
        ComposedEmail email = MailText.compose(to, text);
        return new ComposedEmail(
                to,
                email.subject(),
                email.text(),
                email.html(),
                inReplyTo,
                references,
                email.language(),
                Optional.of(token));
    }
}
