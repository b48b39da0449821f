package nl.classbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.ConfigKey;
import nl.classbridge.config.Discord;
import nl.classbridge.config.Imap;
import nl.classbridge.config.Mail;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.ReplyTokenPlace;
import nl.classbridge.config.School;
import nl.classbridge.config.Secret;
import nl.classbridge.config.Settings;
import nl.classbridge.config.Smtp;
import nl.classbridge.config.Store;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.mail.LocalMail;

/**
 * The whole bot on this machine, for trying ClassBridge without Discord: the real bot (JDA, the
 * services, the outbox, the scheduler, SMTP and IMAP through Jakarta Mail) with only its far ends
 * replaced by local ones: the local Discord-compatible server, GreenMail for SMTP and IMAP, its own
 * SQLite file, and a clock the page can move forward. Everything listens on 127.0.0.1 only.
 *
 * <p>{@link #start} builds it in this order and {@link #close} stops it in reverse; a failure halfway
 * stops what was started. The web page ({@code sandbox.page}, which shows this sandbox) is started
 * last through a {@link Page.Starter} the caller hands in, so this package does not depend on it.
 */
public final class Sandbox implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    /** Faster than a school would send, so a check-in reaches the eight families at once. */
    private static final double DMS_PER_SECOND = 10;
    /** The local mail server announces new mail (IDLE); this is only the fallback. */
    private static final int INBOX_POLL_SECONDS = 5;

    private final SandboxParts parts;

    /** The sandbox's web page, as the sandbox starts and stops it. */
    public interface Page extends AutoCloseable {
        /** Where the page is: {@code http://127.0.0.1:<port>/}. */
        URI address();

        @Override
        void close();

        /** Starts the page for a sandbox on 127.0.0.1 at {@code port} (0: any free port). */
        @FunctionalInterface
        interface Starter {
            Page start(int port, Sandbox sandbox) throws SandboxException, CatalogueException;
        }
    }

    private Sandbox(SandboxParts parts) {
        this.parts = parts;
    }

    /**
     * Starts the sandbox with the {@code configured} settings, the bot's Discord, mail and database
     * replaced by the local parts (see {@link #local}), and its web page with {@code page}.
     * {@code reset} starts with a new database.
     *
     * @throws SandboxException when the page's port is taken or the database is the production one
     */
    public static Sandbox start(Settings configured, boolean reset, Clock real, Page.Starter page)
            throws SandboxException, CatalogueException, InterruptedException {
        Path database = configured.sandbox().database();
        refuseProductionDatabase(configured);
        int port = configured.sandbox().port();
        refuseTakenPort(port);
        if (reset) {
            forget(database);
        }
        SandboxParts parts = new SandboxParts(database);
        Sandbox sandbox = new Sandbox(parts);
        try {
            parts.clock = SandboxClock.open(
                    real, clockFile(database), configured.school().timezone());
            parts.discord = LocalDiscord.builder().clock(parts.clock).start();
            parts.school = SandboxSchool.onto(parts.discord);
            parts.mail = LocalMail.start(SandboxSchool.BOT_ADDRESS, parts.clock);
            parts.settings = local(configured, parts);
            parts.bot = ClassBridge.start(parts.settings, parts.clock);
            parts.clock.save();
            parts.clock.whenMoved(parts.bot::clockMoved);
            if (!parts.school.isSetUp(parts.bot.store())) {
                parts.fresh = true;
                parts.school.setUpThroughTheBot(parts.bot.store());
            }
            parts.page = page.start(port, sandbox);
        } catch (SandboxException | CatalogueException | InterruptedException | RuntimeException e) {
            parts.close();
            if (parts.fresh) {
                forget(database); // a school set up halfway is set up again at the next start
            }
            throw e;
        }
        return sandbox;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI page() {
        return parts.page.address();
    }

    public LocalDiscord discord() {
        return parts.discord;
    }

    public LocalMail mail() {
        return parts.mail;
    }

    public SandboxSchool school() {
        return parts.school;
    }

    public SandboxClock clock() {
        return parts.clock;
    }

    public ClassBridge bot() {
        return parts.bot;
    }

    /** The settings the bot runs with: the configured ones, with the local parts filled in. */
    public Settings settings() {
        return parts.settings;
    }

    /** The sandbox's own database file. */
    public Path database() {
        return parts.database;
    }

    /** Blocks until the sandbox is closed (from the shutdown hook on Ctrl-C or SIGTERM). */
    public void awaitStop() {
        ClassBridge bot = parts.bot;
        if (bot != null) {
            bot.awaitStop(); // the bot is the first part a close stops that one can wait for
        }
    }

    @Override
    public void close() {
        parts.close();
    }

    /**
     * The settings the bot runs with: the configured ones (time zone, language, quiet hours, texts,
     * retention), with its Discord, its mail, its database and its school's name replaced by the
     * sandbox's. Built whole rather than overridden key by key, so no configured mail server, token or
     * password can reach the sandbox, not even one from the config file.
     */
    static Settings local(Settings configured, SandboxParts parts) {
        LocalDiscord discord = parts.discord;
        LocalMail mail = parts.mail;
        return new Settings(
                new School(
                        SandboxSchool.SCHOOL,
                        configured.school().timezone(),
                        configured.school().defaultLanguage()),
                new Store(parts.database),
                configured.texts(),
                new Discord(
                        Optional.of(Secret.of(discord.botToken())),
                        URI.create(discord.restUrl()),
                        URI.create(discord.gatewayUrl()),
                        SandboxSchool.TEACHER_ROLE,
                        DMS_PER_SECOND,
                        List.of(parts.school.guild().id()),
                        OptionalInt.empty()),
                new Mail(
                        SandboxSchool.CLASS + " - " + SandboxSchool.SCHOOL + " <" + mail.botAddress() + ">",
                        mail.botAddress(),
                        // The local server delivers bot+TOKEN@ to the bot's mailbox, as servers with subaddressing do.
                        ReplyTokenPlace.PLUS_ADDRESS,
                        new Smtp(Optional.of(LOOPBACK), mail.smtpPort(), MailSecurity.NONE, "", Optional.empty()),
                        // No verdicts to trust: the local server checks no SPF, DKIM or DMARC.
                        new Imap(
                                Optional.of(LOOPBACK),
                                mail.imapPort(),
                                MailSecurity.NONE,
                                mail.botLogin(),
                                Optional.of(Secret.of(mail.botPassword())),
                                "INBOX",
                                INBOX_POLL_SECONDS,
                                configured.mail().imap().keepDays(),
                                configured.mail().imap().maxMessageBytes(),
                                Optional.empty())),
                configured.quietHours(),
                configured.retention(),
                configured.logging(),
                configured.updates(),
                configured.checkin(),
                // The school's translator choice holds in the sandbox too; with none, the page shows originals.
                configured.translation(),
                configured.ops(),
                configured.sandbox());
    }

    private static void refuseProductionDatabase(Settings settings) throws SandboxException {
        Path sandbox = settings.sandbox().database().toAbsolutePath().normalize();
        Path production = settings.database().path().toAbsolutePath().normalize();
        if (sandbox.equals(production)) {
            throw new SandboxException("sandbox.database: " + settings.sandbox().database()
                    + " is the production database (database.path); give the sandbox a file of its own,"
                    + " such as data/sandbox.db");
        }
    }

    private static void refuseTakenPort(int port) throws SandboxException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new SandboxException("sandbox.port: 127.0.0.1:" + port + " is in use by another program; set"
                    + " sandbox.port (or " + ConfigKey.SANDBOX_PORT.environmentVariable() + ") to a free port,"
                    + " or 0 for any free port");
        }
    }

    /** {@code --reset}: the database, its WAL files and the sandbox's time are removed. */
    private static void forget(Path database) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(database + suffix));
            }
            Files.deleteIfExists(clockFile(database));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sandbox's database " + database, e);
        }
    }

    static Path clockFile(Path database) {
        return Path.of(database + ".clock");
    }
}
