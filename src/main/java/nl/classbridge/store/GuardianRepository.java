package nl.classbridge.store;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;

/** Guardians, their communication plans and their links to children. */
public final class GuardianRepository {
    private static final RowMapper<Guardian> GUARDIAN = row -> {
        Optional<LocalTime> quietStart = row.optionalTime("quiet_start");
        Optional<LocalTime> quietEnd = row.optionalTime("quiet_end");
        Optional<QuietHours> quiet = quietStart.isPresent() && quietEnd.isPresent()
                ? Optional.of(new QuietHours(quietStart.get(), quietEnd.get()))
                : Optional.empty();
        CommunicationPlan plan = new CommunicationPlan(
                Coded.of(ContactChannel.class, row.string("preferred_channel")),
                row.optionalString("language").map(code -> Coded.of(Language.class, code)),
                quiet,
                row.optionalString("contact_times"));
        return new Guardian(
                row.longValue("id"),
                row.optionalLong("discord_user_id"),
                row.optionalString("email"),
                plan,
                "unreachable".equals(row.string("discord_status")),
                "invalid".equals(row.string("email_status")),
                row.optionalString("status_reason"),
                row.instant("created_at"));
    };

    private final Database database;

    public GuardianRepository(Database database) {
        this.database = database;
    }

    /** A guardian who joined on Discord; they keep their plan (Discord) until they say otherwise. */
    public Guardian addDiscord(long discordUserId, Instant now) {
        return addDiscord(discordUserId, Optional.empty(), now);
    }

    /**
     * A guardian who joined on Discord, in {@code language} (their Discord app's, when we speak it);
     * without one they read the class language until they choose.
     */
    public Guardian addDiscord(long discordUserId, Optional<Language> language, Instant now) {
        CommunicationPlan plan = CommunicationPlan.defaultFor(ContactChannel.DISCORD);
        return add(
                Optional.of(discordUserId),
                Optional.empty(),
                new CommunicationPlan(plan.channel(), language, plan.quietHours(), plan.contactTimes()),
                now);
    }

    /** A guardian without Discord, added by the teacher with an email address. */
    public Guardian addEmail(String email, Optional<Language> language, Instant now) {
        CommunicationPlan plan =
                new CommunicationPlan(ContactChannel.EMAIL, language, Optional.empty(), Optional.empty());
        return add(Optional.empty(), Optional.of(email), plan, now);
    }

