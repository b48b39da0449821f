package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.Database;
import nl.classbridge.store.LockingProcess;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real bot while another process holds its SQLite file with BEGIN EXCLUSIVE. */
@Timeout(120)
class LockedDatabaseTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;
    LocalUser parent;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        parent = parentOnAnotherEventThread();
        school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode("Sam")));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        awaitDm("Sam");
        school.discord.sendDirectMessage(parent, "Hallo!");
        awaitDm("Vraag 1 van 4");
    }

    @AfterEach
    void stop() {
        school.close();
    }

    @Test
    @DisplayName("GIVEN another process holds the database with BEGIN EXCLUSIVE WHEN the teacher adds a child and a "
            + "parent types an answer THEN both wait at the database, and once the lock is let go both are stored "
            + "and both get their answer")
    void waitsForTheLockAndCarriesOn() throws Exception {
        try (LockingProcess other = LockingProcess.lock(folder.resolve("classbridge.db"))) {
            Interaction addNoor =
                    school.discord.slashCommand(school.teacher, school.groep5, "student add", Map.of("name", "Noor"));
            school.discord.sendDirectMessage(parent, "4");
            Eventually.await(
                    "the teacher's command and the parent's answer to wait at the database",
                    Duration.ofSeconds(30),
                    () -> eventThreadsAtTheDatabase() == 2);
            assertThat(addNoor.response())
                    .as("no answer while the database is held")
                    .isEmpty();

            other.release();

            assertThat(addNoor.response(Duration.ofSeconds(30)).orElseThrow().content())
                    .contains("Noor");
            awaitDm("Vraag 2 van 4");
        }
        long noor = school.inStore(
                db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM student WHERE name = 'Noor'")));
        long answered = school.inStore(db -> db.read(
                sql -> sql.count("SELECT COUNT(*) AS n FROM answer WHERE value = '4' AND source = 'discord-text'")));
        assertThat(noor).isEqualTo(1);
        assertThat(answered).isEqualTo(1);
    }

    /**
     * A parent whose id puts their events on another of the bot's four event threads than the
     * teacher's ({@link UserStripes} picks the thread by user id), so both can wait at once.
     */
    private LocalUser parentOnAnotherEventThread() {
        long teacherStripe = Math.floorMod(school.teacher.id(), 4L);
        for (int sequence = 1; ; sequence++) {
            long id = LocalDiscord.snowflake(Instant.parse("2020-01-01T00:00:00Z"), sequence);
            if (Math.floorMod(id, 4L) != teacherStripe) {
                LocalUser made = school.discord.addUser(id, "mama.sam", null);
                school.guild.addMember(made);
                return made;
            }
        }
    }

    /** The bot's event threads inside a write transaction: with the file held elsewhere, all are waiting. */
    private static long eventThreadsAtTheDatabase() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("classbridge-events-"))
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().equals(Database.class.getName())
                                && frame.getMethodName().equals("transaction")))
                .count();
    }

    private void awaitDm(String containing) {
        school.discord.await(
                "a DM with " + containing,
                Duration.ofSeconds(20),
                () -> school.discord.directMessagesTo(parent).stream()
                        .anyMatch(m -> m.content().contains(containing)));
    }
}
