/**
 * The adapters behind {@link nl.classbridge.translation.Translator}: a LibreTranslate server the
 * school runs itself ({@link nl.classbridge.translators.LibreTranslateTranslator}) and DeepL's API
 * ({@link nl.classbridge.translators.DeepLTranslator}). They send the free texts and the language
 * pair, nothing else, and never log a text: a failure is a {@link
 * nl.classbridge.translation.TranslationFailure} with a short code (http-429, quota, timeout...),
 * without the provider's message, which may quote the text.
 */
package nl.classbridge.translators;
