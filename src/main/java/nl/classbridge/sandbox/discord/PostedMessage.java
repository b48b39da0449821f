package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A message as the local server holds it, a snapshot taken when read.
 *
 * @param id              the message's snowflake
 * @param channelId       the channel it is in
 * @param authorId        who wrote it (the bot for what the bot sent)
 * @param content         the text
 * @param components      the components array as sent (buttons, selects), never null
 * @param embeds          the embeds array as sent, never null
 * @param flags           message flags; 64 is ephemeral
 * @param allowedMentions the {@code allowed_mentions} object the sender gave, or null
 * @param nonce           the nonce the sender gave, or null
 * @param edited          whether it was edited after it was sent
 * @param deleted         whether it was deleted
 * @param json            the whole message object as Discord would return it
 */
public record PostedMessage(
        long id,
        long channelId,
        long authorId,
        String content,
        JsonNode components,
        JsonNode embeds,
        int flags,
        JsonNode allowedMentions,
        String nonce,
        boolean edited,
        boolean deleted,
        JsonNode json) {

    public boolean ephemeral() {
        return (flags & 64) != 0;
    }

    /** The custom ids of all buttons and selects in the message, in order (nested containers included). */
    public java.util.List<String> customIds() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        components.findValues("custom_id").forEach(node -> ids.add(node.asText()));
        return ids;
    }

    public Optional<String> nonceValue() {
        return Optional.ofNullable(nonce);
    }
}
