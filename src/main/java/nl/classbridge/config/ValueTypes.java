package nl.classbridge.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.domain.Language;

/** The kinds of value a setting can hold, each with its check and its "use ..." hint. */
final class ValueTypes {

    static final String NOT_SET = "(not set)";
    private static final String AUTO = "auto";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern AUTHSERV_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");
    // At least two colons, so "cafe.be:25" (a host with a port) is not taken for an IPv6 address.
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*]?");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("H:mm", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ValueTypes() {}

    /** Required single-line text. */
    static ValueType<String> text(int maxLength) {
        return ValueType.of("one line of text of at most " + maxLength + " characters", text -> {
            if (text.isEmpty()) {
                throw new InvalidValue("is empty");
            }
            return checkedLine(text, maxLength);
        });
    }

    /** Single-line text that may be empty (meaning: not used). */
    static ValueType<String> optionalText(int maxLength) {
        return ValueType.of(
                "one line of text of at most " + maxLength + " characters, or nothing",
                text -> checkedLine(text, maxLength),
                ValueTypes::orNotSet);
    }

    private static String checkedLine(String text, int maxLength) throws InvalidValue {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("contains a line break or another control character");
        }
        if (text.length() > maxLength) {
            throw new InvalidValue("is too long");
        }
        return text;
    }

    /** A mail server's host name or IP address; empty means the server is not configured. */
    static ValueType<Optional<String>> host() {
        return ValueType.of(
                "a host name such as smtp.school.nl (without port), or nothing",
                text -> {
                    if (text.isEmpty()) {
                        return Optional.empty();
                    }
                    if (text.contains("://")) {
                        throw new InvalidValue("is a URL, not a host name");
                    }
                    if (!HOST_NAME.matcher(text).matches()
                            && !IPV6.matcher(text).matches()) {
                        throw new InvalidValue("is not a host name");
                    }
                    return Optional.of(text);
                },
                value -> value.orElse(NOT_SET));
    }

    /**
     * The name a mail server gives itself in {@code Authentication-Results} (its authserv-id),
     * usually a host name such as {@code mx.google.com}; empty means none is trusted.
     */
    static ValueType<Optional<String>> authservId() {
        return ValueType.of(
                "a name such as mx.google.com, or nothing",
                text -> {
                    if (text.isEmpty()) {
                        return Optional.empty();
                    }
                    if (!AUTHSERV_ID.matcher(text).matches()) {
                        throw new InvalidValue("is not a mail server's name (letters, digits, '.', '-', '_')");
                    }
                    return Optional.of(text);
                },
                value -> value.orElse(NOT_SET));
    }

    /** A region time zone or UTC; fixed offsets are refused because they ignore daylight saving time. */
    static ValueType<ZoneId> zone() {
        return ValueType.of("a region id such as Europe/Amsterdam", text -> {
            ZoneId zone = lookUpZone(text);
            if (zone.normalized() instanceof ZoneOffset offset && !offset.equals(ZoneOffset.UTC)) {
                throw new InvalidValue("is a fixed offset, which ignores daylight saving time");
            }
            return zone;
        });
    }

    private static ZoneId lookUpZone(String text) throws InvalidValue {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            // "europe/amsterdam" is clearly meant; region ids are otherwise case-sensitive.
            Optional<String> sameIgnoringCase = ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.equalsIgnoreCase(text))
                    .findFirst();
            if (sameIgnoringCase.isPresent()) {
                return ZoneId.of(sameIgnoringCase.get());
            }
            throw new InvalidValue("is not a time zone");
        }
    }

    static ValueType<Language> language() {
        return ValueType.of(
                "one of " + Language.codes(),
                text -> Language.fromCode(text)
                        .orElseThrow(() -> new InvalidValue("is not a language ClassBridge speaks")),
                Language::code);
    }

    static ValueType<Path> path(String example) {
        return ValueType.of("a file path such as " + example, text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new InvalidValue("is not a file path");
            }
        });
    }

    /**
     * An absolute URL with one of the given schemes and a host.
     *
     * @param kind         what it is, with its article: "an http or https URL"
     * @param endWithSlash add a final {@code /} to the path if missing, so paths appended to a
     *                     base URL do not replace its last segment
     */
    static ValueType<URI> url(String kind, String example, boolean endWithSlash, String... schemes) {
        List<String> allowed = List.of(schemes);
        return ValueType.of(kind + " such as " + example, text -> {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new InvalidValue("is not a URL");
            }
            if (uri.getScheme() == null || !allowed.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new InvalidValue("is not " + kind);
            }
            if (uri.getHost() == null) {
                throw new InvalidValue("has no host name");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (endWithSlash && !path.endsWith("/")) {
                uri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "/"
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
            return uri;
        });
    }

    /** An http or https URL, or nothing (the service is not used). */
    static ValueType<Optional<URI>> optionalUrl(String example) {
        ValueType<URI> url = url("an http or https URL", example, false, "http", "https");
        return ValueType.of(
                "an http or https URL such as " + example + ", or nothing",
                text -> text.isEmpty() ? Optional.empty() : Optional.of(url.parse(text)),
                value -> value.map(URI::toString).orElse(NOT_SET));
    }

    /** A decimal number above 0 and at most {@code max}. */
    static ValueType<Double> positiveNumber(int max) {
        return ValueType.of(
                "a number above 0 and at most " + max,
                text -> {
                    // Our own pattern: Double.parseDouble would also take NaN, Infinity, 1e3 and 0x1p3.
                    if (!DECIMAL.matcher(text).matches()) {
                        throw new InvalidValue("is not a number");
                    }
                    BigDecimal number = new BigDecimal(text);
                    if (number.signum() <= 0) {
                        throw new InvalidValue("is too small");
                    }
                    if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
                        throw new InvalidValue("is too large");
                    }
                    return number.doubleValue();
                },
                value -> BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    static ValueType<Integer> wholeNumber(int min, int max) {
        return wholeNumber(min, max, "is not a whole number", "is too small", "is too large");
    }

    /** A TCP port; any fault is "is not a port", the hint gives the range. */
    static ValueType<Integer> port() {
        return wholeNumber(1, 65535, "is not a port", "is not a port", "is not a port");
    }

    private static ValueType<Integer> wholeNumber(
            int min, int max, String notANumber, String tooSmall, String tooLarge) {
        return ValueType.of("a whole number from " + min + " to " + max, text -> {
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                throw new InvalidValue(notANumber);
            }
            // BigInteger, so 99999999999 is "too large" rather than "not a number".
            BigInteger number = new BigInteger(text);
            if (number.compareTo(BigInteger.valueOf(min)) < 0) {
                throw new InvalidValue(tooSmall);
            }
            if (number.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new InvalidValue(tooLarge);
            }
            return number.intValue();
        });
    }

    /** One of a few words, matched ignoring case. */
    static <T> ValueType<T> oneOf(String noun, List<T> values, Function<T, String> word) {
        String words = values.stream().map(word).collect(Collectors.joining(", "));
        return ValueType.of(
                "one of " + words,
                text -> values.stream()
                        .filter(v -> word.apply(v).equalsIgnoreCase(text))
                        .findFirst()
                        .orElseThrow(() -> new InvalidValue("is not " + noun)),
                word);
    }

    /**
     * Discord ids (snowflakes) of servers, separated by commas or spaces; empty means none listed.
     * Doubles are kept once, in the order written.
     */
    static ValueType<List<Long>> guildIds() {
        return ValueType.of(
                "server ids such as 123456789012345678, separated by commas, or nothing",
                text -> {
                    List<Long> ids = new java.util.ArrayList<>();
                    for (String part : text.split("[,\\s]+")) {
                        if (part.isEmpty()) {
                            continue;
                        }
                        long id;
                        try {
                            if (!SNOWFLAKE.matcher(part).matches()) {
                                throw new NumberFormatException(part);
                            }
                            id = Long.parseUnsignedLong(part);
                        } catch (NumberFormatException e) {
                            throw new InvalidValue("holds '" + part + "', which is not a server id (17 to 20 digits)");
                        }
                        if (!ids.contains(id)) {
                            ids.add(id);
                        }
                    }
                    return List.copyOf(ids);
                },
                ids -> ids.isEmpty()
                        ? NOT_SET
                        : ids.stream().map(Long::toUnsignedString).collect(Collectors.joining(", ")));
    }

    /**
     * How many gateway connections (shards) to open: {@code auto} (empty: ask Discord's
     * {@code GET /gateway/bot} for its recommendation at each start) or a fixed whole number.
     */
    static ValueType<OptionalInt> shardCount(int max) {
        ValueType<Integer> number = wholeNumber(1, max);
        return ValueType.of(
                "auto, or " + number.expected(),
                text -> {
                    if (text.equalsIgnoreCase(AUTO)) {
                        return OptionalInt.empty();
                    }
                    return OptionalInt.of(number.parse(text));
                },
                value -> value.isPresent() ? Integer.toString(value.getAsInt()) : AUTO);
    }

    /** A wall-clock time written H:mm or HH:mm. */
    static ValueType<LocalTime> time() {
        return ValueType.of(
                "a time as HH:mm from 00:00 to 23:59, such as 20:00",
                text -> {
                    try {
                        return LocalTime.parse(text, TIME);
                    } catch (DateTimeParseException e) {
                        throw new InvalidValue("is not a time of day");
                    }
                },
                TIME_OUT::format);
    }

    /** One email address, possibly with a display name; empty means not set. */
    static ValueType<String> emailAddress() {
        return ValueType.of(
                "one address such as groep5@school.nl or 'Groep 5 <groep5@school.nl>'",
                text -> {
                    if (!text.isEmpty() && EmailAddress.Named.parse(text).isEmpty()) {
                        throw new InvalidValue("is not an email address");
                    }
                    return text;
                },
                ValueTypes::orNotSet);
    }

    /**
     * A secret from the environment; blank means not set. Never refused, so a secret can never
     * end up in an error message.
     *
     * @param trim strip surrounding whitespace, for tokens that never contain any (a token pasted
     *             with a trailing newline would otherwise fail to log in); passwords stay as given
     */
    static ValueType<Optional<Secret>> secret(boolean trim) {
        return ValueType.of(
                "the secret, in the environment only",
                text -> {
                    String value = trim ? text.strip() : text;
                    return value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
                },
                value -> value.map(Secret::masked).orElse(NOT_SET));
    }

    private static String orNotSet(String value) {
        return value.isEmpty() ? NOT_SET : value;
    }
}
