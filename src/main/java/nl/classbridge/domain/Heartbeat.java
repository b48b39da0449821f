package nl.classbridge.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the running bot last said about itself, every few seconds: stored, so that
 * {@code classbridge status} in another process can read it. States and times only, no personal data.
 *
 * @param writtenAt     when the bot wrote it
 * @param startedAt     when the bot started
 * @param discord       the gateway connection; empty without a Discord token
 * @param mailReading   how the mailbox is read; empty when IMAP is not configured
 * @param smtp          whether outgoing mail is configured
 * @param nextRuns      each scheduled job's next run, by job name (sorted)
 */
public record Heartbeat(
        Instant writtenAt,
        Instant startedAt,
        Optional<Gateway> discord,
        Optional<MailReading> mailReading,
        boolean smtp,
        Map<String, Instant> nextRuns) {

    public Heartbeat {
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(mailReading, "mailReading");
        // Sorted by job name, so the status reads the same every time.
        nextRuns = Collections.unmodifiableSortedMap(new TreeMap<>(nextRuns));
    }

    /** Discord's gateway: connected or not, and the time a heartbeat took to be acknowledged. */
    public record Gateway(boolean connected, Optional<Duration> latency) {
        public Gateway {
            Objects.requireNonNull(latency, "latency");
        }
    }

    /** The mailbox is looked at every {@code pollInterval}; the last look that worked, if any. */
    public record MailReading(Duration pollInterval, Optional<Instant> lastRead) {
        public MailReading {
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(lastRead, "lastRead");
        }
    }
}
