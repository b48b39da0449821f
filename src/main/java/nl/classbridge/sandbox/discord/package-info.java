/**
 * A local Discord-compatible server: enough of Discord's REST API v10 and gateway for the real JDA
 * client to log in and work, bound to a free loopback port.
 *
 * <p>It is test infrastructure and the heart of the local sandbox: {@link
 * nl.classbridge.sandbox.discord.LocalDiscord} starts it, seeds guilds and users, injects what people
 * do (slash commands, button presses, modal submits, DM texts), records what the bot sends, and
 * injects faults (closed DMs, 429s, 5xx, a dropped gateway connection). Payloads follow Discord's
 * documented shapes; a route that is not implemented is logged and answered 404 with a
 * Discord-shaped error, so a test shows what is missing.
 */
package nl.classbridge.sandbox.discord;
