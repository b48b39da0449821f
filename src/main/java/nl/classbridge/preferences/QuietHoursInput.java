package nl.classbridge.preferences;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.QuietHours;

/**
 * Quiet hours as a family types them: two times, such as {@code 20:00-07:30}, {@code 20.00 tot 7.30}
 * or {@code 21-7}, read leniently; anything else is not guessed at.
 */
final class QuietHoursInput {
    /** A time: hours, and minutes after a colon, dot or {@code h}. */
    private static final Pattern TIME = Pattern.compile("(?<![0-9])([0-9]{1,2})(?:[:.hH]([0-9]{2}))?(?![0-9])");

    private static final int LONGEST = 60;

    private QuietHoursInput() {}

    /** The two times in {@code typed}, if it holds exactly two valid ones. */
    static Optional<QuietHours> parse(String typed) {
        if (typed == null || typed.length() > LONGEST) {
            return Optional.empty();
        }
        Matcher matcher = TIME.matcher(typed);
        List<LocalTime> times = new ArrayList<>();
        while (matcher.find()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
            if (hour == 24 && minute == 0) {
                hour = 0;
            }
            if (hour > 23 || minute > 59) {
                return Optional.empty();
            }
            times.add(LocalTime.of(hour, minute));
        }
        String rest = TIME.matcher(typed).replaceAll("").replaceAll("[\\p{L}\\s\\-–—/]", "");
        if (times.size() != 2 || !rest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuietHours(times.get(0), times.get(1)));
    }
}
