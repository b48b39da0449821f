package nl.classbridge.updates;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import nl.classbridge.messages.EmailText;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.Destination;
import nl.classbridge.messages.Messages;

/**
 * Composes a class update from the queued highlights: a title with the date, a warm opening, one
 * section per kind of highlight, and the teacher's closing. The same inputs always give the same
 * text (there is no clock in here), so {@code /update preview} shows exactly what is posted.
 *
 * <p>Highlights are the teacher's own words: they are escaped like any value, so Markdown in them
 * stays text; pings are disabled when the post is sent.
 */
public final class UpdatePost {
    /** Sections in this order: learning and social-emotional life first, side by side, then the rest. */
    public static final List<HighlightKind> SECTION_ORDER = List.of(
            HighlightKind.LEARNING, HighlightKind.SOCIAL_EMOTIONAL, HighlightKind.TOGETHER, HighlightKind.CELEBRATION);
    private static final String BULLET = "• ";
    private static final Comparator<Highlight> IN_ORDER_ADDED =
            Comparator.comparing(Highlight::createdAt).thenComparingLong(Highlight::id);

    private final Messages messages;
    private final String schoolName;

    /** {@code schoolName} is for the email footer ("you get this email because ..."). */
    public UpdatePost(Messages messages, String schoolName) {
        this.messages = messages;
        this.schoolName = schoolName;
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
    public String discord(SchoolClass schoolClass, List<Highlight> highlights, LocalDate date, List<Language> chain) {
        requireHighlights(highlights);
        Messages.Rendered intro = messages.render("updates.post.intro", chain, Map.of(), Destination.DISCORD);
        Language language = intro.language();
        String title = messages.discord("updates.post.title", chain, Map.of(
                "class", schoolClass.name(), "date", readable(date, schoolClass.timezone(), language)));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("**" + title + "**");
        paragraphs.add(intro.text());
        paragraphs.addAll(sections(highlights, chain, language, Destination.DISCORD, UpdatePost::forDiscord,
                heading -> "**" + heading + "**"));
        paragraphs.add(messages.discord("updates.post.closing", chain, Map.of("teacher", schoolClass.teacherName())));
        return String.join("\n\n", paragraphs);
    }

    /**
     * The email copy for one family, in their language ({@code chain} starts with it): headings and
     * frame in that language, the highlights as the teacher wrote them.
     *
     * @throws IllegalArgumentException when there are no highlights
     */
    public EmailText email(SchoolClass schoolClass, List<Highlight> highlights, LocalDate date, List<Language> chain) {
        requireHighlights(highlights);
        Messages.Rendered intro = messages.render("email.update.intro", chain, Map.of(), Destination.PLAIN);
        Language language = intro.language();
        String subject = messages.header("email.update.subject", chain, Map.of(
                "class", schoolClass.name(), "date", readable(date, schoolClass.timezone(), language)));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(plain("common.greeting-anonymous", chain, Map.of()));
        paragraphs.add(intro.text());
        paragraphs.addAll(sections(highlights, chain, language, Destination.PLAIN, UpdatePost::forPlain,
                heading -> heading));
        paragraphs.add(plain("common.signature", chain, Map.of(
                "teacher", schoolClass.teacherName(), "class", schoolClass.name())));
        // The same footer as the check-in emails: why the family gets this, and how to change or stop it.
        paragraphs.add("—\n" + plain("email.footer.why", chain, Map.of("class", schoolClass.name(), "school", schoolName))
                + "\n" + plain("email.footer.preferences", chain, Map.of()));
        String text = String.join("\n\n", paragraphs);
        return new EmailText(subject, text, Messages.htmlFragment(new Messages.Rendered(text, language)), language);
    }

    private List<String> sections(List<Highlight> highlights, List<Language> chain, Language language,
            Destination destination, BiFunction<String, Language, String> escape,
            UnaryOperator<String> headingStyle) {
        List<String> sections = new ArrayList<>();
        for (HighlightKind kind : SECTION_ORDER) {
            List<Highlight> ofKind = highlights.stream().filter(h -> h.kind() == kind).sorted(IN_ORDER_ADDED).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            StringBuilder section = new StringBuilder(headingStyle.apply(
                    messages.render("updates.section." + kind.code(), chain, Map.of(), destination).text()));
            for (Highlight highlight : ofKind) {
                section.append('\n').append(BULLET).append(escape.apply(highlight.text(), language));
            }
            sections.add(section.toString());
        }
        return sections;
    }

    private String plain(String key, List<Language> chain, Map<String, ?> values) {
        return messages.render(key, chain, values, Destination.PLAIN).text();
    }

    private static String readable(LocalDate date, ZoneId zone, Language language) {
        return Dates.day(date.atStartOfDay(zone).toInstant(), zone, language);
    }

    private static void requireHighlights(List<Highlight> highlights) {
        if (highlights.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one highlight");
        }
    }

    /** A highlight as the teacher wrote it, escaped as a placeholder value would be. */
    private static String forDiscord(String raw, Language language) {
        return Messages.escape(raw.strip(), Destination.DISCORD, language);
    }

    private static String forPlain(String raw, Language language) {
        return Messages.escape(raw.strip(), Destination.PLAIN, language);
    }
}
