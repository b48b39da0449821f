package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Reading;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.AuditLog;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's audit trail of reading, end to end with the real JDA client: every command that shows
 * families' answers writes exactly one audit row with the reader and ids, never what was read; a
 * server admin reads the trail of this server's classes with {@code /privacy audit}, a teacher
 * without admin rights cannot, and another server's classes never show.
 */
@Timeout(120)
class ReadingAuditOnDiscordTest {
    /** Ids, counts, "all" and "unknown": what an audit detail may hold. */
    private static final String IDS_ONLY = "([a-z-]+=(\\d+|all|unknown))( [a-z-]+=(\\d+|all|unknown))*";

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    LocalGuild otherServer;
    LocalUser otherTeacher;
    LocalChannel otherChannel;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder, s -> {
            otherTeacher = s.discord.addUser("meester.elders");
            otherServer = s.discord.addGuild("Andere School", otherTeacher);
            otherChannel = otherServer.addTextChannel("klas-elders");
            s.extraEnvironment.put(
                    "CLASSBRIDGE_DISCORD_GUILDS",
                    Long.toUnsignedString(s.guild.id()) + "," + Long.toUnsignedString(otherServer.id()));
        });
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.command(otherTeacher, otherChannel, "class setup", Map.of("name", "Klas Elders"));
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
    }

    @Test
    @DisplayName("GIVEN a start-of-year round WHEN the teacher reads /checkin results, /prep, /export, /class overview"
            + " and /class offers THEN each wrote exactly one audit row: the teacher, the class, ids only")
    void everyReadIsAudited() {
        school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "start-of-year"));
        long teacher = school.teacher.id();

        school.teacher("checkin results", Map.of("student", "Sam"));
        assertOneRow(Reading.CHECKIN_RESULTS, teacher);
        school.teacher("prep", Map.of("student", "Sam"));
        assertOneRow(Reading.PREP, teacher);
        school.discord
                .slashCommand(school.teacher, school.groep5, "export", Map.of())
                .awaitResponse();
        assertOneRow(Reading.EXPORT, teacher);
        school.teacher("class overview", Map.of());
        assertOneRow(Reading.CLASS_OVERVIEW, teacher);
        school.teacher("class offers", Map.of());
        assertOneRow(Reading.CLASS_OFFERS, teacher);

        assertThat(auditRows(Reading.CHECKIN_RESULTS).get(0).detail()).matches("round=\\d+ student=\\d+");
        assertThat(auditRows(Reading.PREP).get(0).detail()).matches("student=\\d+");
        assertThat(auditRows(Reading.EXPORT).get(0).detail()).matches("student=all rows=0");
        // What is shown to nobody but the teacher is not what is logged: no child's name, no words.
        school.teacher("class info", Map.of());
        List<AuditEntry> all = school.inStore(db -> new AuditLog(db).since(Instant.EPOCH));
        assertThat(all)
                .filteredOn(entry -> entry.action().startsWith("read:"))
                .hasSize(5)
                .allSatisfy(
                        entry -> assertThat(entry.detail()).matches(IDS_ONLY).doesNotContain("Sam"));
    }

    @Test
    @DisplayName("GIVEN reads in this server and another WHEN the server's admin asks /privacy audit THEN a private"
            + " list, newest first, with the teacher as a mention that pings nobody, the action in Dutch, the"
            + " class and the ids, nothing of the other server; the teacher without admin rights is refused")
    void adminReadsTheTrail() {
        school.teacher("prep", Map.of("student", "Sam"));
        school.teacher("class overview", Map.of());
        school.command(otherTeacher, otherChannel, "class overview", Map.of());

        InteractionResponse refused = privacyAudit(school.teacher, Map.of());
        InteractionResponse trail = privacyAudit(school.admin, Map.of());

        assertThat(refused.ephemeral()).isTrue();
        assertThat(DiscordView.visible(refused.content())).contains("Alleen een serverbeheerder");
        assertThat(refused.content()).doesNotContain("gespreksvoorbereiding");
        assertThat(trail.ephemeral()).isTrue();
        String text = trail.content();
        assertThat(DiscordView.visible(text))
                .contains("Logboek, laatste 30 dagen")
                .contains("las het klasoverzicht")
                .contains("las een gespreksvoorbereiding")
                .contains("Groep 5")
                .doesNotContain("Klas Elders");
        assertThat(text).contains("<@" + school.teacher.id() + ">").doesNotContain("<@" + otherTeacher.id() + ">");
        assertThat(text.indexOf("las het klasoverzicht"))
                .as("newest first")
                .isLessThan(text.indexOf("las een gespreksvoorbereiding"));
        assertThat(trail.data().get("allowed_mentions").get("parse")).isEmpty();
    }

    @Test
    @DisplayName("GIVEN more audit entries than two messages hold WHEN the admin asks /privacy audit days:7 THEN the"
            + " newest entries come as a text file, one line each, with a short private message")
    void longTrailAsAFile() {
        long classId = school.inStore(
                db -> db.read(sql -> sql.count("SELECT id AS n FROM school_class WHERE name = ?", "Groep 5")));
        Instant now = school.clock.instant();
        school.inStore(db -> {
            AuditLog log = new AuditLog(db);
            for (int i = 0; i < 150; i++) {
                log.record(new AuditEntry(now, school.teacher.id(), Optional.of(classId), "read:prep", "student=" + i));
            }
            return null;
        });

        InteractionResponse trail = privacyAudit(school.admin, Map.of("days", 7));

        assertThat(trail.ephemeral()).isTrue();
        assertThat(DiscordView.visible(trail.content()))
                .contains("Logboek, laatste 7 dagen")
                .contains("in het bestand");
        List<AttachedFile> files = school.discord.attachments(trail.data());
        assertThat(files).extracting(AttachedFile::filename).containsExactly("audit-log-7-days.txt");
        assertThat(files.get(0).text().lines())
                .hasSizeGreaterThanOrEqualTo(150)
                .allSatisfy(line -> assertThat(line).contains(" | user " + school.teacher.id() + " | "));
    }

    private InteractionResponse privacyAudit(LocalUser user, Map<String, ?> options) {
        return school.discord
                .slashCommand(user, school.groep5, "privacy audit", options)
                .awaitResponse();
    }

    private void assertOneRow(Reading reading, long reader) {
        List<AuditEntry> rows = auditRows(reading);
        assertThat(rows).as(reading.action()).hasSize(1);
        assertThat(rows.get(0).actorUserId()).isEqualTo(reader);
        assertThat(rows.get(0).classId()).isPresent();
    }

    private List<AuditEntry> auditRows(Reading reading) {
        return school.inStore(db -> new AuditLog(db).since(Instant.EPOCH)).stream()
                .filter(entry -> entry.action().equals(reading.action()))
                .toList();
    }
}
