package nl.classbridge.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.classbridge.sandbox.faults.Hold;

/**
 * GreenMail's real SMTP and IMAP servers on 127.0.0.1, with what GreenMail does not offer: it
 * counts the SMTP and IMAP connections it accepted (a measure taken by the server, not by the code
 * under test), it can refuse chosen recipients at RCPT with a given reply, as a real server refuses
 * an unknown mailbox, it can hold back its "250 OK" to a mail it has already taken
 * ({@link #holdAfterAccepting}), and its IMAP side can go down and come back with the mailboxes
 * kept ({@link #imapDown}). Public for the tests that run the packaged jar against it.
 */
public final class LocalMailServer extends GreenMail {
    public static final String HOST = "127.0.0.1";

    private final AtomicInteger smtpConnections = new AtomicInteger();
    private final AtomicInteger imapConnections = new AtomicInteger();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final List<Hold> holds = new CopyOnWriteArrayList<>();
    /** The IMAP server now: the one GreenMail made at start, or the one {@link #imapUp()} made. */
    private AbstractServer imap;
    /** Mails delivered to a mailbox through this server's SMTP, one per recipient; guarded by itself. */
    private final int[] delivered = {0};

    private final int smtpPort;
    private final int imapPort;

    private LocalMailServer(int smtpPort, int imapPort) {
        super(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
        });
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** On two free loopback ports, not started: a mail server that is down. */
    public static LocalMailServer onFreePorts() {
        return new LocalMailServer(freePort(), freePort());
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** IMAP connections accepted since this server was made, across restarts. */
    public int imapConnections() {
        return imapConnections.get();
    }

    /** SMTP connections accepted since this server was made, across restarts. */
    public int smtpConnections() {
        return smtpConnections.get();
    }

    /** Answers RCPT TO for {@code address} with {@code reply}, e.g. {@code 550 5.1.1 no such mailbox}. */
    void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(Locale.ROOT), reply);
    }

    /**
     * The mail after the next {@code skip} is taken and delivered to its mailbox, but the server's
     * "250 OK" waits until {@link Hold#release()}: the sender cannot know the mail arrived. A test
     * kills the sender in that moment.
     */
    public Hold holdAfterAccepting(int skip) {
        Hold hold = new Hold(skip);
        holds.add(hold);
        return hold;
    }

    /**
     * Waits until {@code emailCount} mails in all were delivered through SMTP. GreenMail's own wait
     * listens to its SMTP manager, which this server replaces, so it would never wake up.
     */
    @Override
    public boolean waitForIncomingEmail(long timeout, int emailCount) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        synchronized (delivered) {
            while (delivered[0] < emailCount) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(delivered, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The IMAP server goes down: its port refuses connections and open ones are cut, while the
     * mailboxes stay (GreenMail's {@code stop()} would empty them, as no real server does).
     */
    public synchronized void imapDown() {
        imap.stopService();
    }

    /** The IMAP server is back on the same port, with the same mailboxes and UIDVALIDITY. */
    public synchronized void imapUp() {
        imap = new PromptImapServer(imap.getServerSetup(), getManagers());
        imap.startService();
        try {
            if (!imap.waitTillRunning(10_000)) {
                throw new IllegalStateException("IMAP did not come back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void stop() {
        holds.forEach(Hold::release);
        if (imap != null && imap.isRunning()) {
            imap.stopService();
        }
        super.stop();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                return refusals.get(recipient.getEmail().toLowerCase(Locale.ROOT));
            }

            /** Delivers (under GreenMail's own lock), then holds the answer if asked to (outside it). */
            @Override
            public void send(SmtpState state) {
                int recipients = state.getMessage().getToAddresses().size();
                super.send(state);
                synchronized (delivered) {
                    delivered[0] += recipients;
                    delivered.notifyAll();
                }
                holds.forEach(Hold::pass);
            }
        };
        services.replaceAll((protocol, server) -> server instanceof SmtpServer
                ? new CountingSmtpServer(server.getServerSetup(), managers, refusing)
                : server instanceof ImapServer ? new PromptImapServer(server.getServerSetup(), managers) : server);
        imap = services.get(ServerSetup.PROTOCOL_IMAP);
        return services;
    }

    /**
     * GreenMail's IMAP server with Nagle's algorithm off: it writes an answer in pieces, and on
     * loopback every command would otherwise wait 40 ms for a delayed ACK. A real server answers
     * at once; 500 mails should take a moment, not half a minute. (GreenMail's ImapServer is final:
     * this is it, with the one setting added. Use {@link #imapPort()}, not {@code getImap()}.)
     */
    private final class PromptImapServer extends AbstractServer {
        PromptImapServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), clientSocket);
        }

        @Override
        protected void handleClientSocket(Socket clientSocket) throws java.net.SocketException {
            imapConnections.incrementAndGet();
            clientSocket.setTcpNoDelay(true);
            super.handleClientSocket(clientSocket);
        }
    }

    private final class CountingSmtpServer extends SmtpServer {
        private final SmtpManager smtpManager;

        CountingSmtpServer(ServerSetup setup, Managers managers, SmtpManager smtpManager) {
            super(setup, managers);
            this.smtpManager = smtpManager;
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            smtpConnections.incrementAndGet();
            return new SmtpHandler(new SmtpCommandRegistry(), smtpManager, clientSocket);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
