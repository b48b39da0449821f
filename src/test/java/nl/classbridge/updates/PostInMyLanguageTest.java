package nl.classbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.TextRenderer;
import nl.classbridge.store.TranslationCacheRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import nl.classbridge.testing.TestTranslator;
import nl.classbridge.translation.FreeText;
import nl.classbridge.translation.TranslatedText;
import nl.classbridge.translation.Translations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class update for a family in another language: the email copy and the "In my language" answer. */
class PostInMyLanguageTest {
    private static final String VULCAN = "We maakten een vulkaan";
    private static final String MILA = "Iedereen hielp Mila";

    /** Words and values as they are, without markup. */
    private static final TextRenderer PLAIN = new TextRenderer() {
        @Override
        protected String value(String raw) {
            return raw;
        }
    };

    @TempDir
    Path folder;

    TestStore store;
    TestTranslator translator;
    Translations translations;
    UpdatePost post;
    PostInMyLanguage inMyLanguage;
    SchoolClass groep5;
    Guardian arabic;
    List<Highlight> shared;
    Delivery channelPost;

    @BeforeEach
    void open() throws Exception {
        store = new TestStore(folder);
        translator = new TestTranslator();
        MutableClock clock = new MutableClock(TestStore.T0);
        TranslationCacheRepository cache = new TranslationCacheRepository(store.database);
        translations = new Translations(translator, cache, Duration.ofMillis(500), clock);
        Messages messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        post = new UpdatePost(
                messages, "De Regenboog", new FreeText(translations, new TranslatedText(messages), cache));
        inMyLanguage = new PostInMyLanguage(store.deliveries, store.classes, store.guardians, store.highlights, post);
        groep5 = store.aClass();
        arabic = store.guardians.addDiscord(801L, TestStore.T0);
        store.guardians.savePlan(
                arabic.id(),
                new nl.classbridge.domain.CommunicationPlan(
                        arabic.plan().channel(),
                        Optional.of(Language.AR),
                        arabic.plan().quietHours(),
                        arabic.plan().contactTimes()));
        store.guardians.link(arabic.id(), store.aStudent(groep5, "Sami").id(), TestStore.T0);
        shared = List.of(
                store.highlights.add(groep5.id(), HighlightKind.LEARNING, VULCAN, TestStore.TEACHER, TestStore.T0),
                store.highlights.add(
                        groep5.id(), HighlightKind.SOCIAL_EMOTIONAL, MILA, TestStore.TEACHER, TestStore.T0));
        channelPost = enqueue(UpdateMail.post(
                groep5.id(),
                TestStore.T0,
                "de post",
                shared.stream().map(Highlight::id).toList()));
    }

    @AfterEach
    void close() {
        translations.close();
        store.close();
    }

    @Test
    @DisplayName("the channel post keeps the highlights as written; the Arabic copy translates them all in one call")
    void channelAsWrittenCopyTranslated() {
        LocalDate day = LocalDate.of(2026, 9, 4);
        String channel = PLAIN.render(post.post(groep5, shared, day, post.chain(groep5, Optional.empty())));
        assertThat(channel).contains(VULCAN, MILA).doesNotContain("[ar]");
        assertThat(translator.calls()).isZero();

        Text copy = post.email(groep5, shared, day, post.chain(groep5, Optional.of(Language.AR)))
                .body();
        assertThat(PLAIN.render(copy))
                .contains("[ar] " + VULCAN, "[ar] " + MILA, "ترجمة آلية", VULCAN, MILA)
                .doesNotContain("Groep 5]", "[ar] Juf Anna");
        assertThat(translator.calls()).isEqualTo(1);
        assertThat(translator.sent()).containsExactlyInAnyOrder(VULCAN, MILA);
    }

    @Test
    @DisplayName("the button: a parent of the class gets the post in Arabic; anyone else a note; a forged id nothing")
    void answersByWhoPressed() {
        PostInMyLanguage.Answer answer = inMyLanguage.forPresser(channelPost.id(), 801L);
        assertThat(answer).isInstanceOf(PostInMyLanguage.Answer.Post.class);
        Text inArabic = ((PostInMyLanguage.Answer.Post) answer).text();
        assertThat(inArabic.language()).isEqualTo(Language.AR);
        assertThat(PLAIN.render(inArabic)).contains("[ar] " + VULCAN, VULCAN);

        store.guardians.addDiscord(802L, TestStore.T0); // a parent, but of no child in this class
        assertThat(inMyLanguage.forPresser(channelPost.id(), 802L))
                .isEqualTo(new PostInMyLanguage.Answer.NotAFamily(groep5));
        assertThat(inMyLanguage.forPresser(channelPost.id(), TestStore.TEACHER))
                .isEqualTo(new PostInMyLanguage.Answer.NotAFamily(groep5));

        assertThat(inMyLanguage.forPresser(channelPost.id() + 1000, 801L))
                .isEqualTo(new PostInMyLanguage.Answer.Gone());
        Delivery copy = enqueue(UpdateMail.emailCopy(groep5.id(), TestStore.T0, arabic.id(), List.of()));
        assertThat(inMyLanguage.forPresser(copy.id(), 801L)).isEqualTo(new PostInMyLanguage.Answer.Gone());
    }

    @Test
    @DisplayName("the translator down: the parent still gets the post, the highlights as written with the note")
    void translatorDown() {
        translator.failWith("http-503");
        Text inArabic = ((PostInMyLanguage.Answer.Post) inMyLanguage.forPresser(channelPost.id(), 801L)).text();
        assertThat(PLAIN.render(inArabic)).contains(VULCAN, "لم تتوفر ترجمة").doesNotContain("[ar]");
    }

    private Delivery enqueue(OutgoingMessage message) {
        return store.deliveries.enqueue(
                message.dedupeKey(),
                message.classId(),
                message.guardianId(),
                message.channel(),
                message.kind(),
                message.payload(),
                TestStore.T0,
                TestStore.T0);
    }
}
