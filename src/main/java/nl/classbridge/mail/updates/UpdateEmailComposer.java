package nl.classbridge.mail.updates;

import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.EmailComposer;
import nl.classbridge.mail.MailText;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.messages.EmailText;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.HighlightRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.updates.UpdateMail;
import nl.classbridge.updates.UpdatePost;

/**
 * The email copy of a class update, rendered when it goes out: headings and greeting in the
 * family's language, the highlights as the teacher wrote them, dated like the post. It carries the
 * guardian's own reply token: an update asks nothing, but a family may answer it with STOP.
 */
public final class UpdateEmailComposer implements EmailComposer {
    private final SchoolClassRepository classes;
    private final GuardianRepository guardians;
    private final HighlightRepository highlights;
    private final UpdatePost post;
    private final ReplyTokens tokens;

    public UpdateEmailComposer(
            SchoolClassRepository classes,
            GuardianRepository guardians,
            HighlightRepository highlights,
            UpdatePost post,
            ReplyTokens tokens) {
        this.classes = classes;
        this.guardians = guardians;
        this.highlights = highlights;
        this.post = post;
        this.tokens = tokens;
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        if (!UpdateMail.EMAIL_COPY.equals(delivery.kind())
                || delivery.guardianId().isEmpty()) {
            return Optional.empty();
        }
        UpdateMail.EmailCopy copy = UpdateMail.emailCopyOf(delivery.payload());
        Optional<SchoolClass> schoolClass = classes.find(copy.classId());
        Optional<Guardian> guardian =
                guardians.find(delivery.guardianId().get()).filter(Guardian::reachableByEmail);
        List<Highlight> shared = copy.highlightIds().stream()
                .map(highlights::find)
                .flatMap(Optional::stream)
                .toList();
        if (schoolClass.isEmpty() || guardian.isEmpty() || shared.isEmpty()) {
            return Optional.empty();
        }
        EmailText text = post.email(
                schoolClass.get(),
                shared,
                copy.runAt().atZone(schoolClass.get().timezone()).toLocalDate(),
                post.chain(schoolClass.get(), guardian.get().plan().language()));
        return Optional.of(MailText.compose(guardian.get().email().orElseThrow(), text)
                .withReplyToken(tokens.forGuardian(guardian.get().id())));
    }
}
