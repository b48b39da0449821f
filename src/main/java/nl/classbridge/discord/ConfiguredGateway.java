package nl.classbridge.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Points JDA at the gateway of {@code discord.gateway-url} instead of asking Discord for it: the
 * local Discord-compatible server in tests and the sandbox. Against a local server identifies
 * need no 5-second spacing, so shards log in one right after the other.
 */
public class ConfiguredGateway extends SessionControllerAdapter {
    private final String gatewayUrl;
    private final long identifyDelayMillis;

    public ConfiguredGateway(String gatewayUrl, long identifyDelayMillis) {
        this.gatewayUrl = gatewayUrl;
        this.identifyDelayMillis = identifyDelayMillis;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    /**
     * The shard count and identify concurrency as {@code GET /gateway/bot} gives them (it also checks
     * the token), with this gateway's URL: a {@code ShardManager} connects every shard there.
     */
    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway asked = super.getShardedGateway(api);
        return new ShardedGateway(gatewayUrl, asked.getShardTotal(), asked.getConcurrency());
    }

    @Override
    protected void runWorker() {
        synchronized (lock) {
            if (workerHandle == null) {
                workerHandle = new QueueWorker(identifyDelayMillis);
                workerHandle.start();
            }
        }
    }
}
