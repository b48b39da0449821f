package nl.classbridge.sandbox.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.QuietHours;

/** The sandbox's time and the buttons that move it forward: an hour, a day, to what is due next. */
final class ClockView {
    private final PageTexts texts;
    private final ZoneId zone;
    private final QuietHours quietHours;

    ClockView(PageTexts texts, ZoneId zone, QuietHours quietHours) {
        this.texts = texts;
        this.zone = zone;
        this.quietHours = quietHours;
    }

    /**
     * @param now          the sandbox's time
     * @param nextUpdate   when the next class update is due, if one is scheduled
     * @param deadline     the open check-in's deadline, if there is one
     */
    String live(Instant now, Optional<Instant> nextUpdate, Optional<Instant> deadline) {
        ZonedDateTime local = now.atZone(zone);
        StringBuilder html = new StringBuilder("<p class=\"time\"><span class=\"hint\">")
                .append(texts.get("clock.title"))
                .append("</span> <time datetime=\"")
                .append(local.toOffsetDateTime())
                .append("\">")
                .append(Html.text(DateTimeFormatter.ofPattern(
                                "EEEE d MMMM yyyy, HH:mm", texts.language().locale())
                        .format(local)))
                .append("</time></p>");
        if (!quietHours.off() && quietHours.contains(local.toLocalTime())) {
            html.append("<p class=\"note\">")
                    .append(texts.get(
                            "clock.quiet",
                            Map.of(
                                    "time",
                                    quietHours.nextAllowed(local).toLocalTime().toString())))
                    .append("</p>");
        }
        html.append(Forms.open("/clock", "clock-status", "clock-form"))
                .append("<div class=\"row\">")
                .append(button("hour", texts.get("clock.plus-hour"), true))
                .append(button("day", texts.get("clock.plus-day"), true))
                .append(button(
                        "update",
                        texts.get("clock.to-update", Map.of("time", when(nextUpdate))),
                        nextUpdate.isPresent()))
                .append(button(
                        "deadline",
                        texts.get("clock.to-deadline", Map.of("time", when(deadline))),
                        deadline.isPresent()))
                .append("</div></form><div id=\"clock-status\" class=\"status\"></div>");
        return html.toString();
    }

    private String when(Optional<Instant> at) {
        return at.map(instant -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(texts.language().locale())
                        .format(instant.atZone(zone)))
                .orElse("-");
    }

    private static String button(String to, String label, boolean enabled) {
        return "<button class=\"b2\" name=\"to\" value=\"" + to + "\"" + (enabled ? "" : " disabled") + ">" + label
                + "</button>";
    }
}
