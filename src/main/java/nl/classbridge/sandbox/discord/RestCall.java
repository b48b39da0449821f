package nl.classbridge.sandbox.discord;

import java.time.Instant;

/**
 * A REST request the server answered, for tests that check what the bot called and how often.
 *
 * @param method HTTP method
 * @param route  the route template, e.g. {@code channels/{channel_id}/messages}; for an unknown route the
 *               path with long segments (tokens) masked
 * @param status the HTTP status answered
 * @param at     when it was answered
 */
public record RestCall(String method, String route, int status, Instant at) {}
