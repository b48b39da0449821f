package nl.classbridge.sandbox.page;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.SandboxSchool;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.Repositories;

/**
 * The sandbox's class as the bot's store has it now: its families (also those a visitor added on the
 * page), the next class update and the open check-in's deadline.
 */
final class Classroom {
    private final Sandbox sandbox;

    Classroom(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Optional<SchoolClass> schoolClass() {
        return store().classes().findByChannel(sandbox.school().channel().id());
    }

    List<Family> families() {
        Optional<SchoolClass> schoolClass = schoolClass();
        if (schoolClass.isEmpty()) {
            return List.of();
        }
        return store().guardians().inClass(schoolClass.get().id()).stream()
                .sorted(Comparator.comparingLong(Guardian::id))
                .map(guardian -> family(guardian, schoolClass.get()))
                .toList();
    }

    /** A short text that changes when a family joins or leaves the class. */
    String signature() {
        List<Long> ids = schoolClass()
                .map(c -> store().guardians().inClass(c.id()).stream()
                        .map(Guardian::id)
                        .sorted()
                        .toList())
                .orElse(List.of());
        return Integer.toHexString(ids.hashCode());
    }

    Optional<Family> find(long guardianId) {
        return families().stream()
                .filter(family -> family.guardianId() == guardianId)
                .findFirst();
    }

    /** When the next class update is due, if one is scheduled. */
    Optional<Instant> nextUpdate() {
        return schoolClass().flatMap(c -> store().schedules().find(c.id())).map(UpdateSchedule::nextRunAt);
    }

    /** The deadline of the check-in open at {@code now}, if there is one. */
    Optional<Instant> deadline(Instant now) {
        return schoolClass()
                .flatMap(c -> store().checkins().openRound(c.id(), now))
                .map(CheckinRound::deadline);
    }

    private Family family(Guardian guardian, SchoolClass schoolClass) {
        Optional<LocalUser> user =
                guardian.discordUserId().flatMap(id -> sandbox.discord().user(id));
        String name = user.map(LocalUser::shownName)
                .or(() -> guardian.email().flatMap(Classroom::seededName))
                .or(guardian::email)
                .orElse("#" + guardian.id());
        List<String> children = store().students().childrenOf(guardian.id()).stream()
                .filter(child -> child.classId() == schoolClass.id())
                .map(Student::name)
                .toList();
        boolean dmsClosed =
                user.map(u -> sandbox.discord().directMessagesClosed(u)).orElse(false);
        return new Family(
                guardian.id(),
                name,
                user,
                guardian.email(),
                guardian.plan().languageOr(schoolClass.language()),
                children,
                dmsClosed);
    }

    private static Optional<String> seededName(String email) {
        return SandboxSchool.FAMILIES.stream()
                .filter(family -> email.equalsIgnoreCase(family.email()))
                .map(SandboxSchool.Family::displayName)
                .findFirst();
    }

    private Repositories store() {
        return sandbox.bot().store();
    }
}
