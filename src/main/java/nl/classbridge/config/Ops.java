package nl.classbridge.config;

/**
 * Running the bot at a school: the health endpoint for monitoring.
 *
 * @param port the port of {@code GET /health} and {@code GET /metrics} on 127.0.0.1; 0: no endpoint
 */
public record Ops(int port) {

    public boolean endpointOn() {
        return port > 0;
    }
}
