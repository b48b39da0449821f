package nl.classbridge.config;

/**
 * Well-being check-ins.
 *
 * @param emailAfterHours a check-in not answered on Discord after this many hours is also sent by
 *                        email, for parents who rarely open Discord
 */
public record Checkin(int emailAfterHours) {}
