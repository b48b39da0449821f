package nl.classbridge.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;
import org.slf4j.Marker;

/**
 * A safety net in the Logback configuration: JDA, the Discord library, writes what Discord sends
 * and receives into its log. At TRACE that is every request body and gateway event, with messages,
 * names and answers; at other levels some lines add the JSON of an event. Those lines are never
 * written: TRACE from JDA not at all, and a line carrying Discord data is replaced, from INFO up,
 * by a note with JDA's own wording without the data.
 */
public final class DiscordDataFilter extends TurboFilter {
    private static final String JDA = "net.dv8tion.jda";
    private static final String DISCORD_DATA = "net.dv8tion.jda.api.utils.data.";

    @Override
    public FilterReply decide(
            Marker marker, Logger logger, Level level, String format, Object[] params, Throwable failure) {
        if (level == null || !logger.getName().startsWith(JDA)) {
            return FilterReply.NEUTRAL;
        }
        if (!level.isGreaterOrEqual(Level.DEBUG)) {
            return FilterReply.DENY; // wire dumps: request bodies, gateway payloads
        }
        if (format == null || !carriesData(format, params)) {
            return FilterReply.NEUTRAL;
        }
        if (level.isGreaterOrEqual(Level.INFO)) {
            // Through the logger's own context, so the note goes where JDA's line would have gone.
            logger.getLoggerContext()
                    .getLogger(DiscordDataFilter.class)
                    .atLevel(org.slf4j.event.Level.valueOf(level.levelStr))
                    .log("{} logged a line with Discord data, not written here: \"{}\"", logger.getName(), format);
        }
        return FilterReply.DENY;
    }

    /** Whether a line shows JSON from Discord, or says it shows a body, content or payload. */
    private static boolean carriesData(String format, Object[] params) {
        String words = format.toLowerCase(Locale.ROOT);
        if (words.contains("json")
                || words.contains("body")
                || words.contains("content")
                || words.contains("payload")) {
            return true;
        }
        if (params != null) {
            for (Object param : params) {
                if (param != null && param.getClass().getName().startsWith(DISCORD_DATA)) {
                    return true;
                }
            }
        }
        return false;
    }
}
