package nl.classbridge.discord;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Points JDA at the gateway of {@code discord.gateway-url} instead of asking Discord for it: the
 * local Discord-compatible server in tests and the sandbox. Against a local server identifies
 * need no 5-second spacing.
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
