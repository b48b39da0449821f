package nl.classbridge.preferences;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.ReplyWords;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.ConfirmationKind;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.privacy.ConfirmationCodes;
import nl.classbridge.roster.InviteCode;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * The family's own communication plan: shown, and changed one part at a time, by the family itself
 * on Discord, by email or on the sandbox page. Every change is audited as {@code family:preferences}
 * with the field's name only, by the Discord user (or 0 for a verified email).
 *
 * <p>Reachability rules: email (or both) only with an address that works; Discord (or both) only for
 * a family that joined on Discord. An address marked invalid (the family said STOP, or mail bounced)
 * does not count as working; the family gets it working again by confirming an address, also the same
 * one, with the code sent to it: a confirmed address is valid again.
 */
public final class Preferences {
    static final String AUDIT_ACTION = "family:preferences";
    /**
     * Code mails per family in a day: enough for a typo or two, too few to flood someone else's
     * mailbox by asking for codes to their address.
     */
    static final int MOST_CODES_A_DAY = 5;

    /**
     * A family as {@code /preferences} shows it.
     *
     * @param schoolClass  the class of their first child, for the language and time zone; empty when
     *                     they have no child linked any more
     * @param pendingEmail the new address waiting for its code, if any
     */
    public record Family(Guardian guardian, Optional<SchoolClass> schoolClass, Optional<String> pendingEmail) {
        public CommunicationPlan plan() {
            return guardian.plan();
        }
    }

    private final Database database;
    private final GuardianRepository guardians;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final ConfirmationCodes codes;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final ContactTimes contactTimes;
    private final QuietHours schoolQuietHours;
    private final Clock clock;

    public Preferences(
            Database database,
            GuardianRepository guardians,
            StudentRepository students,
            SchoolClassRepository classes,
            ConfirmationCodes codes,
            Outbox outbox,
            AuditLog auditLog,
            ContactTimes contactTimes,
            QuietHours schoolQuietHours,
            Clock clock) {
        this.database = database;
        this.guardians = guardians;
        this.students = students;
        this.classes = classes;
        this.codes = codes;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.contactTimes = contactTimes;
        this.schoolQuietHours = schoolQuietHours;
        this.clock = clock;
    }

    public ContactTimes contactTimes() {
        return contactTimes;
    }

    /** The school's quiet hours, which apply when the family has none of its own. */
    public QuietHours schoolQuietHours() {
        return schoolQuietHours;
    }

    /** The family of a Discord user, if they are a guardian. */
    public Optional<Family> ofDiscordUser(long discordUserId) {
        return guardians.findByDiscordUser(discordUserId).map(this::family);
    }

    public Optional<Family> family(long guardianId) {
        return guardians.find(guardianId).map(this::family);
    }

    private Family family(Guardian guardian) {
        Optional<SchoolClass> schoolClass = students.childrenOf(guardian.id()).stream()
                .map(Student::classId)
                .sorted()
                .findFirst()
                .flatMap(classes::find);
        Optional<String> pending =
                codes.pending(guardian.id(), ConfirmationKind.EMAIL_CHANGE).flatMap(p -> p.newEmail());
        return new Family(guardian, schoolClass, pending);
    }

    /** A language by its code or its own name ({@code nl}, {@code Nederlands}, {@code türkçe}). */
    public static Optional<Language> language(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String simple = ReplyWords.simplify(typed);
        return Language.fromCode(typed.strip())
                .or(() -> Arrays.stream(Language.values())
                        .filter(l -> ReplyWords.simplify(l.nativeName()).equals(simple))
                        .findFirst());
    }

    public Change setLanguage(long guardianId, String typed, long actor) {
        Optional<Language> language = language(typed);
        if (language.isEmpty()) {
            return new Change.Invalid(Change.Field.LANGUAGE);
        }
        return save(guardianId, Change.Field.LANGUAGE, actor, plan -> plan.withLanguage(language.get()));
    }

