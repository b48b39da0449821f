package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files sent with a message (a multipart body's {@code files[n]} parts), kept as Discord keeps them: the
 * message's {@code attachments} entry that names part {@code n} gets an id, the size, the content type
 * and a URL on this server, where the file can be read back.
 */
final class Attachments {
    /** A file as it came in a multipart part. */
    record Upload(String filename, String contentType, byte[] content) {}

    private final Map<Long, Upload> stored = new HashMap<>();
    private volatile String baseUrl = "http://127.0.0.1/";

    /** Where {@code GET attachments/{id}/{filename}} is served; ends in {@code /}. */
    void baseUrl(String url) {
        baseUrl = url;
    }

    /**
     * Keeps the uploads that {@code body}'s attachments (or its {@code data}'s, for an interaction
     * response) name, and completes those entries as Discord returns them. Entries naming no upload stay.
     */
    void take(JsonNode body, Map<String, Upload> uploads, Snowflakes ids) {
        for (JsonNode holder : new JsonNode[] {body, body.path("data")}) {
            for (JsonNode entry : holder.path("attachments")) {
                Upload upload = uploads.get("files[" + entry.path("id").asText() + "]");
                if (upload == null || !(entry instanceof ObjectNode attachment)) {
                    continue;
                }
                long id = ids.next();
                synchronized (stored) {
                    stored.put(id, upload);
                }
                String filename = attachment.path("filename").asText(upload.filename());
                String url = baseUrl + "attachments/" + id + "/" + filename;
                attachment
                        .put("id", Json.id(id))
                        .put("filename", filename)
                        .put("size", upload.content().length)
                        .put(
                                "content_type",
                                upload.contentType() == null ? "application/octet-stream" : upload.contentType())
                        .put("url", url)
                        .put("proxy_url", url);
            }
        }
    }

    /** The file with this id, if one was sent. */
    Optional<Upload> find(long id) {
        synchronized (stored) {
            return Optional.ofNullable(stored.get(id));
        }
    }
}
