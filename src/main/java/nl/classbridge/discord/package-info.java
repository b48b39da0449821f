/**
 * The Discord adapter (JDA): the command router and one class per command
 * ({@code discord.commands}), the DM conversation ({@code discord.checkin}), Discord's limits and
 * posting ({@link nl.classbridge.discord.DiscordLimits}, {@link nl.classbridge.discord.DiscordPost}),
 * and Discord's Markdown: the core's {@link nl.classbridge.messages.Text}s rendered by
 * {@link nl.classbridge.discord.DiscordText}, values escaped character by character by
 * {@link nl.classbridge.discord.Markdown}. It translates between Discord and the core and uses
 * no other adapter.
 */
package nl.classbridge.discord;
