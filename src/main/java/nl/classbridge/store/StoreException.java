package nl.classbridge.store;

/** A failure of the store that the caller cannot fix by retrying the same call. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
