package nl.classbridge.sandbox.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GreenMail as the sandbox needs it, with three things GreenMail does not do itself: a count of the
 * mails its SMTP server accepted, taken after each is stored (so a page that sees the count change
 * finds the mail), a mailbox made quietly for every address a mail arrives for, and subaddressing:
 * mail for {@code bot+anything@school.example} lands in the mailbox of {@code bot@school.example},
 * as real servers deliver it (the bot's emails ask for replies at {@code bot+TOKEN@}).
 */
final class MailServer extends GreenMail {
    /** How many mails the SMTP server accepted; a mail to two addresses counts once. */
    final AtomicLong accepted = new AtomicLong();

    private final SecureRandom random;
    // Not the GreenMail's own monitor: stop() holds that while it waits for the SMTP threads that call mailbox().
    private final Object mailboxes = new Object();

    /** SMTP and IMAP on free loopback ports, not started yet. */
    MailServer(SecureRandom random) {
        super(new ServerSetup[] {setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_IMAP)});
        this.random = random;
        // The constructor made plain managers; start() builds the servers on these instead.
        managers = new CountingManagers(accepted);
    }

    private static ServerSetup setup(String protocol) {
        // Port 0: GreenMail binds a free port; the real one is read after start.
        ServerSetup setup = new ServerSetup(0, LocalMail.HOST, protocol);
        // GreenMail's default of 2 seconds is short on a busy laptop or CI machine.
        setup.setServerStartupTimeout(LocalMail.TIMEOUT_MILLIS);
        return setup;
    }

    /**
     * Starts both servers and makes the bot's mailbox. Every other address gets its mailbox when its
     * first mail arrives.
     */
    void startWithBot(String botAddress, String botPassword) {
        try {
            start();
            UserManager users = getUserManager();
            setUser(botAddress, botAddress, botPassword);
            // GreenMail makes a mailbox for an unknown recipient with the address as its password and logs
            // that at INFO; ours get a random password nobody needs (the page reads them here) and no log.
            users.setMessageDeliveryHandler((message, recipient) -> mailbox(withoutSubaddress(recipient.getEmail())));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** {@code bot+tag@school.example} as {@code bot@school.example}; other addresses as they are. */
    static String withoutSubaddress(String address) {
        int at = address.lastIndexOf('@');
        int plus = at < 0 ? -1 : address.lastIndexOf('+', at);
        return plus > 0 ? address.substring(0, plus) + address.substring(at) : address;
    }

    /** The mailbox of {@code address}, made now if it has none yet. */
    private GreenMailUser mailbox(String address) throws UserException {
        synchronized (mailboxes) {
            UserManager users = managers.getUserManager();
            GreenMailUser user = users.getUserByEmail(address);
            if (user != null) {
                return user;
            }
            return users.createUser(address, address, LocalMail.randomHex(random, LocalMail.PASSWORD_BYTES));
        }
    }

    /** GreenMail's managers, with an SMTP manager that counts each mail once it is stored. */
    private static final class CountingManagers extends Managers {
        private final SmtpManager smtp;

        CountingManagers(AtomicLong accepted) {
            smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public synchronized void send(SmtpState state) {
                    super.send(state);
                    accepted.incrementAndGet();
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
