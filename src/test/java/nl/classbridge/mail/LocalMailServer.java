package nl.classbridge.mail;

import com.icegreen.greenmail.Managers;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GreenMail's real SMTP and IMAP servers on 127.0.0.1, with two things GreenMail does not offer:
 * it counts the SMTP connections it accepted (a measure taken by the server, not by the code under
 * test), and it can refuse chosen recipients at RCPT with a given reply, as a real server refuses
 * an unknown mailbox.
 */
final class LocalMailServer extends GreenMail {
    static final String HOST = "127.0.0.1";

    private final AtomicInteger smtpConnections = new AtomicInteger();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final int smtpPort;
    private final int imapPort;

    private LocalMailServer(int smtpPort, int imapPort) {
        super(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)});
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** On two free loopback ports, not started: a mail server that is down. */
    static LocalMailServer onFreePorts() {
        return new LocalMailServer(freePort(), freePort());
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    /** SMTP connections accepted since this server was made, across restarts. */
    int smtpConnections() {
        return smtpConnections.get();
    }

    /** Answers RCPT TO for {@code address} with {@code reply}, e.g. {@code 550 5.1.1 no such mailbox}. */
    void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(Locale.ROOT), reply);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                return refusals.get(recipient.getEmail().toLowerCase(Locale.ROOT));
            }
        };
        services.replaceAll((protocol, server) -> server instanceof SmtpServer
                ? new CountingSmtpServer(server.getServerSetup(), managers, refusing)
                : server);
        return services;
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
