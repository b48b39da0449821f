package nl.classbridge.discord.checkin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.discord.DiscordLimits;

/**
 * Component ids of check-in messages. Each carries the stored request id and positions in the
 * questionnaire version that request asks, so a button works the same after a restart, and no
 * id comes near Discord's 100 characters: {@code ci:ans:1234:2:5}.
 */
public final class CheckinIds {
    /** What a pressed component asks for. */
    public enum Action {
        START,
        ANSWER,
        OPEN_MODAL,
        SKIP,
        CHANGE,
        DONE,
        SELECT,
        MODAL,
        READ_ALL
    }

    /** A parsed id: the request, the action, and the question and value positions where they apply. */
    public record Id(Action action, long requestId, int question, int value) {}

    private static final Pattern ID = Pattern.compile("ci:([a-z]+):(\\d{1,18})(?::(\\d{1,3}))?(?::(\\d{1,3}))?");

    private CheckinIds() {}

    public static String start(long requestId) {
        return format("start", requestId);
    }

    /** A scale point (1-5), an option index, or 1 for yes and 0 for no. */
    public static String answer(long requestId, int question, int value) {
        return format("ans", requestId, question, value);
    }

    public static String openModal(long requestId, int question) {
        return format("open", requestId, question);
    }

    public static String skip(long requestId, int question) {
        return format("skip", requestId, question);
    }

    /** The select menu on the summary; its values are question positions. */
    public static String change(long requestId) {
        return format("chg", requestId);
    }

    public static String done(long requestId) {
        return format("done", requestId);
    }

    /** The button on a shortened summary that shows every answer in full. */
    public static String readAll(long requestId) {
        return format("all", requestId);
    }

    /** A select menu for a choice with many options; its values are option indexes. */
    public static String select(long requestId, int question) {
        return format("sel", requestId, question);
    }

    public static String modal(long requestId, int question) {
        return format("modal", requestId, question);
    }

    /** The id, if it is one of ours and well-formed; anything else is ignored. */
    public static Optional<Id> parse(String componentId) {
        Matcher matcher = ID.matcher(componentId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Action action = switch (matcher.group(1)) {
            case "start" -> Action.START;
            case "ans" -> Action.ANSWER;
            case "open" -> Action.OPEN_MODAL;
            case "skip" -> Action.SKIP;
            case "chg" -> Action.CHANGE;
            case "done" -> Action.DONE;
            case "sel" -> Action.SELECT;
            case "modal" -> Action.MODAL;
            case "all" -> Action.READ_ALL;
            default -> null;
        };
        if (action == null) {
            return Optional.empty();
        }
        int question = matcher.group(3) == null ? -1 : Integer.parseInt(matcher.group(3));
        int value = matcher.group(4) == null ? -1 : Integer.parseInt(matcher.group(4));
        return Optional.of(new Id(action, Long.parseLong(matcher.group(2)), question, value));
    }

    private static String format(String action, long requestId, int... positions) {
        StringBuilder id = new StringBuilder("ci:").append(action).append(':').append(requestId);
        for (int position : positions) {
            id.append(':').append(position);
        }
        return DiscordLimits.customId(id.toString());
    }
}
