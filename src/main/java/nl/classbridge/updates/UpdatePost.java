package nl.classbridge.updates;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.EmailFooter;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.translation.FreeText;

/**
 * Composes a class update from the queued highlights: a title with the date, a warm opening, one
 * section per kind of highlight, and the teacher's closing. The same inputs always give the same
 * text (there is no clock in here), so {@code /update preview} shows exactly what is posted.
 *
 * <p>The post is a {@link Text}: a title, paragraphs and a section per kind, which the channel's
 * renderer turns into the channel's markup. Highlights are the teacher's own words: they are
 * values, escaped like any other, so Markdown in them stays text; pings are disabled when the
 * post is sent.
 */
public final class UpdatePost {
    /** Sections in this order: learning and social-emotional life first, side by side, then the rest. */
    public static final List<HighlightKind> SECTION_ORDER = List.of(
            HighlightKind.LEARNING, HighlightKind.SOCIAL_EMOTIONAL, HighlightKind.TOGETHER, HighlightKind.CELEBRATION);

    private static final Comparator<Highlight> IN_ORDER_ADDED =
            Comparator.comparing(Highlight::createdAt).thenComparingLong(Highlight::id);

    private final Messages messages;
    private final String schoolName;
    /** The highlights for a family in another language (issue 15); the channel post keeps them as written. */
    private final FreeText freeText;

    /** {@code schoolName} is for the email footer ("you get this email because ..."). */
    public UpdatePost(Messages messages, String schoolName) {
        this(messages, schoolName, FreeText.AS_WRITTEN);
    }

    /** The same, with the families' copies translating the highlights through {@code freeText}. */
    public UpdatePost(Messages messages, String schoolName, FreeText freeText) {
        this.messages = messages;
        this.schoolName = schoolName;
        this.freeText = freeText;
    }

    /**
     * The languages to compose in: {@code reader}'s own if given (a family's, or the one the
     * teacher asked to preview in), then the class language, then the school's. The channel post
     * uses {@code Optional.empty()}.
     */
    public List<Language> chain(SchoolClass schoolClass, Optional<Language> reader) {
        return messages.chain(reader, Optional.of(schoolClass.language()));
    }

    /**
     * The post for the class channel, dated {@code date} (the run's local date).
     *
     * @throws IllegalArgumentException when there are no highlights: an empty update is never posted
     */
    public Text post(SchoolClass schoolClass, List<Highlight> highlights, LocalDate date, List<Language> chain) {
        return post(schoolClass, highlights, date, chain, false);
    }

    /**
     * The post as one family reads it ("🌐 In my language"): the frame in their language ({@code
     * chain} starts with it) and each highlight translated from the class language, labelled, with
     * the original beside it; as written when the translator is off, fails or is too slow.
     */
    public Text postFor(SchoolClass schoolClass, List<Highlight> highlights, LocalDate date, List<Language> chain) {
        return post(schoolClass, highlights, date, chain, true);
    }

    private Text post(
            SchoolClass schoolClass,
            List<Highlight> highlights,
            LocalDate date,
            List<Language> chain,
            boolean translate) {
        requireHighlights(highlights);
        Text intro = messages.text("updates.post.intro", chain, Map.of());
        Language language = intro.language();
        Text title = messages.text(
                "updates.post.title",
                chain,
                Map.of("class", schoolClass.name(), "date", readable(date, schoolClass.timezone(), language)));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(new Text.Title(title.spans()));
        blocks.add(new Text.Paragraph(intro.spans()));
        blocks.addAll(sections(schoolClass, highlights, chain, translate));
        blocks.add(new Text.Paragraph(
                messages.text("updates.post.closing", chain, Map.of("teacher", schoolClass.teacherName()))
                        .spans()));
        return new Text(blocks, language);
    }

    /**
     * The email copy for one family, in their language ({@code chain} starts with it): headings and
     * frame in that language, the highlights translated from the class language (labelled, the
     * original beside each; only the highlights' own words are sent, never a name) or, when the
     * translator is off, as the teacher wrote them; the mail adapter renders it.
     *
     * @throws IllegalArgumentException when there are no highlights
     */
    public EmailText email(SchoolClass schoolClass, List<Highlight> highlights, LocalDate date, List<Language> chain) {
        requireHighlights(highlights);
        Text intro = messages.text("email.update.intro", chain, Map.of());
        Language language = intro.language();
        Text subject = messages.text(
                "email.update.subject",
                chain,
                Map.of("class", schoolClass.name(), "date", readable(date, schoolClass.timezone(), language)));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.add(new Text.Paragraph(intro.spans()));
        blocks.addAll(sections(schoolClass, highlights, chain, true));
        blocks.add(paragraph(
                "common.signature", chain, Map.of("teacher", schoolClass.teacherName(), "class", schoolClass.name())));
        blocks.add(EmailFooter.of(messages, chain, schoolClass.name(), schoolName));
        return new EmailText(subject, new Text(blocks, language));
    }

    /**
     * A section per kind of highlight that has any, in {@link #SECTION_ORDER}, highlights in the order
     * added; {@code translate}: into the reader's language, all in one call to the translator.
     */
    private List<Text.Section> sections(
            SchoolClass schoolClass, List<Highlight> highlights, List<Language> chain, boolean translate) {
        List<String> written = highlights.stream().map(h -> h.text().strip()).toList();
        List<List<Text.Span>> words = translate
                ? freeText.spansAll(written, schoolClass.language(), chain)
                : FreeText.AS_WRITTEN.spansAll(written, schoolClass.language(), chain);
        List<Text.Section> sections = new ArrayList<>();
        for (HighlightKind kind : SECTION_ORDER) {
            List<Highlight> ofKind = highlights.stream()
                    .filter(h -> h.kind() == kind)
                    .sorted(IN_ORDER_ADDED)
                    .toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            List<List<Text.Span>> items = ofKind.stream()
                    .map(highlight -> words.get(highlights.indexOf(highlight)))
                    .toList();
            sections.add(new Text.Section(
                    messages.text("updates.section." + kind.code(), chain, Map.of())
                            .spans(),
                    items));
        }
        return sections;
    }

    private Text.Paragraph paragraph(String key, List<Language> chain, Map<String, ?> values) {
        return new Text.Paragraph(messages.text(key, chain, values).spans());
    }

    private static String readable(LocalDate date, ZoneId zone, Language language) {
        return Dates.day(date.atStartOfDay(zone).toInstant(), zone, language);
    }

    private static void requireHighlights(List<Highlight> highlights) {
        if (highlights.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one highlight");
        }
    }
}
