package nl.classbridge.translators;

import com.deepl.api.AuthorizationException;
import com.deepl.api.ConnectionException;
import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import com.deepl.api.DeepLException;
import com.deepl.api.Formality;
import com.deepl.api.NotFoundException;
import com.deepl.api.QuotaExceededException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.TooManyRequestsException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.config.Secret;
import nl.classbridge.domain.Language;
import nl.classbridge.translation.TranslationFailure;
import nl.classbridge.translation.Translator;

/**
 * {@code translation.provider: deepl}: DeepL's API through DeepL's own Java client. The client
 * picks the server from the key: {@value #FREE} for a DeepL API Free key (ending in {@code :fx}),
 * {@value #PRO} otherwise; {@code translation.url} replaces it (a proxy, the tests' stub). Families
 * are addressed informally, so the formality is {@code prefer_less}.
 */
public final class DeepLTranslator implements Translator {
    static final String FREE = "https://api-free.deepl.com";
    static final String PRO = "https://api.deepl.com";

    private final Optional<DeepLClient> client;
    private final LanguageList languages;

    public DeepLTranslator(Optional<URI> url, Optional<Secret> apiKey, Duration timeout, Clock clock) {
        this.client = apiKey.map(key -> {
            DeepLClientOptions options = new DeepLClientOptions();
            url.ifPresent(u -> options.setServerUrl(withoutTrailingSlash(u)));
            options.setTimeout(timeout);
            options.setMaxRetries(0); // a slow answer is given up on; the next message asks again
            options.setSendPlatformInfo(false); // DeepL needs the texts, not this machine's details
            return new DeepLClient(key.reveal(), options);
        });
        this.languages = new LanguageList(this::pairs, clock);
    }

    /** The server the texts go to, for check-config and the start-up log. */
    public static String server(Optional<URI> url, Optional<Secret> apiKey) {
        return url.map(DeepLTranslator::withoutTrailingSlash)
                .orElse(
                        apiKey.map(Secret::reveal)
                                        .filter(com.deepl.api.Translator::isFreeAccountAuthKey)
                                        .isPresent()
                                ? FREE
                                : PRO);
    }

    @Override
    public String name() {
        return "deepl";
    }

    @Override
    public boolean supports(Language from, Language to) throws TranslationFailure {
        return from != to && languages.contains(source(from), target(to));
    }

    @Override
    public List<String> translate(List<String> texts, Language from, Language to) throws TranslationFailure {
        if (texts.isEmpty()) {
            return List.of();
        }
        if (!supports(from, to)) {
            throw new TranslationFailure("unsupported-pair");
        }
        TextTranslationOptions options = new TextTranslationOptions().setFormality(Formality.PreferLess);
        List<TextResult> results = call(c -> c.translateText(texts, source(from), target(to), options));
        if (results.size() != texts.size()) {
            throw new TranslationFailure("bad-response");
        }
        return results.stream().map(TextResult::getText).toList();
    }

    /** DeepL's source codes are bare languages. */
    private static String source(Language language) {
        return language.code();
    }

    /** DeepL wants English as British or American: British is nearer to a Dutch school. */
    private static String target(Language language) {
        return language == Language.EN ? "en-gb" : language.code();
    }

    private Set<String> pairs() throws TranslationFailure {
        List<com.deepl.api.Language> sources = call(DeepLClient::getSourceLanguages);
        List<com.deepl.api.Language> targets = call(DeepLClient::getTargetLanguages);
        Set<String> pairs = new HashSet<>();
        for (com.deepl.api.Language from : sources) {
            for (com.deepl.api.Language to : targets) {
                pairs.add(LanguageList.pair(code(from), code(to)));
            }
        }
        return pairs;
    }

    private static String code(com.deepl.api.Language language) {
        return language.getCode().toLowerCase(Locale.ROOT);
    }

    private interface Call<T> {
        T on(DeepLClient client) throws DeepLException, InterruptedException;
    }

    /** One call to DeepL; every failure becomes a short code, never the client's message (it may quote). */
    private <T> T call(Call<T> call) throws TranslationFailure {
        DeepLClient c = client.orElseThrow(() -> new TranslationFailure("no-api-key"));
        try {
            return call.on(c);
        } catch (QuotaExceededException e) {
            throw new TranslationFailure("quota");
        } catch (TooManyRequestsException e) {
            throw new TranslationFailure("http-429");
        } catch (AuthorizationException e) {
            throw new TranslationFailure("http-403");
        } catch (NotFoundException e) {
            throw new TranslationFailure("http-404");
        } catch (ConnectionException e) {
            throw new TranslationFailure(e.getCause() instanceof SocketTimeoutException ? "timeout" : "unreachable");
        } catch (DeepLException e) {
            throw new TranslationFailure(generic(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationFailure("interrupted");
        } catch (RuntimeException e) {
            throw new TranslationFailure("bad-response"); // the client could not read the answer
        }
    }

    /** The client says 400 and 503 only in its message's first words. */
    private static String generic(DeepLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Bad request")) {
            return "http-400";
        }
        if (message.startsWith("Service unavailable")) {
            return "http-503";
        }
        return "provider-error";
    }

    private static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
