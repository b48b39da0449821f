package nl.classbridge.discord;

import java.util.EnumMap;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.CommandTexts;

/**
 * Builds command definitions from {@link CommandTexts}: English names, with a localization for each
 * other language of the entry that Discord offers as a client language ({@link DiscordLocales}).
 */
public final class CommandDefinitions {
    private final CommandTexts texts;

    public CommandDefinitions(CommandTexts texts) {
        this.texts = texts;
    }

    /** A teacher command: guild only, and shown by default to members who may manage the server. */
    public SlashCommandData teacherCommand(String path) {
        return command(path)
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    /** A command for everyone, in the class channel and in a DM with the bot. */
    public SlashCommandData everyoneCommand(String path) {
        return command(path).setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }

    public SubcommandData subcommand(String path) {
        CommandTexts.Entry entry = texts.get(path);
        return new SubcommandData(entry.name().en(), entry.description().en())
                .setNameLocalizations(localizations(entry.name()))
                .setDescriptionLocalizations(localizations(entry.description()));
    }

    /** A group of subcommands, such as {@code teacher} in {@code /class teacher add}. */
    public SubcommandGroupData subcommandGroup(String path) {
        CommandTexts.Entry entry = texts.get(path);
        return new SubcommandGroupData(entry.name().en(), entry.description().en())
                .setNameLocalizations(localizations(entry.name()))
                .setDescriptionLocalizations(localizations(entry.description()));
    }

    public OptionData option(OptionType type, String path, boolean required) {
        CommandTexts.Entry entry = texts.get(path);
        return new OptionData(type, entry.name().en(), entry.description().en(), required)
                .setNameLocalizations(localizations(entry.name()))
                .setDescriptionLocalizations(localizations(entry.description()));
    }

    /** A text option with autocomplete (student names, questionnaire ids). */
    public OptionData suggested(String path, boolean required) {
        return option(OptionType.STRING, path, required).setAutoComplete(true);
    }

    /** A language option offering the six languages by their own names. */
    public OptionData language(String path, boolean required) {
        OptionData option = option(OptionType.STRING, path, required);
        for (Language language : Language.values()) {
            option.addChoice(language.nativeName(), language.code());
        }
        return option;
    }

    private SlashCommandData command(String path) {
        CommandTexts.Entry entry = texts.get(path);
        return Commands.slash(entry.name().en(), entry.description().en())
                .setNameLocalizations(localizations(entry.name()))
                .setDescriptionLocalizations(localizations(entry.description()));
    }

    /** The entry's texts by Discord locale, for every language that has both a text and a locale. */
    private static Map<DiscordLocale, String> localizations(CommandTexts.Localized texts) {
        Map<DiscordLocale, String> byLocale = new EnumMap<>(DiscordLocale.class);
        for (Language language : Language.values()) {
            DiscordLocales.localization(language)
                    .ifPresent(locale -> texts.in(language).ifPresent(text -> byLocale.put(locale, text)));
        }
        return byLocale;
    }
}
