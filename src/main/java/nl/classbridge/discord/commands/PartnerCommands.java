package nl.classbridge.discord.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import nl.classbridge.checkin.ClassOffers;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.roster.ClassNeeds;
import nl.classbridge.roster.ClassRoster;

/**
 * {@code /class needs} and {@code /class offers}: teacher and families as partners. What the teacher
 * needs from parents, in the teacher's own words, and what families offered to do for the class.
 * Each is one call on {@link ClassNeeds} or {@link ClassOffers}; the answer is only for the teacher.
 * Part of {@link ClassCommand}, which checks the caller's class first.
 */
public final class PartnerCommands {
    private final ClassNeeds needs;
    private final ClassOffers offers;
    private final ClassRoster roster;
    private final Texts texts;

    public PartnerCommands(ClassNeeds needs, ClassOffers offers, ClassRoster roster, Texts texts) {
        this.needs = needs;
        this.offers = offers;
        this.roster = roster;
        this.texts = texts;
    }

    /** The subcommands under {@code /class}. */
    List<SubcommandData> definitions(CommandDefinitions defs) {
        return List.of(
                defs.subcommand("class needs")
                        .addOptions(
                                defs.option(OptionType.STRING, "class needs text", false),
                                defs.option(OptionType.BOOLEAN, "class needs clear", false)),
                defs.subcommand("class offers"));
    }

    /** Whether {@code subcommand} is one of these. */
    static boolean handles(String subcommand) {
        return "needs".equals(subcommand) || "offers".equals(subcommand);
    }

    /** The class's own teacher asked; {@code schoolClass} is checked. */
    void handle(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        if ("offers".equals(event.getSubcommandName())) {
            Respond.privately(event, offersText(schoolClass, event.getUser().getIdLong()));
        } else {
            Respond.privately(event, needsReply(event, schoolClass));
        }
    }

    private String needsReply(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        long teacher = event.getUser().getIdLong();
        if (event.getOption("clear", false, OptionMapping::getAsBoolean)) {
            needs.clear(schoolClass, teacher);
            return texts.forClass(schoolClass, "teacher.class.needs-cleared", Map.of());
        }
        String text = event.getOption("text", OptionMapping::getAsString);
        if (text == null) {
            return needs.of(schoolClass)
                    .map(current -> texts.forClass(schoolClass, "teacher.class.needs-current", Map.of("text", current)))
                    .orElseGet(() -> texts.forClass(schoolClass, "teacher.class.needs-none", Map.of()));
        }
        ClassNeeds.Written written = needs.write(schoolClass, text, teacher);
        if (written instanceof ClassNeeds.Written.Saved saved) {
            return texts.forClass(schoolClass, "teacher.class.needs-saved", Map.of("text", saved.text()));
        }
        if (written instanceof ClassNeeds.Written.TooLong tooLong) {
            return texts.forClass(
                    schoolClass,
                    "teacher.class.needs-too-long",
                    Map.of("length", tooLong.length(), "max", tooLong.max()));
        }
        return texts.forClass(schoolClass, "teacher.class.needs-none", Map.of());
    }

    private String offersText(SchoolClass schoolClass, long reader) {
        Optional<ClassOffers.Offers> found = offers.of(schoolClass, reader);
        if (found.isEmpty() || found.get().kinds().isEmpty()) {
            return texts.forClass(schoolClass, "teacher.class.offers-empty", Map.of());
        }
        ClassOffers.Offers all = found.get();
        Language language = schoolClass.language();
        List<Language> chain = texts.messages().chain(Optional.empty(), Optional.of(language));
        Map<Long, String> who = guardiansByName(schoolClass);
        StringBuilder text = new StringBuilder(texts.forClass(
                schoolClass,
                "teacher.class.offers-title",
                Map.of(
                        "questionnaire",
                        all.round().questionnaire().title(language),
                        "date",
                        Dates.day(all.round().round().startedAt(), schoolClass.timezone(), language))));
        for (ClassOffers.Kind kind : all.kinds()) {
            text.append("\n\n**").append(kind.option().label(language)).append("**");
            for (ClassOffers.Offer offer : kind.families()) {
                List<String> line = new ArrayList<>();
                line.add(texts.forClass(
                        schoolClass,
                        "teacher.class.offers-family",
                        Map.of(
                                "student",
                                offer.student().name(),
                                "number",
                                offer.guardian().id(),
                                "who",
                                who.getOrDefault(offer.guardian().id(), ""))));
                offer.words()
                        .ifPresent(words -> line.add(texts.inChain("common.answer", chain, Map.of("text", words))));
                text.append("\n• ").append(String.join("\n  ", line));
            }
        }
        return text.toString();
    }

    /** Each linked guardian's Discord name or email address, as /guardian list shows them. */
    private Map<Long, String> guardiansByName(SchoolClass schoolClass) {
        Map<Long, String> names = new HashMap<>();
        for (var entry : roster.students(schoolClass)) {
            for (GuardianLink link : entry.links()) {
                names.put(
                        link.guardian().id(),
                        link.discordName()
                                .or(link.guardian()::email)
                                .orElseGet(
                                        () -> texts.forClass(schoolClass, "teacher.guardian.name-unknown", Map.of())));
            }
        }
        return names;
    }
}
