package nl.classbridge.config;

/**
 * A setting's text was refused by its {@link ValueType}. The problem completes the phrase
 * "'value' ...", e.g. "is not a port"; the loader adds the key, the value and what is expected.
 */
final class InvalidValue extends Exception {

    InvalidValue(String problem) {
        // No stack trace needed: this is an expected outcome, turned into a message at once.
        super(problem, null, false, false);
    }

    String problem() {
        return getMessage();
    }
}
