package nl.classbridge.sandbox.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.classbridge.domain.Language;

/**
 * The commands a family can run from its panel: every command the bot registered for everyone
 * (globally: in DMs and in the class channel), except {@code /join}, which the page does for the
 * family already, and except a command that needs an option the page cannot ask for. Built from what
 * the bot registered, so a family command added to the bot shows up without touching the page.
 */
final class FamilyCommands {
    /** Joining is how a family comes to the page at all. */
    private static final String JOIN = "join";

    /** One command as the panel offers it. */
    record Offered(String name, String shownName, String description) {}

    private FamilyCommands() {}

    /** The offered commands, in the order the bot registered them, named in the page's language. */
    static List<Offered> offered(JsonNode registered, Language language) {
        List<Offered> offered = new ArrayList<>();
        for (JsonNode command : registered) {
            String name = command.path("name").asText();
            if (name.isEmpty() || name.equals(JOIN) || needsAnOption(command)) {
                continue;
            }
            offered.add(new Offered(
                    name,
                    command.path("name_localizations").path(language.code()).asText(name),
                    command.path("description_localizations")
                            .path(language.code())
                            .asText(command.path("description").asText())));
        }
        return offered;
    }

    /** Whether {@code name} is one of the offered commands. */
    static boolean isOffered(JsonNode registered, String name) {
        return offered(registered, Language.EN).stream()
                .anyMatch(command -> command.name().equals(name));
    }

    private static boolean needsAnOption(JsonNode command) {
        for (JsonNode option : command.path("options")) {
            if (option.path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }
}