    public Change setChannel(long guardianId, String code, long actor) {
        Optional<ContactChannel> channel =
                code == null ? Optional.empty() : Coded.fromCode(ContactChannel.class, code.strip());
        Optional<Guardian> guardian = guardians.find(guardianId);
        if (channel.isEmpty() || guardian.isEmpty()) {
            return new Change.Invalid(Change.Field.CHANNEL);
        }
        if (channel.get().includesEmail() && !guardian.get().reachableByEmail()) {
            return new Change.NeedsEmail();
        }
        if (channel.get().includesDiscord() && guardian.get().discordUserId().isEmpty()) {
            return new Change.NeedsDiscord();
        }
        return save(guardianId, Change.Field.CHANNEL, actor, plan -> plan.withChannel(channel.get()));
    }

    /**
     * Quiet hours as typed ({@code 20:00-07:30}); {@code school} true goes back to the school's (the
     * family's own are forgotten).
     */
    public Change setQuietHours(long guardianId, String typed, boolean school, long actor) {
        if (school) {
            return save(
                    guardianId,
                    Change.Field.QUIET_HOURS,
                    actor,
                    plan -> new CommunicationPlan(
                            plan.channel(), plan.language(), Optional.empty(), plan.contactTimes()));
        }
        Optional<QuietHours> quiet = QuietHoursInput.parse(typed);
        if (quiet.isEmpty()) {
            return new Change.Invalid(Change.Field.QUIET_HOURS);
        }
        return save(guardianId, Change.Field.QUIET_HOURS, actor, plan -> plan.withQuietHours(quiet.get()));
    }

    /** Best contact times: one of the questionnaire's options, by id or label. */
    public Change setContactTimes(long guardianId, String typed, long actor) {
        Optional<String> option = typed == null ? Optional.empty() : contactTimes.read(typed);
        if (option.isEmpty()) {
            return new Change.Invalid(Change.Field.CONTACT_TIMES);
        }
        return save(guardianId, Change.Field.CONTACT_TIMES, actor, plan -> plan.withContactTimes(option.get()));
    }

    private Change save(
            long guardianId, Change.Field field, long actor, java.util.function.UnaryOperator<CommunicationPlan> edit) {
        return database.transaction(() -> {
            Optional<Family> family = family(guardianId);
            if (family.isEmpty()) {
                return new Change.Invalid(field);
            }
            guardians.savePlan(guardianId, edit.apply(family.get().plan()));
            audit(family.get(), actor, field.code());
            return new Change.Saved(field);
        });
    }

    /**
     * A new address, to be confirmed with the code mailed to it. The old address stays in use until
     * then; asking again replaces the code.
     */
    public Change requestEmail(long guardianId, String typed, long actor) {
        Optional<EmailAddress> address = EmailAddress.parse(typed);
        if (address.isEmpty()) {
            return new Change.Invalid(Change.Field.EMAIL);
        }
        String wanted = address.get().toString();
        return database.transaction(() -> {
            Optional<Family> family = family(guardianId);
            if (family.isEmpty()) {
                return new Change.Invalid(Change.Field.EMAIL);
            }
            Guardian guardian = family.get().guardian();
            if (guardian.reachableByEmail()
                    && EmailAddress.same(guardian.email().orElseThrow(), wanted)) {
                codes.cancel(guardianId, ConfirmationKind.EMAIL_CHANGE);
                return new Change.SameEmail();
            }
            Instant now = clock.instant();
            if (codesSince(guardianId, now.minus(Duration.ofDays(1))) >= MOST_CODES_A_DAY) {
                return new Change.TooManyCodes();
            }
            String code = codes.issue(guardianId, ConfirmationKind.EMAIL_CHANGE, Optional.of(wanted));
            outbox.enqueue(new OutgoingMessage(
                            DedupeKeys.preferencesEmailCode(guardianId, now),
                            family.get().schoolClass().map(SchoolClass::id),
                            Optional.empty(),
                            DeliveryChannel.EMAIL,
                            PreferenceMail.CODE,
                            PreferenceMail.codePayload(guardianId, code))
                    .inTheConversation());
            audit(family.get(), actor, "email-requested");
            return new Change.CodeSent(wanted);
        });
    }

