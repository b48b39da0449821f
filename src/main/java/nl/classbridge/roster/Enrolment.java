package nl.classbridge.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Invite;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.InviteRepository;
import nl.classbridge.store.JoinAttemptRepository;
import nl.classbridge.store.StudentRepository;

/**
 * How families join a class: the teacher makes a one-time invite code for a child, a parent types
 * it, and becomes a guardian of that child. A parent with several children joins once per child.
 * Making a code and joining with one are audited, and the parent's Discord name is kept, so the
 * teacher sees in {@code /guardian list} who used a code and can undo a code that reached the wrong
 * person.
 */
public final class Enrolment {
    public static final Duration INVITE_VALIDITY = Duration.ofDays(14);
    /** Wrong codes allowed per user within {@link #TRY_WINDOW}: enough for typos, too few to guess. */
    public static final int MAX_FAILED_TRIES = 5;

    public static final Duration TRY_WINDOW = Duration.ofHours(1);

    private final Database database;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final InviteRepository invites;
    private final JoinAttemptRepository attempts;
    private final InviteCode codes;
    private final AuditLog auditLog;
    private final Clock clock;

    public Enrolment(
            Database database,
            StudentRepository students,
            GuardianRepository guardians,
            InviteRepository invites,
            JoinAttemptRepository attempts,
            InviteCode codes,
            AuditLog auditLog,
            Clock clock) {
        this.database = database;
        this.students = students;
        this.guardians = guardians;
        this.invites = invites;
        this.attempts = attempts;
        this.codes = codes;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A code as the teacher passes it on, when it stops working, and the language chosen for its text. */
    public record IssuedInvite(String code, Student student, Instant expiresAt, Optional<Language> language) {}

    /** Makes a new one-time code for a guardian of {@code student}. The code itself is not stored. */
    public IssuedInvite invite(Student student, long teacherUserId) {
        return invite(student, teacherUserId, Optional.empty());
    }

    /**
     * Makes a new one-time code for a guardian of {@code student}, remembering {@code language}, the
     * language the teacher chose for the text to pass on: a new guardian who joins with this code
     * starts in it (Discord has no Arabic app language, so the app alone cannot tell).
     */
    public IssuedInvite invite(Student student, long teacherUserId, Optional<Language> language) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(INVITE_VALIDITY);
        String code = codes.next();
        database.inTransaction(() -> {
            long invite = invites.add(student.id(), InviteCode.hash(code), teacherUserId, now, expiresAt, language)
                    .id();
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(student.classId()),
                    "invite.create",
                    "student=" + student.id() + " invite=" + invite));
        });
        return new IssuedInvite(code, student, expiresAt, language);
    }

    /**
     * Links the Discord user who typed {@code typedCode} to the child it was made for. Everything
     * happens in one transaction: the code is used up exactly when the link is made. Wrong,
     * used and expired codes count as failed tries; after {@link #MAX_FAILED_TRIES} in an hour
     * the user must wait, whatever they type: the count is per Discord user, in DMs and every
     * channel alike, whichever class the codes would be for.
     *
     * @param discordName the parent's name on Discord, kept for the teacher's list of who joined
     * @param appLanguage the language the parent's Discord app is set to, if we speak it: a new
     *     guardian's language starts as the one the teacher chose for the invite, or else as this
     *     one (otherwise they read the class language), so the welcome already comes in it; a
     *     guardian who joined before keeps the language they have
     */
    public JoinResult join(String typedCode, long discordUserId, String discordName, Optional<Language> appLanguage) {
        Instant now = clock.instant();
        return database.transaction(() -> {
            Instant windowStart = now.minus(TRY_WINDOW);
            if (attempts.failuresSince(discordUserId, windowStart) >= MAX_FAILED_TRIES) {
                Instant oldest =
                        attempts.oldestFailureSince(discordUserId, windowStart).orElse(now);
                long minutes = Math.max(
                        1, Duration.between(now, oldest.plus(TRY_WINDOW)).toSeconds() / 60 + 1);
                return new JoinResult.TooManyTries(minutes);
            }
            JoinResult result = tryCode(typedCode, discordUserId, discordName, appLanguage, now);
            if (result instanceof JoinResult.Unknown
                    || result instanceof JoinResult.Used
                    || result instanceof JoinResult.Expired) {
                attempts.recordFailure(discordUserId, now);
            }
            return result;
        });
    }

    private JoinResult tryCode(
            String typedCode, long discordUserId, String discordName, Optional<Language> appLanguage, Instant now) {
        if (!InviteCode.plausible(typedCode)) {
            return new JoinResult.Unknown();
        }
        return database.transaction(() -> {
            Optional<Invite> found = invites.findByHash(InviteCode.hash(typedCode));
            if (found.isEmpty()) {
                return new JoinResult.Unknown();
            }
            Invite invite = found.get();
            Student student = students.find(invite.studentId()).orElseThrow();
            Optional<Guardian> known = guardians.findByDiscordUser(discordUserId);
            if (known.isPresent() && guardians.isLinked(known.get().id(), student.id())) {
                return new JoinResult.AlreadyLinked(student);
            }
            if (invite.used()) {
                return new JoinResult.Used();
            }
            if (invite.expiredAt(now)) {
                return new JoinResult.Expired();
            }
            Guardian guardian = known.orElseGet(
                    () -> guardians.addDiscord(discordUserId, invite.language().or(() -> appLanguage), now));
            boolean firstChild = students.childrenOf(guardian.id()).isEmpty();
            if (!invites.claim(invite.id(), guardian.id(), now)) {
                return new JoinResult.Used();
            }
            guardians.link(guardian.id(), student.id(), now);
            guardians.setDiscordName(guardian.id(), discordName);
            if (guardian.discordUnreachable()) {
                // Joining proves the parent can talk to the bot again.
                guardians.markDiscordReachable(guardian.id());
            }
            auditLog.record(new AuditEntry(
                    now,
                    discordUserId,
                    Optional.of(student.classId()),
                    "guardian.join",
                    "student=" + student.id() + " guardian=" + guardian.id() + " invite=" + invite.id()));
            return new JoinResult.Joined(guardians.find(guardian.id()).orElseThrow(), student, firstChild);
        });
    }
}
