package nl.classbridge.logs;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Set;

/**
 * A safety net in the log pattern ({@code %withheldEx}): a logged failure is printed with its
 * class and stack frames, and its message only when its kind never carries what people typed (a
 * connection refused, a timeout, a database error). ClassBridge's own code logs failures through
 * {@link Failure} already; this catches what a library logs.
 */
public final class WithheldMessages extends ThrowableProxyConverter {
    /** Failures about the machine, the network and the database, never about what someone wrote. */
    private static final Set<String> MACHINE_FAILURES = Set.of(
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.net.UnknownHostException",
            "java.net.SocketException",
            "java.net.NoRouteToHostException",
            "java.io.EOFException",
            "java.util.concurrent.TimeoutException",
            "java.lang.InterruptedException",
            "java.util.concurrent.RejectedExecutionException",
            "java.sql.SQLException",
            "org.sqlite.SQLiteException",
            "java.nio.file.NoSuchFileException",
            "java.nio.file.AccessDeniedException",
            "java.lang.OutOfMemoryError",
            Failure.Withheld.class.getName());

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(new Shown(proxy));
    }

    /** The proxy of a failure, with the message left out unless its class is on the list above. */
    private record Shown(IThrowableProxy proxy) implements IThrowableProxy {
        @Override
        public String getMessage() {
            return MACHINE_FAILURES.contains(proxy.getClassName()) ? proxy.getMessage() : "(message not logged)";
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return proxy.getCause() == null ? null : new Shown(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            IThrowableProxy[] shown = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                shown[i] = new Shown(suppressed[i]);
            }
            return shown;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
