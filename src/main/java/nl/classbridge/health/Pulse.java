package nl.classbridge.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.classbridge.domain.Heartbeat;

/**
 * What the running bot's parts report about themselves, as they go: the Discord link once it is
 * made, each successful look in the mailbox, each scheduled job's next run. {@link #beat} turns it
 * into a {@link Heartbeat}. Safe to call from any thread.
 */
public final class Pulse {
    private final Instant startedAt;
    private final boolean discordExpected;
    private final Optional<Duration> pollInterval;
    private final boolean smtp;
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    private volatile DiscordLink discord;
    private volatile Instant lastMailRead;

    /**
     * @param discordExpected a Discord token is set: until the link is made, Discord counts as disconnected
     * @param pollInterval    how often the mailbox is read; empty when IMAP is not configured
     * @param smtp            whether outgoing mail is configured
     */
    public Pulse(Instant startedAt, boolean discordExpected, Optional<Duration> pollInterval, boolean smtp) {
        this.startedAt = startedAt;
        this.discordExpected = discordExpected;
        this.pollInterval = pollInterval;
        this.smtp = smtp;
    }

    /** Discord's gateway is logged in; from now on its own state counts. */
    public void discord(DiscordLink link) {
        this.discord = link;
    }

    /** A look in the mailbox went through (whether or not it found mail). */
    public void mailRead(Instant at) {
        this.lastMailRead = at;
    }

    /** A scheduled job will run next at {@code at}. */
    public void nextRun(String job, Instant at) {
        nextRuns.put(job, at);
    }

    /** What the bot can say about itself at {@code now}. */
    public Heartbeat beat(Instant now) {
        DiscordLink link = discord;
        Optional<Heartbeat.Gateway> gateway = link != null
                ? Optional.of(new Heartbeat.Gateway(link.connected(), link.latency()))
                : discordExpected ? Optional.of(new Heartbeat.Gateway(false, Optional.empty())) : Optional.empty();
        Optional<Instant> read = Optional.ofNullable(lastMailRead);
        return new Heartbeat(
                now,
                startedAt,
                gateway,
                pollInterval.map(interval -> new Heartbeat.MailReading(interval, read)),
                smtp,
                Map.copyOf(nextRuns));
    }
}
