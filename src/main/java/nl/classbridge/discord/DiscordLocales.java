package nl.classbridge.discord;

import java.util.Optional;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import nl.classbridge.domain.Language;

/**
 * Between Discord's client languages and ours. Arabic is not a Discord client language, so an
 * Arabic-speaking family is never recognised from Discord: they rely on their stored language.
 */
public final class DiscordLocales {
    private DiscordLocales() {}

    /** Our language for the language a user's Discord app is set to, if we speak it. */
    public static Optional<Language> language(DiscordLocale locale) {
        return switch (locale) {
            case ENGLISH_US, ENGLISH_UK -> Optional.of(Language.EN);
            case DUTCH -> Optional.of(Language.NL);
            case TURKISH -> Optional.of(Language.TR);
            case POLISH -> Optional.of(Language.PL);
            case UKRAINIAN -> Optional.of(Language.UK);
            default -> Optional.empty();
        };
    }

    /**
     * The Discord locale that gets {@code language}'s command names as a localization. English is
     * the commands' base text (shown to every other locale), and Arabic has no Discord locale.
     */
    public static Optional<DiscordLocale> localization(Language language) {
        return switch (language) {
            case NL -> Optional.of(DiscordLocale.DUTCH);
            case TR -> Optional.of(DiscordLocale.TURKISH);
            case PL -> Optional.of(DiscordLocale.POLISH);
            case UK -> Optional.of(DiscordLocale.UKRAINIAN);
            case EN, AR -> Optional.empty();
        };
    }
}
