package nl.classbridge.discord.preferences;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.discord.DiscordLimits;

/**
 * Component ids of the {@code /preferences} answer: what the component changes and the guardian it
 * was shown to ({@code pf:lang:12}). The guardian in the id is only compared: the bot acts for the
 * person pressing, so someone else's press, or an id made up, changes nothing.
 */
public final class PreferenceIds {
    /** What a component or form is for. */
    public enum Action {
        LANGUAGE("lang"),
        CHANNEL("chan"),
        TIMES("times"),
        QUIET("quiet"),
        EMAIL("email"),
        CODE("code"),
        QUIET_FORM("quietf"),
        EMAIL_FORM("emailf"),
        CODE_FORM("codef");

        private final String code;

        Action(String code) {
            this.code = code;
        }
    }

    public record Id(Action action, long guardianId) {}

    private static final String PREFIX = "pf:";
    private static final Pattern ID = Pattern.compile("pf:([a-z]{4,6}):([0-9]{1,18})");

    private PreferenceIds() {}

    public static boolean owns(String componentId) {
        return componentId.startsWith(PREFIX);
    }

    public static String of(Action action, long guardianId) {
        return DiscordLimits.customId(PREFIX + action.code + ":" + guardianId);
    }

    /** The id, if it is one of ours and well-formed; anything else is refused as not theirs. */
    public static Optional<Id> parse(String componentId) {
        Matcher matcher = ID.matcher(componentId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        for (Action action : Action.values()) {
            if (action.code.equals(matcher.group(1))) {
                return Optional.of(new Id(action, Long.parseLong(matcher.group(2))));
            }
        }
        return Optional.empty();
    }
}
