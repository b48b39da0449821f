package nl.classbridge.config;

import java.util.function.Function;

/**
 * How the text of one setting becomes a typed value, and what valid text looks like. The
 * implementations live in {@link ValueTypes}.
 *
 * @param <T> the type of the checked value
 */
interface ValueType<T> {

    /**
     * Checks and converts trimmed text. Empty text reaches this only for a key whose default is
     * empty, and then means "not set".
     */
    T parse(String text) throws InvalidValue;

    /** What valid text looks like, completing "use ...": e.g. "a whole number from 1 to 120". */
    String expected();

    /** The value as check-config shows it. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** The check alone, so a type can be written as a lambda. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws InvalidValue;
    }

    static <T> ValueType<T> of(String expected, Parser<T> parser) {
        return of(expected, parser, String::valueOf);
    }

    static <T> ValueType<T> of(String expected, Parser<T> parser, Function<T, String> formatter) {
        return new ValueType<>() {
            @Override
            public T parse(String text) throws InvalidValue {
                return parser.parse(text);
            }

            @Override
            public String expected() {
                return expected;
            }

            @Override
            public String format(T value) {
                return formatter.apply(value);
            }
        };
    }
}
