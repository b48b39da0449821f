package nl.classbridge.discord.checkin;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.checkin.CheckinMail;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.delivery.Sender;
import nl.classbridge.discord.ChannelPostSender;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordOutcome;
import nl.classbridge.discord.DiscordPost;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's DMs through JDA: check-in greetings and reminders to families, the
 * conversation's own DMs (the next child's greeting, the answer to a typed message), and notices
 * to teachers. Runs on the dispatcher's thread, never JDA's event thread, so it may wait for the
 * answer. Each message carries a nonce from its delivery id, which Discord enforces: a re-send
 * after a crash does not make a second message.
 */
public final class DiscordDmSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordDmSender.class);

    private final JDA jda;
    private final GuardianRepository guardians;
    private final CheckinRepository checkins;
    private final SchoolClassRepository classes;
    private final CheckinContexts contexts;
    private final Conversations conversations;
    private final StepView view;
    private final Texts texts;

    public DiscordDmSender(
            JDA jda,
            GuardianRepository guardians,
            CheckinRepository checkins,
            SchoolClassRepository classes,
            CheckinContexts contexts,
            Conversations conversations,
            StepView view,
            Texts texts) {
        this.conversations = conversations;
        this.jda = jda;
        this.guardians = guardians;
        this.checkins = checkins;
        this.classes = classes;
        this.contexts = contexts;
        this.view = view;
        this.texts = texts;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.DISCORD_DM;
    }

    @Override
    public SendResult send(Delivery delivery) {
        Optional<Recipient> recipient = recipient(delivery);
        if (recipient.isEmpty()) {
            return new SendResult.Failed("no-recipient");
        }
        String nonce = ChannelPostSender.nonceOf(delivery);
        try {
            var message = jda.openPrivateChannelById(recipient.get().userId())
                    .flatMap(channel ->
                            channel.sendMessage(recipient.get().message()).setNonce(nonce))
                    .complete(false); // a 429 comes back to the outbox, which waits on its own clock
            return new SendResult.Sent(Optional.of(message.getId()));
        } catch (RateLimitedException e) {
            return DiscordOutcome.of(e);
        } catch (ErrorResponseException e) {
            return DiscordOutcome.of(e);
        } catch (RuntimeException e) {
            LOG.warn(
                    "DM delivery {} failed, will retry: {}",
                    delivery.id(),
                    e.getClass().getSimpleName());
            return SendResult.retryLater("discord-error");
        }
    }

    private record Recipient(long userId, MessageCreateData message) {}

    /** A notice to a teacher, in the class language; one message, as the nonce makes one. */
    private Optional<Recipient> notice(Delivery delivery) {
        TeacherNotices.Notice notice = TeacherNotices.parse(delivery.payload());
        Optional<String> text = notice.text()
                .or(() -> notice.key()
                        .flatMap(key -> delivery.classId()
                                .flatMap(classes::find)
                                .map(schoolClass -> texts.forClass(schoolClass, key, notice.values()))));
        // A notice is a sentence or two; cut should it ever be longer.
        return text.map(shown -> new Recipient(
                notice.userId(),
                DiscordPost.builder(DiscordLimits.fit(shown, DiscordLimits.MESSAGE))
                        .build()));
    }

    /** A short answer to what someone typed: in the family's language when it is about their check-in. */
    private Optional<Recipient> answer(Delivery delivery) {
        CheckinMail.Answer answer = CheckinMail.answerOf(delivery.payload());
        String text = answer.request()
                .flatMap(checkins::findRequest)
                .map(request ->
                        texts.inChain(answer.messageKey(), contexts.of(request).chain(), answer.values()))
                .orElseGet(() -> texts.forSchool(answer.messageKey(), answer.values()));
        return Optional.of(new Recipient(
                answer.userId(),
                DiscordPost.builder(DiscordLimits.fit(text, DiscordLimits.MESSAGE))
                        .build()));
    }

    private Optional<Recipient> recipient(Delivery delivery) {
        if (TeacherNotices.KIND.equals(delivery.kind())) {
            return notice(delivery);
        }
        if (CheckinMail.ANSWER.equals(delivery.kind())) {
            return answer(delivery);
        }
        Optional<Guardian> guardian = delivery.guardianId().flatMap(guardians::find);
        if (guardian.isEmpty() || guardian.get().discordUserId().isEmpty() || !CheckinMail.isCheckin(delivery.kind())) {
            return Optional.empty();
        }
        Optional<CheckinRequest> request =
                checkins.findRequest(CheckinMail.payload(delivery.payload()).request());
        if (request.isEmpty()) {
            return Optional.empty();
        }
        CheckinContext context = contexts.sending(request.get());
        if (CheckinMail.STEP.equals(delivery.kind())) {
            // The step a typed answer led to, as the family's answers stand now.
            return conversations
                    .stepAt(request.get().id(), CheckinMail.position(delivery.payload()))
                    .map(step -> new Recipient(
                            guardian.get().discordUserId().get(), DiscordMessages.create(view.of(step, context))));
        }
        StepView.View greeting = view.greeting(context);
        if (CheckinMail.REMINDER.equals(delivery.kind())) {
            String reminder = texts.inChain(
                    "checkin.reminder",
                    context.chain(),
                    Map.of(
                            "questionnaire",
                            context.questionnaire().title(context.language()),
                            "deadline",
                            context.deadline()));
            greeting = new StepView.View(reminder, greeting.rows());
        }
        return Optional.of(new Recipient(guardian.get().discordUserId().get(), DiscordMessages.create(greeting)));
    }
}