    private Guardian add(Optional<Long> discordUserId, Optional<String> email, CommunicationPlan plan, Instant now) {
        long id = database.write(sql -> sql.insert(
                """
                INSERT INTO guardian (discord_user_id, email, language, preferred_channel, contact_times,
                                      quiet_start, quiet_end, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                discordUserId,
                email,
                plan.language(),
                plan.channel(),
                plan.contactTimes(),
                plan.quietHours().map(QuietHours::start),
                plan.quietHours().map(QuietHours::end),
                now));
        return new Guardian(id, discordUserId, email, plan, false, false, Optional.empty(), now);
    }

    public Optional<Guardian> find(long id) {
        return database.read(sql -> sql.one("SELECT * FROM guardian WHERE id = ?", GUARDIAN, id));
    }

    public Optional<Guardian> findByDiscordUser(long discordUserId) {
        return database.read(
                sql -> sql.one("SELECT * FROM guardian WHERE discord_user_id = ?", GUARDIAN, discordUserId));
    }

    public Optional<Guardian> findByEmail(String email) {
        return database.read(sql ->
                sql.one("SELECT * FROM guardian WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1", GUARDIAN, email));
    }

    public void savePlan(long guardianId, CommunicationPlan plan) {
        database.write(sql -> sql.update(
                """
                UPDATE guardian SET preferred_channel = ?, language = ?, contact_times = ?,
                                    quiet_start = ?, quiet_end = ?
                WHERE id = ?""",
                plan.channel(),
                plan.language(),
                plan.contactTimes(),
                plan.quietHours().map(QuietHours::start),
                plan.quietHours().map(QuietHours::end),
                guardianId));
    }

    public void setEmail(long guardianId, String email) {
        database.write(sql ->
                sql.update("UPDATE guardian SET email = ?, email_status = 'ok' WHERE id = ?", email, guardianId));
    }

    /** DMs to this guardian failed for good; {@code reason} is a code such as {@code dm-closed}. */
    public void markDiscordUnreachable(long guardianId, String reason) {
        database.write(sql -> sql.update(
                "UPDATE guardian SET discord_status = 'unreachable', status_reason = ? WHERE id = ?",
                reason,
                guardianId));
    }

    /** DMs work again (the guardian joined or wrote to the bot). */
    public void markDiscordReachable(long guardianId) {
        database.write(sql -> sql.update("UPDATE guardian SET discord_status = 'ok' WHERE id = ?", guardianId));
    }

    /** Mail to this guardian bounced for good; {@code reason} is a code such as {@code bounced}. */
    public void markEmailInvalid(long guardianId, String reason) {
        database.write(sql -> sql.update(
                "UPDATE guardian SET email_status = 'invalid', status_reason = ? WHERE id = ?", reason, guardianId));
    }

    /** Links a guardian to a child; linking twice is harmless. Returns whether a new link was made. */
    public boolean link(long guardianId, long studentId, Instant now) {
        return database.write(sql -> sql.update(
                        "INSERT OR IGNORE INTO guardian_student (guardian_id, student_id, linked_at) VALUES (?, ?, ?)",
                        guardianId,
                        studentId,
                        now))
                == 1;
    }

    public boolean unlink(long guardianId, long studentId) {
        return database.write(sql -> sql.update(
                        "DELETE FROM guardian_student WHERE guardian_id = ? AND student_id = ?", guardianId, studentId))
                == 1;
    }

    public boolean isLinked(long guardianId, long studentId) {
        return database.read(sql -> sql.count(
                        "SELECT COUNT(*) AS n FROM guardian_student WHERE guardian_id = ? AND student_id = ?",
                        guardianId,
                        studentId))
                > 0;
    }

    /** The name the guardian has on Discord, as they joined: for the teacher's list of who joined. */
    public void setDiscordName(long guardianId, String name) {
        database.write(sql -> sql.update("UPDATE guardian SET discord_name = ? WHERE id = ?", name, guardianId));
    }

    /** A child's guardians with their Discord name and when each was linked, in the order they came. */
    public List<GuardianLink> linksOf(long studentId) {
        return database.read(sql -> sql.list(
                """
                SELECT g.*, gs.linked_at FROM guardian g JOIN guardian_student gs ON gs.guardian_id = g.id
                WHERE gs.student_id = ? ORDER BY gs.linked_at, g.id""",
                row -> new GuardianLink(
                        GUARDIAN.map(row), row.optionalString("discord_name"), row.instant("linked_at")),
                studentId));
    }

    public List<Guardian> ofStudent(long studentId) {
        return database.read(sql -> sql.list("""
                SELECT g.* FROM guardian g JOIN guardian_student gs ON gs.guardian_id = g.id
                WHERE gs.student_id = ? ORDER BY g.id""", GUARDIAN, studentId));
    }

    /** Every guardian with at least one child in the class, once each. */
    public List<Guardian> inClass(long classId) {
        return database.read(sql -> sql.list("""
                SELECT DISTINCT g.* FROM guardian g
                JOIN guardian_student gs ON gs.guardian_id = g.id
                JOIN student s ON s.id = gs.student_id
                WHERE s.class_id = ? ORDER BY g.id""", GUARDIAN, classId));
    }

    /** Removes a guardian and everything that is theirs (links, requests, answers, deliveries). */
    public boolean remove(long guardianId) {
        return database.write(sql -> sql.update("DELETE FROM guardian WHERE id = ?", guardianId)) == 1;
    }
}