    private long codesSince(long guardianId, Instant since) {
        return database.read(sql -> sql.count(
                "SELECT COUNT(*) AS n FROM delivery WHERE dedupe_key LIKE ? AND created_at >= ?",
                DedupeKeys.preferencesEmailCodes(guardianId) + "%",
                since));
    }

    /**
     * The code typed back: when right, the new address is the family's (and works, whatever the old
     * one's state), and the old one, if it worked, is told.
     */
    public Change confirmEmail(long guardianId, String typed, long actor) {
        return database.transaction(() -> {
            Optional<Family> family = family(guardianId);
            if (family.isEmpty()) {
                return new Change.NoCodeOpen();
            }
            ConfirmationCodes.Outcome outcome =
                    codes.confirm(guardianId, ConfirmationKind.EMAIL_CHANGE, typed == null ? "" : typed);
            if (outcome instanceof ConfirmationCodes.Wrong wrong) {
                audit(family.get(), actor, "email-code-wrong");
                return new Change.WrongCode(wrong.triesLeft());
            }
            if (!(outcome instanceof ConfirmationCodes.Confirmed confirmed)
                    || confirmed.newEmail().isEmpty()) {
                return new Change.NoCodeOpen();
            }
            String address = confirmed.newEmail().get();
            Guardian before = family.get().guardian();
            guardians.setEmail(guardianId, address);
            Instant now = clock.instant();
            if (before.reachableByEmail() && !EmailAddress.same(before.email().orElseThrow(), address)) {
                outbox.enqueue(new OutgoingMessage(
                                DedupeKeys.preferencesEmailChanged(guardianId, now),
                                family.get().schoolClass().map(SchoolClass::id),
                                Optional.of(guardianId),
                                DeliveryChannel.EMAIL,
                                PreferenceMail.CHANGED,
                                before.email().orElseThrow())
                        .inTheConversation());
            }
            audit(family.get(), actor, "email-confirmed");
            return new Change.EmailConfirmed(address);
        });
    }

    /** A code mail still worth sending: for the family's open request, to the address it names. */
    public record CodeMail(Family family, String address, String code) {}

    /**
     * The code mail a row stands for, while its code is still the open one (not confirmed, replaced,
     * expired or dropped): an old row never mails a dead code.
     */
    public Optional<CodeMail> codeMail(String payload) {
        Optional<PreferenceMail.CodeToSend> toSend = PreferenceMail.code(payload);
        if (toSend.isEmpty()) {
            return Optional.empty();
        }
        long guardianId = toSend.get().guardianId();
        String code = toSend.get().code();
        Optional<String> address = codes.pending(guardianId, ConfirmationKind.EMAIL_CHANGE)
                .filter(pending -> pending.codeHash().equals(InviteCode.hash(code)))
                .flatMap(pending -> pending.newEmail());
        return address.flatMap(a -> family(guardianId).map(f -> new CodeMail(f, a, code)));
    }

    /** Queues the answer to a family's PREFERENCES mail: what came of it, and their plan as it is now. */
    public void answerByMail(long guardianId, java.util.List<Change> changes, int notUnderstood) {
        Optional<Family> family = family(guardianId);
        if (family.isEmpty()) {
            return;
        }
        outbox.enqueue(new OutgoingMessage(
                        DedupeKeys.preferencesReply(guardianId, clock.instant()),
                        family.get().schoolClass().map(SchoolClass::id),
                        Optional.of(guardianId),
                        DeliveryChannel.EMAIL,
                        PreferenceMail.REPLY,
                        PreferenceMail.replyPayload(changes, notUnderstood))
                .inTheConversation());
    }

    private void audit(Family family, long actor, String detail) {
        auditLog.record(new AuditEntry(
                clock.instant(), actor, family.schoolClass().map(SchoolClass::id), AUDIT_ACTION, detail));
    }
}
