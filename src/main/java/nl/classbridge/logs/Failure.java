package nl.classbridge.logs;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure as the log may show it: its class, a short reason code and where it happened, never
 * its message. Exception messages carry whatever their code was handed, and that is often a
 * family's text: JDA puts a message's whole content in the exception for one that is too long,
 * a date parser the text it could not read, a mail library the address it refused.
 */
public final class Failure {
    private Failure() {}

    /** A reason code: the class of the failure and of its first cause, e.g. {@code IllegalStateException/SQLException}. */
    public static String code(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == null || cause == failure
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + "/" + cause.getClass().getSimpleName();
    }

    /**
     * The failure with the same classes (named in the messages), stack frames, causes and
     * suppressed failures, and no message: pass this to the logger instead of the failure itself.
     */
    public static Throwable withoutText(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Withheld copy(Throwable failure, Set<Throwable> seen) {
        seen.add(failure);
        Throwable cause = failure.getCause();
        Withheld copy = new Withheld(
                failure.getClass().getName(), cause == null || seen.contains(cause) ? null : copy(cause, seen));
        copy.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(copy(suppressed, seen));
            }
        }
        return copy;
    }

    /**
     * The class a logged failure is about: for a failure passed through {@link #withoutText} the
     * class it stands for (the only thing its message holds), otherwise {@code className}.
     */
    static String standsFor(String className, String message) {
        if (Withheld.class.getName().equals(className) && message != null && message.endsWith(Withheld.NOTE)) {
            return message.substring(0, message.length() - Withheld.NOTE.length());
        }
        return className;
    }

    /** Stands in for a failure in the log: its message is only the class it stands for. */
    static final class Withheld extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final String NOTE = " (message not logged: it may hold personal data)";

        Withheld(String className, Withheld cause) {
            super(className + NOTE, cause, true, true);
        }
    }
}
