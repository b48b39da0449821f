package nl.classbridge.sandbox;

/** The sandbox cannot start as configured; the message names the setting to change. */
public final class SandboxException extends Exception {
    public SandboxException(String message) {
        super(message);
    }
}
