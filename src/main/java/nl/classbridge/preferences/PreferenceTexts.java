package nl.classbridge.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.EmailFooter;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;

/**
 * The texts of {@code /preferences} in the family's language ({@code messages/<language>/
 * preferences.yml}): the plan as the family sees it, what came of a change, and the three emails.
 * Discord and email render the same {@link Text}s their own way.
 */
public final class PreferenceTexts {
    private final Messages messages;
    private final ContactTimes contactTimes;
    private final QuietHours schoolQuietHours;
    private final String schoolName;

    public PreferenceTexts(
            Messages messages, ContactTimes contactTimes, QuietHours schoolQuietHours, String schoolName) {
        this.messages = messages;
        this.contactTimes = contactTimes;
        this.schoolQuietHours = schoolQuietHours;
        this.schoolName = schoolName;
    }

    public Messages messages() {
        return messages;
    }

    /** The family's languages: their own, then their class's, then the school's. */
    public List<Language> chain(Preferences.Family family) {
        return messages.chain(family.plan().language(), family.schoolClass().map(SchoolClass::language));
    }

    /** The language the family reads: the first of {@link #chain}. */
    public Language language(Preferences.Family family) {
        return chain(family).get(0);
    }

    public String text(String key, List<Language> chain, Map<String, ?> values) {
        return messages.text("preferences." + key, chain, values).words();
    }

    private Text line(String key, List<Language> chain, Map<String, ?> values) {
        return messages.text("preferences." + key, chain, values);
    }

    /** The plan: a title and one item per part, the address waiting for its code last. */
    public Text plan(Preferences.Family family) {
        List<Language> chain = chain(family);
        Language language = chain.get(0);
        Guardian guardian = family.guardian();
        CommunicationPlan plan = family.plan();
        List<List<Text.Span>> items = new ArrayList<>();
        items.add(line(
                        "plan.channel",
                        chain,
                        Map.of("channel", channel(plan.channel().code(), chain)))
                .spans());
        items.add(line("plan.language", chain, Map.of("language", language.nativeName()))
                .spans());
        if (guardian.email().isEmpty()) {
            items.add(line("plan.email-none", chain, Map.of()).spans());
        } else {
            String key = guardian.emailInvalid() ? "plan.email-stopped" : "plan.email";
            items.add(line(key, chain, Map.of("email", guardian.email().get())).spans());
        }
        items.add(quietLine(plan, family, chain).spans());
        items.add(plan.contactTimes()
                .map(id -> line("plan.times", chain, Map.of("times", contactTimes.label(id, language))))
                .orElseGet(() -> line("plan.times-none", chain, Map.of()))
                .spans());
        family.pendingEmail()
                .ifPresent(address -> items.add(
                        line("plan.pending", chain, Map.of("email", address)).spans()));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(new Text.Title(line("title", chain, Map.of()).spans()));
        blocks.add(new Text.Section(List.of(), items));
        return new Text(blocks, language);
    }

    private Text quietLine(CommunicationPlan plan, Preferences.Family family, List<Language> chain) {
        Language language = chain.get(0);
        String zone = family.schoolClass().map(c -> c.timezone().getId()).orElse("");
        Optional<QuietHours> own = plan.quietHours();
        QuietHours quiet = own.orElse(schoolQuietHours);
        if (quiet.off()) {
            return line("plan.quiet-off", chain, Map.of());
        }
        Map<String, String> values = Map.of(
                "start", Dates.time(quiet.start(), language),
                "end", Dates.time(quiet.end(), language),
                "zone", zone);
        return line(own.isPresent() ? "plan.quiet-own" : "plan.quiet-school", chain, values);
    }

    /** A channel's name in the reader's language. */
    public String channel(String code, List<Language> chain) {
        return text("channel." + code, chain, Map.of());
    }

    /** The best-times options with their labels in the reader's language. */
    public List<Option> contactTimeOptions() {
        return contactTimes.options();
    }

    /** What came of a change, as one sentence for the family. */
    public Text outcome(Change change, List<Language> chain) {
        if (change instanceof Change.Saved saved) {
            return line(
                    "outcome.saved",
                    chain,
                    Map.of("field", text("field." + saved.field().code(), chain, Map.of())));
        }
        if (change instanceof Change.Invalid invalid) {
            return line("outcome.invalid-" + invalid.field().code(), chain, Map.of());
        }
        if (change instanceof Change.CodeSent sent) {
            return line("outcome.code-sent", chain, Map.of("email", sent.address()));
        }
        if (change instanceof Change.WrongCode wrong) {
            return line("outcome.wrong-code", chain, Map.of("tries", wrong.triesLeft()));
        }
        if (change instanceof Change.EmailConfirmed confirmed) {
            return line("outcome.email-confirmed", chain, Map.of("email", confirmed.address()));
        }
        if (change instanceof Change.TooManyCodes) {
            return line("outcome.too-many-codes", chain, Map.of());
        }
        if (change instanceof Change.NeedsEmail) {
            return line("outcome.needs-email", chain, Map.of());
        }
        if (change instanceof Change.NeedsDiscord) {
            return line("outcome.needs-discord", chain, Map.of());
        }
        if (change instanceof Change.SameEmail) {
            return line("outcome.same-email", chain, Map.of());
        }
        return line("outcome.no-code", chain, Map.of());
    }

