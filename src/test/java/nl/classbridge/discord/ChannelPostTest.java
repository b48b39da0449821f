package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Channel posts from the outbox: posted once, also when the bot dies between posting and noting it. */
@Timeout(60)
class ChannelPostTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    private long enqueuePost(String key, String text) {
        long classId = school.inStore(
                        db -> db.read(sql -> sql.one("SELECT id FROM school_class", row -> row.longValue("id"))))
                .orElseThrow();
        return school.inStore(db -> new DeliveryRepository(db)
                .enqueue(
                        key,
                        Optional.of(classId),
                        Optional.empty(),
                        DeliveryChannel.DISCORD_CHANNEL,
                        "class-update",
                        "{\"text\":\"" + text + "\"}",
                        Instant.now(),
                        Instant.now())
                .id());
    }

    private long postsIn() {
        return school.discord.messagesIn(school.groep5).stream()
                .filter(m -> !m.ephemeral() && m.content().contains("Klasnieuws"))
                .count();
    }

    @Test
    @DisplayName("a queued channel post is posted once, with the delivery's nonce")
    void postedOnce() throws Exception {
        long id = enqueuePost("update:test:1", "Klasnieuws: we gingen naar het bos");
        school.restart(); // the dispatch loop takes what is due at start
        school.discord.await("the post", Duration.ofSeconds(20), () -> postsIn() == 1);
        PostedMessage post = school.discord.messagesIn(school.groep5).stream()
                .filter(m -> m.content().contains("Klasnieuws"))
                .findFirst()
                .orElseThrow();
        assertThat(post.nonceValue()).contains("cb" + id);
        assertThat(post.allowedMentions().get("parse")).isEmpty();
    }

    @Test
    @DisplayName("a crash after Discord took the post but before it was noted sends no second post")
    void crashAfterPosting() throws Exception {
        long id = enqueuePost("update:test:2", "Klasnieuws: een mooie week");
        school.restart();
        school.discord.await("the post", Duration.ofSeconds(20), () -> postsIn() == 1);
        Eventually.await(
                "the delivery to be noted as sent",
                Duration.ofSeconds(10),
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM delivery WHERE id = ? AND status = 'sent'", id)))
                        == 1);

        // As if the process died right after Discord answered: the row still says 'sending'.
        school.bot.close();
        school.inStore(db -> db.write(sql -> sql.update("UPDATE delivery SET status = 'sending' WHERE id = ?", id)));
        school.start();
        Eventually.await(
                "the interrupted post to be settled again",
                Duration.ofSeconds(20),
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM delivery WHERE id = ? AND status = 'sent'", id)))
                        == 1);
        assertThat(postsIn())
                .as("Discord's enforced nonce returned the first post")
                .isEqualTo(1);
        long attempts = school.discord.restCalls().stream()
                .filter(call -> call.method().equals("POST") && call.route().contains("messages"))
                .count();
        assertThat(attempts)
                .as("the post was really sent twice, and deduplicated by Discord")
                .isGreaterThanOrEqualTo(2);
    }
}
