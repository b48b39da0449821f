package nl.classbridge.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.classbridge.config.Imap;
import nl.classbridge.config.Mail;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.ReplyTokenPlace;
import nl.classbridge.config.Secret;
import nl.classbridge.config.Smtp;
import nl.classbridge.delivery.Dispatcher;
import nl.classbridge.delivery.HandOff;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/**
 * A school's email path for real: outbox and dispatcher over a SQLite file, the SMTP sender, and
 * GreenMail on loopback (not started: tests start it when the mail server should be up). The
 * composer renders each row from a map the test fills, as a feature would from its texts.
 */
final class SchoolMail implements AutoCloseable {
    static final String FROM = "Groep 5 <klas@school.example>";
    static final String REPLY_TO = "antwoord@school.example";

    /** Who was told that a family cannot be reached, and why. */
    record Notice(long guardianId, DeliveryChannel channel, String reason) {}

    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final LocalMailServer server = LocalMailServer.onFreePorts();
    final Map<String, ComposedEmail> emails = new ConcurrentHashMap<>();
    final List<Notice> notices = new ArrayList<>();
    final SchoolClass groep5;
    final Outbox outbox;
    final SmtpSender sender;
    final Dispatcher dispatcher;

    SchoolMail(Path folder) {
        this(folder, "", Optional.empty(), SmtpSender.Connections.REUSE, ReplyTokenPlace.PLUS_ADDRESS);
    }

    SchoolMail(Path folder, ReplyTokenPlace tokenPlace) {
        this(folder, "", Optional.empty(), SmtpSender.Connections.REUSE, tokenPlace);
    }

    SchoolMail(Path folder, String username, Optional<Secret> password, SmtpSender.Connections connections) {
        this(folder, username, password, connections, ReplyTokenPlace.PLUS_ADDRESS);
    }

    private SchoolMail(
            Path folder,
            String username,
            Optional<Secret> password,
            SmtpSender.Connections connections,
            ReplyTokenPlace tokenPlace) {
        store = new TestStore(folder);
        groep5 = store.aClass();
        outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0)),
                ZoneId.of("Europe/Amsterdam"));
        sender = new SmtpSender(
                mail(server.smtpPort(), username, password, tokenPlace),
                this::compose,
                store.deliveries,
                clock,
                connections);
        dispatcher = new Dispatcher(
                outbox,
                store.deliveries,
                store.guardians,
                List.of(sender),
                HandOff.none(),
                (guardian, channel, reason) -> notices.add(new Notice(guardian.id(), channel, reason)),
                clock,
                50,
                Dispatcher.DEFAULT_MAX_ATTEMPTS);
    }

    static Mail mail(int port, String username, Optional<Secret> password, ReplyTokenPlace tokenPlace) {
        return new Mail(
                FROM,
                REPLY_TO,
                tokenPlace,
                new Smtp(Optional.of(LocalMailServer.HOST), port, MailSecurity.NONE, username, password),
                new Imap(
                        Optional.empty(),
                        993,
                        MailSecurity.SSL,
                        "",
                        Optional.empty(),
                        "INBOX",
                        60,
                        30,
                        2_097_152,
                        Optional.empty()));
    }

    private Optional<ComposedEmail> compose(Delivery delivery) {
        return Optional.ofNullable(emails.get(delivery.dedupeKey()));
    }

    Guardian family(String address) {
        return store.guardians.addEmail(address, Optional.empty(), clock.instant());
    }

    /** Queues {@code email} for the family at its address, under {@code key}. */
    Delivery queue(String key, Guardian guardian, ComposedEmail email) {
        emails.put(key, email);
        return outbox.enqueue(OutgoingMessage.toGuardian(
                key, groep5.id(), guardian.id(), DeliveryChannel.EMAIL, "class-update", "rendered by the composer"));
    }

    /** A plain class update to {@code address}, queued under {@code key}. */
    Delivery queueUpdate(String key, String address) {
        return queue(
                key,
                family(address),
                ComposedEmail.of(
                        address,
                        "Nieuws uit groep 5",
                        "Hallo, vandaag hebben we geknutseld.",
                        "<p>Hallo, vandaag hebben we geknutseld.</p>",
                        "nl"));
    }

    Delivery reload(Delivery delivery) {
        return store.deliveries.find(delivery.id()).orElseThrow();
    }

    Guardian reload(Guardian guardian) {
        return store.guardians.find(guardian.id()).orElseThrow();
    }

    /** Dispatch passes until a pass takes nothing; the clock does not move. */
    void dispatchAllDue() {
        for (int pass = 0; pass < 1000; pass++) {
            if (dispatcher.dispatchDue() == 0) {
                return;
            }
        }
        throw new AssertionError("the dispatcher kept finding work");
    }

    List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        sender.close();
        server.stop();
        store.close();
    }
}
