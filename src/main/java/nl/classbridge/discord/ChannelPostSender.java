package nl.classbridge.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.delivery.Sender;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.updates.UpdateMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the outbox's channel messages (class updates) in the class channel, with the text that
 * was rendered when the row was made, so the post is exactly what the preview showed. Each part
 * carries a nonce from the delivery id that Discord enforces: a re-send after a crash finds the
 * first post instead of making a second one.
 */
public final class ChannelPostSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPostSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShardManager shards;
    private final SchoolClassRepository classes;
    /** For the "🌐 In my language" button's label; without it (tests of old) the post has no button. */
    private final Optional<Texts> texts;

    public ChannelPostSender(ShardManager shards, SchoolClassRepository classes) {
        this(shards, classes, Optional.empty());
    }

    public ChannelPostSender(ShardManager shards, SchoolClassRepository classes, Optional<Texts> texts) {
        this.shards = shards;
        this.classes = classes;
        this.texts = texts;
    }

    /**
     * The nonce of a delivery's Discord message: the same at every attempt, so Discord's enforced
     * nonce turns a re-send after a crash into the first message (at most 25 characters).
     */
    public static String nonceOf(Delivery delivery) {
        return "cb" + delivery.id();
    }

    /**
     * The post's messages; a class update gets the "🌐 In my language" button under its last part,
     * always: families join and change their language after a post, and even without a translator
     * the button gives the hand-written parts (title, headings, greeting) in a family's language.
     */
    private List<MessageCreateData> parts(Delivery delivery, SchoolClass schoolClass, String text) {
        if (texts.isEmpty() || !UpdateMail.POST.equals(delivery.kind())) {
            return DiscordPost.of(text);
        }
        List<String> split = DiscordLimits.split(text);
        List<MessageCreateData> parts = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            var part = DiscordPost.builder(split.get(i));
            if (i == split.size() - 1) {
                part.setComponents(ActionRow.of(InMyLanguage.button(delivery.id(), schoolClass, texts.get())));
            }
            parts.add(part.build());
        }
        return parts;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.DISCORD_CHANNEL;
    }

    @Override
    public SendResult send(Delivery delivery) {
        Optional<SchoolClass> schoolClass = delivery.classId().flatMap(classes::find);
        if (schoolClass.isEmpty()) {
            return new SendResult.Failed("no-class");
        }
        // Found in the shard that carries the channel's server; the post goes out through that shard.
        TextChannel channel = shards.getTextChannelById(schoolClass.get().channelId());
        if (channel == null) {
            return SendResult.retryLater("channel-unknown");
        }
        String text;
        try {
            JsonNode payload = JSON.readTree(delivery.payload());
            text = payload.path("text").asText();
        } catch (java.io.IOException e) {
            return new SendResult.Failed("payload-invalid");
        }
        List<MessageCreateData> parts = parts(delivery, schoolClass.get(), text);
        // Derived from the delivery alone, so every attempt carries the same one (the external id
        // later holds Discord's message id).
        String nonce = nonceOf(delivery);
        try {
            Message first = null;
            for (int i = 0; i < parts.size(); i++) {
                // complete(false): a 429 comes back to the outbox, which waits on its own clock.
                Message posted = channel.sendMessage(parts.get(i))
                        .setNonce(i == 0 ? nonce : nonce + "-" + i)
                        .complete(false);
                first = first == null ? posted : first;
            }
            return new SendResult.Sent(Optional.of(first.getId()));
        } catch (RateLimitedException e) {
            return DiscordOutcome.of(e);
        } catch (ErrorResponseException e) {
            return DiscordOutcome.of(e);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Channel post {} failed, will retry: {}",
                    delivery.id(),
                    e.getClass().getSimpleName());
            return SendResult.retryLater("discord-error");
        }
    }
}
