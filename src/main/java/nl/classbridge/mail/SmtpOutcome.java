package nl.classbridge.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import nl.classbridge.delivery.SendResult;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * What a failed SMTP attempt means for the outbox, and whether the connection can still be used.
 * Jakarta Mail reports a refused recipient as a chain (a {@code SendFailedException} whose next
 * exception is the {@code SMTPAddressFailedException} with the server's code), so the whole chain
 * is read, not only the top.
 *
 * @param keepConnection true only when the server refused this recipient and the session is fine
 */
record SmtpOutcome(SendResult result, boolean keepConnection) {

    /** How long the email lane rests after the server could not be reached: the batch waits too. */
    static final Duration PAUSE_WHEN_DOWN = Duration.ofSeconds(30);

    private static final SmtpOutcome DOWN = new SmtpOutcome(SendResult.retryAfter("smtp-down", PAUSE_WHEN_DOWN), false);
    private static final SmtpOutcome AUTH = new SmtpOutcome(SendResult.retryAfter("smtp-auth", PAUSE_WHEN_DOWN), false);

    static SmtpOutcome of(MessagingException failure) {
        List<Throwable> chain = chain(failure);
        // The account or the network is wrong: never the family's fault, whatever the code says.
        if (chain.stream().anyMatch(t -> t instanceof AuthenticationFailedException)) {
            return AUTH;
        }
        if (chain.stream().anyMatch(t -> t instanceof MailConnectException || t instanceof IOException)) {
            return DOWN;
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                return new SmtpOutcome(byCode(refused.getReturnCode()), true);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSendFailedException failed) {
                return new SmtpOutcome(sendFailed(failed), false);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return new SmtpOutcome(new SendResult.Unreachable("address-invalid"), false);
            }
        }
        return new SmtpOutcome(SendResult.retryLater("smtp-error"), false);
    }

    /** A refusal of the whole transaction: at MAIL FROM it is our account or address, not the family's. */
    private static SendResult sendFailed(SMTPSendFailedException failed) {
        int code = failed.getReturnCode();
        String command = failed.getCommand() == null ? "" : failed.getCommand();
        if (code >= 500 && code < 600 && command.regionMatches(true, 0, "MAIL", 0, 4) && !isAuthCode(code)) {
            return SendResult.retryAfter("smtp-from-" + code, PAUSE_WHEN_DOWN);
        }
        return byCode(code);
    }

    private static SendResult byCode(int code) {
        if (code >= 400 && code < 500) {
            return code == 421
                    ? SendResult.retryAfter("smtp-421", PAUSE_WHEN_DOWN)
                    : SendResult.retryLater("smtp-" + code);
        }
        if (isAuthCode(code)) {
            return SendResult.retryAfter("smtp-auth", PAUSE_WHEN_DOWN);
        }
        if (code >= 500 && code < 600) {
            return new SendResult.Unreachable("smtp-" + code);
        }
        return SendResult.retryLater("smtp-error");
    }

    /** Authentication required, too weak, failed, or needs encryption: the IT person's to fix. */
    private static boolean isAuthCode(int code) {
        return code == 530 || code == 534 || code == 535 || code == 538;
    }

    /** The failure and everything it points at, in order, each once; a loop in the chain ends the walk. */
    private static List<Throwable> chain(MessagingException failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> ordered = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty() && ordered.size() < 32) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return ordered;
    }
}
