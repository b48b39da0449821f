package nl.classbridge.cli;

/** Exit codes of the command line, for the school's service manager and scripts. */
public final class ExitCode {
    /** All went well. */
    public static final int OK = 0;
    /** The bot ran and failed (lost its database, Discord refused the token). */
    public static final int FAILED = 1;
    /** {@code status}: something needs attention (the same number as {@link #FAILED}, for monitoring). */
    public static final int NEEDS_ATTENTION = 1;
    /** The configuration or the command line is wrong; nothing was started. */
    public static final int CONFIG = 2;

    private ExitCode() {}
}
