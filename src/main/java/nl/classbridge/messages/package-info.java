/**
 * Every text the bot sends, in six languages, and how it is made safe.
 *
 * <p>The {@link nl.classbridge.messages.MessageCatalogue} holds the translators' texts from
 * {@code messages/<lang>/*.yml}. {@link nl.classbridge.messages.Messages} fills a text in the
 * reader's language and gives a {@link nl.classbridge.messages.Text}: structure, not markup. A text
 * is blocks (a title, paragraphs, sections with a heading and items), each a list of spans: the
 * catalogue's words (trusted), values (names, dates, what someone wrote, which every renderer
 * escapes) and emphasis, which the catalogue writes {@code **like this**} and which is parsed once.
 * The core composes larger texts from these (the class update, for one), and an email as its
 * subject and body ({@link nl.classbridge.messages.EmailText}, with the footer every email to a
 * family ends with, {@link nl.classbridge.messages.EmailFooter}).
 *
 * <p>Rendering is the destination's: a {@link nl.classbridge.messages.TextRenderer} per way out,
 * and each is an adapter's. This package holds the walk over the structure and the cleaning every
 * value gets first; the Discord adapter renders Markdown ({@code discord.DiscordText}, escaping in
 * {@code discord.Markdown}), the mail adapter an email's plain part, HTML part and headers
 * ({@code mail.MailText}), the sandbox page its own texts. Nothing here knows any markup.
 */
package nl.classbridge.messages;
