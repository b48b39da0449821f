package nl.classbridge.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import nl.classbridge.domain.Language;

/**
 * Translations already made, by the SHA-256 of the original and the language pair. The original
 * itself is not stored here: it lives (or is erased) where it was written.
 */
public final class TranslationCacheRepository {
    private final Database database;

    public TranslationCacheRepository(Database database) {
        this.database = database;
    }

    /** The key a text is cached under: its SHA-256, in hex. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public Optional<String> find(String text, Language from, Language to) {
        return database.read(sql -> sql.one(
                "SELECT translated FROM translation_cache WHERE text_hash = ? AND source = ? AND target = ?",
                row -> row.string("translated"),
                hash(text),
                from,
                to));
    }

    public void put(String text, Language from, Language to, String translated, Instant now) {
        database.write(sql -> sql.update("""
                INSERT OR REPLACE INTO translation_cache (text_hash, source, target, translated, created_at)
                VALUES (?, ?, ?, ?, ?)""", hash(text), from, to, translated, now));
    }

    /** Retention: forgets translations made before {@code before}; returns how many. */
    public int removeOlderThan(Instant before) {
        return database.write(sql -> sql.update("DELETE FROM translation_cache WHERE created_at < ?", before));
    }

    /** An erasure: forgets every translation of these originals, into any language; returns how many. */
    public int removeTranslationsOf(Collection<String> originals) {
        return database.write(sql -> {
            int removed = 0;
            for (String original : originals) {
                removed += sql.update("DELETE FROM translation_cache WHERE text_hash = ?", hash(original));
            }
            return removed;
        });
    }
}
