/**
 * Machine translation of free text, both ways: what a teacher writes (highlights, agreements, the
 * needs statement, notes) to a family's language, and what a family writes (answers, "I see it
 * differently", email replies) to the class's language. Templates are never sent: they are
 * hand-written in six languages. Names are not sent either: callers pass the free text only.
 *
 * <p>How to use it: ask {@link nl.classbridge.translation.Translations} for a
 * {@link nl.classbridge.translation.Rendition} of a text (or several at once) from a language to a
 * language, and compose it with {@link nl.classbridge.translation.TranslatedText} in the reader's
 * languages. A rendition is one of:
 * <ul>
 *   <li>{@code OFF}: the school translates nothing ({@code translation.provider: none}, the
 *       default): show the original as before;</li>
 *   <li>{@code SAME_LANGUAGE}: nothing to translate;</li>
 *   <li>{@code TRANSLATED}: the translation, labelled "machine translation" in the reader's
 *       language, with the original beside it;</li>
 *   <li>{@code UNAVAILABLE}: the translator was down, too slow ({@code translation.timeout-ms}) or
 *       does not know the pair: the original, with a line saying a translation was not available.
 *       Delivery is never held back for a translation.</li>
 * </ul>
 * The {@link nl.classbridge.translation.Translator} port has adapters for LibreTranslate and DeepL;
 * translations are cached in SQLite by the text's hash and the language pair, and the cache falls
 * under retention.
 */
package nl.classbridge.translation;
