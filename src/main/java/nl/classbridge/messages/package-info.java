/**
 * Every text the bot sends, in six languages, and how it is made safe.
 *
 * <p>The {@link nl.classbridge.messages.MessageCatalogue} holds the translators' texts from
 * {@code messages/<lang>/*.yml}. {@link nl.classbridge.messages.Messages} fills a text in the
 * reader's language and gives a {@link nl.classbridge.messages.Text}: structure, not markup. A text
 * is blocks (a title, paragraphs, sections with a heading and items), each a list of spans: the
 * catalogue's words (trusted), values (names, dates, what someone wrote, which every renderer
 * escapes) and emphasis, which the catalogue writes {@code **like this**} and which is parsed once.
 * The core composes larger texts from these (the class update, for one).
 *
 * <p>Rendering is the destination's: a {@link nl.classbridge.messages.TextRenderer} per way out.
 * This package renders for email only (the plain part, the HTML part made from it, and one-line
 * headers: {@link nl.classbridge.messages.Destination}); none of it needs a mail library. The
 * Discord adapter renders Markdown with its own renderer ({@code discord.DiscordText}, escaping in
 * {@code discord.Markdown}), so nothing here knows Discord's markup.
 */
package nl.classbridge.messages;
