package nl.classbridge.updates;

import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Text;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.HighlightRepository;
import nl.classbridge.store.SchoolClassRepository;

/**
 * The "🌐 In my language" button under a class update in the channel: the post again, for the one
 * family member who pressed it, in their stored language with the highlights translated. The channel
 * post itself stays one message in the class language. Someone who is not a guardian in that class
 * (a teacher, a parent of another class) gets a short answer instead: the bot knows no language of
 * theirs, and the post is for the class's families.
 */
public final class PostInMyLanguage {

    /** What the person who pressed gets, privately. */
    public sealed interface Answer {
        /** The post in the family's language. */
        record Post(Text text) implements Answer {}

        /** Not a guardian in this class: a short note in the class's languages. */
        record NotAFamily(SchoolClass schoolClass) implements Answer {}

        /** The post or its highlights are no longer kept (retention), or it never was a class update. */
        record Gone() implements Answer {}
    }

    private final DeliveryRepository deliveries;
    private final SchoolClassRepository classes;
    private final GuardianRepository guardians;
    private final HighlightRepository highlights;
    private final UpdatePost post;

    public PostInMyLanguage(
            DeliveryRepository deliveries,
            SchoolClassRepository classes,
            GuardianRepository guardians,
            HighlightRepository highlights,
            UpdatePost post) {
        this.deliveries = deliveries;
        this.classes = classes;
        this.guardians = guardians;
        this.highlights = highlights;
        this.post = post;
    }

    /** The post of outbox row {@code deliveryId} for the Discord user {@code discordUserId}. */
    public Answer forPresser(long deliveryId, long discordUserId) {
        Optional<Delivery> delivery = deliveries.find(deliveryId).filter(d -> UpdateMail.POST.equals(d.kind()));
        if (delivery.isEmpty()) {
            return new Answer.Gone();
        }
        UpdateMail.Post posted = UpdateMail.postOf(delivery.get().payload());
        Optional<SchoolClass> schoolClass = classes.find(posted.classId());
        if (schoolClass.isEmpty()) {
            return new Answer.Gone();
        }
        Optional<Guardian> guardian = guardians
                .findByDiscordUser(discordUserId)
                .filter(found ->
                        guardians.inClass(posted.classId()).stream().anyMatch(inClass -> inClass.id() == found.id()));
        if (guardian.isEmpty()) {
            return new Answer.NotAFamily(schoolClass.get());
        }
        List<Highlight> shared = posted.highlightIds().stream()
                .map(highlights::find)
                .flatMap(Optional::stream)
                .toList();
        if (shared.isEmpty()) {
            return new Answer.Gone();
        }
        return new Answer.Post(post.postFor(
                schoolClass.get(),
                shared,
                posted.runAt().atZone(schoolClass.get().timezone()).toLocalDate(),
                post.chain(schoolClass.get(), guardian.get().plan().language())));
    }
}
