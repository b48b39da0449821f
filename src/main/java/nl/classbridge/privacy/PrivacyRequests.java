package nl.classbridge.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.FamilyDataRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * {@code /privacy request}: a family's request that reached the school on paper or by phone, carried
 * out by a teacher of the class on the family's behalf. The teacher names the parent by Discord name
 * or email address; only the families of that class are searched. Access gives the same two files as
 * {@code /my-data}; erasure is the same as {@code /forget-me}, after the teacher confirms. Both are
 * recorded in the audit with the teacher as actor ({@code privacy-request:access|erasure}).
 */
public final class PrivacyRequests {
    private final GuardianRepository guardians;
    private final FamilyDataRepository family;
    private final MyData myData;
    private final ForgetMe forgetMe;
    private final FamilyRequests requests;
    private final AuditLog auditLog;
    private final Clock clock;

    public PrivacyRequests(
            GuardianRepository guardians,
            FamilyDataRepository family,
            MyData myData,
            ForgetMe forgetMe,
            FamilyRequests requests,
            AuditLog auditLog,
            Clock clock) {
        this.guardians = guardians;
        this.family = family;
        this.myData = myData;
        this.forgetMe = forgetMe;
        this.requests = requests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A guardian of the class as the teacher names them: Discord name, else email address. */
    public record Named(Guardian guardian, String name) {}

    /** The outcome of a request. */
    public sealed interface Outcome {
        /** No parent of the class by that name or address. */
        record Unknown() implements Outcome {}

        /** More than one parent matches; the names that do. */
        record Ambiguous(List<String> names) implements Outcome {}

        /** Access: the family's data, for the teacher to hand over. */
        record Access(Named who, MyData.Report report) implements Outcome {}

        /** Erasure: what would go, and the code the confirm button carries. */
        record Offer(Named who, ForgetMe.Preview preview, String code) implements Outcome {}
    }

    /** The class's guardians with the name the teacher knows them by, for suggestions. */
    public List<Named> guardiansOf(SchoolClass schoolClass) {
        List<Named> named = new ArrayList<>();
        for (Guardian guardian : guardians.inClass(schoolClass.id())) {
            nameOf(guardian).ifPresent(name -> named.add(new Named(guardian, name)));
        }
        return named;
    }

    /** Access on the family's behalf: their data as files, and an audit row. */
    public Outcome access(SchoolClass schoolClass, long teacherUserId, String typed) {
        Lookup found = find(schoolClass, typed);
        if (found.one().isEmpty()) {
            return found.failed();
        }
        Named who = found.one().get();
        auditLog.record(new AuditEntry(
                clock.instant(),
                teacherUserId,
                Optional.of(schoolClass.id()),
                "privacy-request:access",
                "guardian=" + who.guardian().id()));
        return new Outcome.Access(who, myData.of(who.guardian()));
    }

    /** Erasure on the family's behalf, first step: what would go, and a code for the confirm button. */
    public Outcome offerErasure(SchoolClass schoolClass, String typed) {
        Lookup found = find(schoolClass, typed);
        if (found.one().isEmpty()) {
            return found.failed();
        }
        Guardian guardian = found.one().get().guardian();
        return new Outcome.Offer(found.one().get(), forgetMe.preview(guardian), requests.offerErasure(guardian));
    }

    /**
     * Erasure, confirmed by the teacher's press: only a guardian still in the class, only with the
     * code the button was made with. Empty when either no longer holds.
     */
    public Optional<ForgetMe.Erased> erase(SchoolClass schoolClass, long teacherUserId, long guardianId, String code) {
        Optional<Guardian> guardian = inClass(schoolClass, guardianId);
        if (guardian.isEmpty()) {
            return Optional.empty();
        }
        return requests.eraseWithCode(guardian.get(), code, new ForgetMe.Actor.Teacher(teacherUserId));
    }

    /** The teacher pressed Cancel: the offered code stops working. */
    public void cancelErasure(SchoolClass schoolClass, long guardianId) {
        inClass(schoolClass, guardianId).ifPresent(requests::cancelErasure);
    }

    private Optional<Guardian> inClass(SchoolClass schoolClass, long guardianId) {
        return guardians.inClass(schoolClass.id()).stream()
                .filter(guardian -> guardian.id() == guardianId)
                .findFirst();
    }

    /** The one guardian of the class whose Discord name or email address is {@code typed} (any case). */
    private record Lookup(Optional<Named> one, Outcome failed) {}

    private Lookup find(SchoolClass schoolClass, String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        List<Named> matches = new ArrayList<>();
        for (Guardian guardian : guardians.inClass(schoolClass.id())) {
            Optional<String> discordName = family.discordName(guardian.id());
            boolean byName = discordName
                    .filter(name -> name.toLowerCase(Locale.ROOT).equals(wanted))
                    .isPresent();
            boolean byEmail = guardian.email()
                    .filter(email -> email.toLowerCase(Locale.ROOT).equals(wanted))
                    .isPresent();
            if (byName || byEmail) {
                matches.add(new Named(
                        guardian, byName ? discordName.get() : guardian.email().get()));
            }
        }
        if (matches.isEmpty()) {
            return new Lookup(Optional.empty(), new Outcome.Unknown());
        }
        if (matches.size() > 1) {
            return new Lookup(
                    Optional.empty(),
                    new Outcome.Ambiguous(matches.stream().map(Named::name).toList()));
        }
        return new Lookup(Optional.of(matches.get(0)), new Outcome.Unknown());
    }

    private Optional<String> nameOf(Guardian guardian) {
        return family.discordName(guardian.id()).or(guardian::email);
    }
}
