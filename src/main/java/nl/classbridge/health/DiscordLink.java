package nl.classbridge.health;

import java.time.Duration;
import java.util.Optional;

/** The bot's connection to Discord's gateway, as the Discord adapter sees it. */
public interface DiscordLink {
    /** Whether every gateway connection is up and ready. */
    boolean connected();

    /** How long the gateway took to acknowledge a heartbeat, once it has measured one. */
    Optional<Duration> latency();
}
