package nl.classbridge.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a translator's YAML file into a map, with the file and line named on any mistake. */
final class YamlFile {
    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlFile() {}

    static JsonNode readMap(Path file) throws CatalogueException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CatalogueException(
                    file + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogueException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogueException(file + ": expected a map of keys to texts");
        }
        return root;
    }
}
