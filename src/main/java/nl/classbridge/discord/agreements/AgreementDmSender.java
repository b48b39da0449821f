package nl.classbridge.discord.agreements;

import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.agreements.AgreementMail;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.delivery.Sender;
import nl.classbridge.discord.ChannelPostSender;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordOutcome;
import nl.classbridge.discord.DiscordPost;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.store.GuardianRepository;

/**
 * Sends the outbox's agreement DMs (the agreement to confirm, the align-again reminder), rendered
 * when they go out, in the guardian's language; every other DM goes to the sender it wraps. Like the
 * check-in's DMs each carries a nonce from its delivery id, so a re-send after a crash is one message.
 */
public final class AgreementDmSender implements Sender {
    private final Sender others;
    private final JDA jda;
    private final Agreements agreements;
    private final GuardianRepository guardians;
    private final AgreementTexts texts;
    private final AgreementView view;

    public AgreementDmSender(
            Sender others,
            JDA jda,
            Agreements agreements,
            GuardianRepository guardians,
            AgreementTexts texts,
            AgreementView view) {
        this.others = others;
        this.jda = jda;
        this.agreements = agreements;
        this.guardians = guardians;
        this.texts = texts;
        this.view = view;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.DISCORD_DM;
    }

    @Override
    public SendResult send(Delivery delivery) {
        if (!AgreementMail.isAgreement(delivery.kind())) {
            return others.send(delivery);
        }
        Optional<Guardian> guardian = delivery.guardianId().flatMap(guardians::find);
        Optional<MessageCreateData> message = guardian.flatMap(g -> message(delivery, g));
        if (message.isEmpty() || guardian.get().discordUserId().isEmpty()) {
            return new SendResult.Failed("no-recipient");
        }
        try {
            var sent = jda.openPrivateChannelById(guardian.get().discordUserId().get())
                    .flatMap(
                            channel -> channel.sendMessage(message.get()).setNonce(ChannelPostSender.nonceOf(delivery)))
                    .complete(false);
            return new SendResult.Sent(Optional.of(sent.getId()));
        } catch (RateLimitedException e) {
            return DiscordOutcome.of(e);
        } catch (ErrorResponseException e) {
            return DiscordOutcome.of(e);
        } catch (RuntimeException e) {
            // The outbox tries again; its record holds the reason, never the message.
            return SendResult.retryLater("discord-error");
        }
    }

    private Optional<MessageCreateData> message(Delivery delivery, Guardian guardian) {
        if (AgreementMail.ASK.equals(delivery.kind())) {
            return agreements
                    .forGuardian(AgreementMail.agreementOf(delivery.payload()), guardian.id())
                    .map(view::create);
        }
        return agreements.reminding(delivery.payload(), guardian.id()).map(reminding -> {
            String text = DiscordText.MARKDOWN.render(texts.reminder(
                    reminding.schoolClass(),
                    reminding.student(),
                    reminding.agreements(),
                    texts.messages().chainFor(guardian, reminding.schoolClass())));
            return DiscordPost.builder(DiscordLimits.fit(text, DiscordLimits.MESSAGE))
                    .build();
        });
    }
}
