/**
 * The health endpoint, an adapter like {@code discord} and {@code mail}: {@code GET /health} (JSON)
 * and {@code GET /metrics} (Prometheus text) over the core's {@link nl.classbridge.health.HealthCheck},
 * served by the JDK's own small HTTP server on the loopback address only ({@code ops.port}). No
 * web framework: monitoring asks a few times a minute, and the bot should stay small.
 */
package nl.classbridge.ops;
