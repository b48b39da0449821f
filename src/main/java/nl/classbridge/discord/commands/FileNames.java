package nl.classbridge.discord.commands;

import java.text.Normalizer;
import java.util.Locale;

/** Names of the files the bot sends a teacher, in plain letters for every file system and mail program. */
final class FileNames {
    private FileNames() {}

    /** "Anne-Fleur" becomes "anne-fleur", "Zoë" "zoe"; a name without such letters becomes {@code fallback}. */
    static String plain(String name, String fallback) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? fallback : plain;
    }
}
