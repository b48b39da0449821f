package nl.classbridge.messages;

/** The message catalogue cannot be used: a file is missing, unreadable or malformed. */
public final class CatalogueException extends Exception {
    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
