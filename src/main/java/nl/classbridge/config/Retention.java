package nl.classbridge.config;

/**
 * How long personal data is kept.
 *
 * @param months answers and messages older than this are deleted
 */
public record Retention(int months) {}
