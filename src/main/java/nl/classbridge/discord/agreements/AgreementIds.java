package nl.classbridge.discord.agreements;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.discord.DiscordLimits;

/**
 * Component ids of the message that asks a guardian to confirm an agreement: the stored agreement's
 * id and what was pressed, so a button works the same after a restart ({@code ag:ok:42}). Who
 * pressed is never in the id: the bot looks it up from the person pressing.
 */
public final class AgreementIds {
    /** What a pressed button or sent form asks for. */
    public enum Action {
        /** "That's right". */
        CONFIRM,
        /** "I see it differently": opens the form. */
        DIFFERS,
        /** The form with their own words. */
        WORDS
    }

    public record Id(Action action, long agreementId) {}

    private static final String PREFIX = "ag:";
    private static final Pattern ID = Pattern.compile("ag:(ok|diff|words):(\\d{1,18})");

    private AgreementIds() {}

    public static boolean owns(String componentId) {
        return componentId.startsWith(PREFIX);
    }

    public static String confirm(long agreementId) {
        return DiscordLimits.customId(PREFIX + "ok:" + agreementId);
    }

    public static String differs(long agreementId) {
        return DiscordLimits.customId(PREFIX + "diff:" + agreementId);
    }

    public static String words(long agreementId) {
        return DiscordLimits.customId(PREFIX + "words:" + agreementId);
    }

    /** The id, if it is one of ours and well-formed; anything else is refused as not theirs. */
    public static Optional<Id> parse(String componentId) {
        Matcher matcher = ID.matcher(componentId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Action action = switch (matcher.group(1)) {
            case "ok" -> Action.CONFIRM;
            case "diff" -> Action.DIFFERS;
            default -> Action.WORDS;
        };
        return Optional.of(new Id(action, Long.parseLong(matcher.group(2))));
    }
}
