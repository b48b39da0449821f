package nl.classbridge.discord;

import java.util.HashSet;
import java.util.Set;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Waits until every shard has loaded its servers. A {@link ShardManager} starts its shards one
 * after the other in the background and has no {@code awaitReady} of its own; and a shard that
 * Discord refuses (a wrong shard count, or too many servers for one connection) shuts down instead
 * of becoming ready, so waiting only for readiness would wait for ever.
 */
final class ShardsReady implements EventListener {
    private final Set<Integer> ready = new HashSet<>();
    private ShutdownEvent refused;

    @Override
    public synchronized void onEvent(GenericEvent event) {
        if (event instanceof ReadyEvent) {
            ready.add(event.getJDA().getShardInfo().getShardId());
            notifyAll();
        } else if (event instanceof ShutdownEvent shutdown && refused == null) {
            refused = shutdown;
            notifyAll();
        }
    }

    /**
     * Blocks until all {@link ShardManager#getShardsTotal()} shards are ready (the total is known once
     * the manager has logged in its first shard).
     *
     * @throws IllegalStateException when a shard shut down before all were ready, naming the setting
     */
    synchronized void await(ShardManager shards) throws InterruptedException {
        while (ready.size() < shards.getShardsTotal()) {
            if (refused != null) {
                throw new IllegalStateException(explain(refused, shards.getShardsTotal()));
            }
            wait();
        }
    }

    private static String explain(ShutdownEvent shutdown, int total) {
        int shard = shutdown.getJDA().getShardInfo().getShardId();
        CloseCode code = shutdown.getCloseCode();
        String where =
                "Discord closed shard " + shard + " of " + total + " while starting (code " + shutdown.getCode() + ")";
        if (code == CloseCode.SHARDING_REQUIRED) {
            return where + ": the bot is in too many servers for " + total + " shard(s);"
                    + " set discord.shards to auto or a higher number";
        }
        if (code == CloseCode.INVALID_SHARD) {
            return where + ": Discord refused the shard count; set discord.shards to auto";
        }
        return where;
    }
}
