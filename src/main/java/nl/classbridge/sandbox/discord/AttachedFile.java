package nl.classbridge.sandbox.discord;

import java.nio.charset.StandardCharsets;

/**
 * A file the bot sent with a message, as this server keeps it.
 *
 * @param filename    the name the bot gave it
 * @param contentType the type the bot said, e.g. {@code text/markdown; charset=utf-8}
 * @param content     the bytes as sent
 */
public record AttachedFile(String filename, String contentType, byte[] content) {

    /** The content read as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Whether it is text a page can show: a {@code text/*} type or a {@code .md} or {@code .txt} name. */
    public boolean readable() {
        String type = contentType == null ? "" : contentType;
        return type.startsWith("text/") || filename.endsWith(".md") || filename.endsWith(".txt");
    }
}
