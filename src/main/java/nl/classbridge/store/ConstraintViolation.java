package nl.classbridge.store;

/**
 * A write refused by a constraint of the schema (a unique name taken, a row that another refers
 * to). Callers turn this into a clear answer; nothing was changed.
 */
public final class ConstraintViolation extends StoreException {
    public ConstraintViolation(Throwable cause) {
        super("refused by the database: " + cause.getMessage(), cause);
    }
}
