package nl.classbridge.discord.commands;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLocales;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.CommandTexts;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.JoinResult;
import nl.classbridge.store.SchoolClassRepository;

/**
 * {@code /join code:<code>}, for parents, in a DM with the bot or in the class channel; the reply
 * is private. A wrong, used or expired code gets a clear answer; so does the sixth wrong try.
 * A new parent's language starts as their Discord app's, so the welcome already comes in it, with
 * the line on how to change it naming {@code /preferences} as their app shows it.
 */
public final class JoinCommand implements SlashCommand {
    private final Enrolment enrolment;
    private final SchoolClassRepository classes;
    private final Texts texts;
    private final CommandTexts commands;

    public JoinCommand(Enrolment enrolment, SchoolClassRepository classes, Texts texts, CommandTexts commands) {
        this.enrolment = enrolment;
        this.classes = classes;
        this.texts = texts;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "join";
    }

    @Override
    public boolean teacherOnly() {
        return false;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.everyoneCommand("join").addOptions(defs.option(OptionType.STRING, "join code", true));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<Language> appLanguage = DiscordLocales.language(event.getUserLocale());
        JoinResult result = enrolment.join(
                event.getOption("code", OptionMapping::getAsString),
                event.getUser().getIdLong(),
                event.getUser().getEffectiveName(),
                appLanguage);
        Respond.privately(event, reply(result, appLanguage));
    }

    private String reply(JoinResult result, Optional<Language> appLanguage) {
        if (result instanceof JoinResult.Joined joined) {
            SchoolClass schoolClass = classes.find(joined.student().classId()).orElseThrow();
            String key = joined.firstChild() ? "join.success" : "join.success-another-child";
            return texts.forGuardian(
                    joined.guardian(),
                    schoolClass,
                    key,
                    Map.of(
                            "child",
                            joined.student().name(),
                            "class",
                            schoolClass.name(),
                            "preferences",
                            "/" + preferencesAsShown(appLanguage)));
        }
        if (result instanceof JoinResult.AlreadyLinked linked) {
            return texts.forSchool(
                    "join.already-linked", Map.of("child", linked.student().name()));
        }
        if (result instanceof JoinResult.TooManyTries tooMany) {
            return texts.forSchool("join.too-many-tries", Map.of("minutes", tooMany.minutes()));
        }
        if (result instanceof JoinResult.Used) {
            return texts.forSchool("join.code-used", Map.of());
        }
        if (result instanceof JoinResult.Expired) {
            return texts.forSchool("join.code-expired", Map.of());
        }
        return texts.forSchool("join.code-unknown", Map.of());
    }

    /** The name of /preferences in the parent's Discord app: localized, or the English base name. */
    private String preferencesAsShown(Optional<Language> appLanguage) {
        CommandTexts.Localized name = commands.get("preferences").name();
        return appLanguage.flatMap(name::in).orElse(name.en());
    }
}