    /** The mail with the code, to the new address. */
    public EmailText codeEmail(Preferences.Family family, String code, String keyword) {
        List<Language> chain = chain(family);
        Text subject = line("mail.code-subject", chain, Map.of());
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.add(new Text.Paragraph(
                line("mail.code-body", chain, Map.of("class", className(family), "code", code, "keyword", keyword))
                        .spans()));
        closing(family, chain, blocks, false);
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    /** The notice to the old address. */
    public EmailText changedEmail(Preferences.Family family) {
        List<Language> chain = chain(family);
        Text subject = line("mail.changed-subject", chain, Map.of());
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.add(new Text.Paragraph(line(
                        "mail.changed-body",
                        chain,
                        Map.of(
                                "class",
                                className(family),
                                "email",
                                family.guardian().email().orElse("")))
                .spans()));
        closing(family, chain, blocks, false);
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    /**
     * The answer to a PREFERENCES mail: what came of each line (none for the keyword alone), the plan
     * as it is now, and how to change it by replying.
     */
    public EmailText replyEmail(Preferences.Family family, List<PreferenceMail.Part> parts, String keyword) {
        List<Language> chain = chain(family);
        Text subject = line("mail.reply-subject", chain, Map.of());
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        List<List<Text.Span>> done = new ArrayList<>();
        for (PreferenceMail.Part part : parts) {
            outcomeOf(part, family, chain).ifPresent(sentence -> done.add(sentence.spans()));
        }
        if (!done.isEmpty()) {
            blocks.add(new Text.Section(line("mail.reply-done", chain, Map.of()).spans(), done));
        }
        Text plan = plan(family);
        blocks.addAll(plan.blocks());
        blocks.add(new Text.Paragraph(
                line("mail.how", chain, howValues(chain, keyword)).spans()));
        closing(family, chain, blocks, true);
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    private Optional<Text> outcomeOf(PreferenceMail.Part part, Preferences.Family family, List<Language> chain) {
        Change change = switch (part.code()) {
            case "saved" -> field(part.field()).<Change>map(Change.Saved::new).orElse(null);
            case "invalid" ->
                field(part.field()).<Change>map(Change.Invalid::new).orElse(null);
            case "needs-email" -> new Change.NeedsEmail();
            case "needs-discord" -> new Change.NeedsDiscord();
            case "same-email" -> new Change.SameEmail();
            case "code-sent" ->
                family.pendingEmail().<Change>map(Change.CodeSent::new).orElse(null);
            case "wrong-code" -> new Change.WrongCode(part.number());
            case "no-code" -> new Change.NoCodeOpen();
            case "too-many-codes" -> new Change.TooManyCodes();
            case "email-confirmed" ->
                family.guardian()
                        .email()
                        .<Change>map(Change.EmailConfirmed::new)
                        .orElse(null);
            case "not-understood" -> null;
            default -> null;
        };
        if ("not-understood".equals(part.code())) {
            return Optional.of(line("mail.not-understood", chain, Map.of("count", part.number())));
        }
        return Optional.ofNullable(change).map(c -> outcome(c, chain));
    }

    private static Optional<Change.Field> field(String code) {
        for (Change.Field field : Change.Field.values()) {
            if (field.code().equals(code)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The field words and example values the how-to shows, in the reader's language. */
    private Map<String, String> howValues(List<Language> chain, String keyword) {
        Language language = chain.get(0);
        String options = contactTimes.options().stream()
                .map(o -> o.id() + " (" + o.label(language) + ")")
                .collect(Collectors.joining(", "));
        return Map.of(
                "keyword", keyword,
                "language", text("mail.fields.language", chain, Map.of()),
                "channel", text("mail.fields.channel", chain, Map.of()),
                "quiet", text("mail.fields.quiet", chain, Map.of()),
                "times", text("mail.fields.times", chain, Map.of()),
                "email", text("mail.fields.email", chain, Map.of()),
                "code", text("mail.fields.code", chain, Map.of()),
                "school", text("mail.words.school", chain, Map.of()),
                "options", options);
    }

    private static String className(Preferences.Family family) {
        return family.schoolClass().map(SchoolClass::name).orElse("ClassBridge");
    }

    private void closing(Preferences.Family family, List<Language> chain, List<Text.Block> blocks, boolean footer) {
        family.schoolClass().ifPresent(schoolClass -> {
            blocks.add(paragraph(
                    "common.signature",
                    chain,
                    Map.of("teacher", schoolClass.teacherName(), "class", schoolClass.name())));
            if (footer) {
                blocks.add(EmailFooter.of(messages, chain, schoolClass.name(), schoolName));
            }
        });
    }

    private Text.Paragraph paragraph(String key, List<Language> chain, Map<String, ?> values) {
        return new Text.Paragraph(messages.text(key, chain, values).spans());
    }
}
