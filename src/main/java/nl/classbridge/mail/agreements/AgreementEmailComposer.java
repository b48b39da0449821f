package nl.classbridge.mail.agreements;

import java.util.List;
import java.util.Optional;
import nl.classbridge.agreements.AgreementMail;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.EmailComposer;
import nl.classbridge.mail.MailText;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * The agreement emails, rendered when they go out in the guardian's language: the agreement to
 * confirm, with the agreement's own reply token (so a verified reply answers that agreement only), and
 * the align-again reminder, with the guardian's own token (it asks nothing).
 */
public final class AgreementEmailComposer implements EmailComposer {
    private final Agreements agreements;
    private final AgreementRepository stored;
    private final GuardianRepository guardians;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final AgreementTexts texts;
    private final ReplyTokens tokens;

    public AgreementEmailComposer(
            Agreements agreements,
            AgreementRepository stored,
            GuardianRepository guardians,
            StudentRepository students,
            SchoolClassRepository classes,
            AgreementTexts texts,
            ReplyTokens tokens) {
        this.agreements = agreements;
        this.stored = stored;
        this.guardians = guardians;
        this.students = students;
        this.classes = classes;
        this.texts = texts;
        this.tokens = tokens;
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        if (!AgreementMail.isAgreement(delivery.kind()) || delivery.guardianId().isEmpty()) {
            return Optional.empty();
        }
        Optional<Guardian> guardian =
                guardians.find(delivery.guardianId().get()).filter(Guardian::reachableByEmail);
        if (guardian.isEmpty()) {
            return Optional.empty();
        }
        String to = guardian.get().email().orElseThrow();
        if (AgreementMail.ASK.equals(delivery.kind())) {
            long agreementId = AgreementMail.agreementOf(delivery.payload());
            return agreements
                    .forGuardian(agreementId, guardian.get().id())
                    .filter(asked -> asked.agreement().open())
                    .map(asked -> MailText.compose(to, texts.askEmail(asked))
                            .withReplyToken(tokens.forAgreement(guardian.get().id(), agreementId)));
        }
        AgreementMail.Reminder reminder = AgreementMail.reminderOf(delivery.payload());
        Optional<Student> student = students.find(reminder.studentId())
                .filter(s -> guardians.isLinked(guardian.get().id(), s.id()));
        Optional<SchoolClass> schoolClass = student.flatMap(s -> classes.find(s.classId()));
        List<Agreement> listed = reminder.agreementIds().stream()
                .map(stored::find)
                .flatMap(Optional::stream)
                .toList();
        if (schoolClass.isEmpty() || listed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MailText.compose(
                        to,
                        texts.reminderEmail(
                                schoolClass.get(),
                                student.get(),
                                listed,
                                texts.messages().chainFor(guardian.get(), schoolClass.get())))
                .withReplyToken(tokens.forGuardian(guardian.get().id())));
    }
}
