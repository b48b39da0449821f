package nl.classbridge.sandbox.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's slash commands as small forms, built from what the bot registered with the local
 * Discord server: a form per (sub)command, a field per option, choices as a select, and suggestions
 * from the bot's own autocomplete handler. Names and descriptions follow the page's language the way
 * Discord shows a command's localisations.
 */
final class CommandForms {
    /** Discord's option types. */
    static final int SUBCOMMAND = 1;

    static final int GROUP = 2;
    static final int INTEGER = 4;
    static final int BOOLEAN = 5;
    static final int USER = 6;
    static final int NUMBER = 10;

    /**
     * The order of the teacher's panel: the tour's commands first, then the conversation cycle in the
     * order a teacher uses it (plan, prepare, agree), then setting up the class.
     */
    static final List<String> ORDER = List.of(
            "update",
            "checkin",
            "conversation",
            "prep",
            "agreement",
            "class",
            "privacy",
            "student",
            "invite",
            "guardian");

    private final PageTexts texts;

    CommandForms(PageTexts texts) {
        this.texts = texts;
    }

    /**
     * What one form runs.
     *
     * @param path    the command as typed, in English: {@code update preview}
     * @param name    the command as Discord shows it in the reader's language: {@code /klasnieuws voorbeeld}
     * @param about   its description in the reader's language
     * @param options its option definitions
     */
    record Command(String path, String name, String about, List<JsonNode> options) {}

    /** Every command a form can run, teacher commands only (those with default member permissions). */
    List<Command> commands(JsonNode registered) {
        List<JsonNode> sorted = new ArrayList<>();
        registered.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparingInt(command -> {
            int place = ORDER.indexOf(command.path("name").asText());
            return place < 0 ? ORDER.size() : place;
        }));
        List<Command> commands = new ArrayList<>();
        for (JsonNode command : sorted) {
            if (command.hasNonNull("default_member_permissions")) {
                collect(command, command.path("name").asText(), "/" + localized(command, "name"), command, commands);
            }
        }
        return commands;
    }

    private void collect(JsonNode node, String path, String name, JsonNode described, List<Command> into) {
        List<JsonNode> options = new ArrayList<>();
        for (JsonNode option : node.path("options")) {
            int type = option.path("type").asInt();
            if (type == SUBCOMMAND || type == GROUP) {
                collect(
                        option,
                        path + " " + option.path("name").asText(),
                        name + " " + localized(option, "name"),
                        option,
                        into);
            } else {
                options.add(option);
            }
        }
        boolean hasSubcommands = options.size() < node.path("options").size();
        // A form cannot pick a Discord member; the sandbox's school has one teacher, so co-teachers
        // (/class teacher add|remove) are left out of the page.
        boolean picksMember =
                options.stream().anyMatch(option -> option.path("type").asInt() == USER);
        if (!hasSubcommands && !picksMember) {
            into.add(new Command(path, name, localized(described, "description"), options));
        }
    }

    /** The option {@code name} of the command at {@code path}, as registered. */
    Optional<JsonNode> option(JsonNode registered, String path, String name) {
        return commands(registered).stream()
                .filter(command -> command.path().equals(path))
                .findFirst()
                .flatMap(command -> command.options().stream()
                        .filter(option -> option.path("name").asText().equals(name))
                        .findFirst());
    }

    /** The teacher's command list: a disclosure per top-level command, with a form per subcommand. */
    String render(JsonNode registered) {
        StringBuilder html = new StringBuilder();
        String group = null;
        for (Command command : commands(registered)) {
            String top = command.path().split(" ")[0];
            if (!top.equals(group)) {
                if (group != null) {
                    html.append("</details>");
                }
                group = top;
                JsonNode registeredTop = topLevel(registered, top);
                html.append("<details class=\"command\" id=\"cmd-")
                        .append(Html.text(top))
                        .append("\"><summary><code>/")
                        .append(Html.text(localized(registeredTop, "name")))
                        .append("</code> ")
                        .append(Html.text(localized(registeredTop, "description")))
                        .append("</summary>");
            }
            form(command, html);
        }
        if (group != null) {
            html.append("</details>");
        }
        return html.toString();
    }

    private void form(Command command, StringBuilder html) {
        String id = "c-" + command.path().replace(' ', '-');
        html.append(Forms.open("/teacher/command", Forms.slot("teacher"), "command-form"))
                .append(Forms.hidden("command", command.path()))
                .append("<h4><code>")
                .append(Html.text(command.name()))
                .append("</code></h4>")
                .append("<p class=\"hint\">")
                .append(Html.text(command.about()))
                .append("</p>");
        if (CommandRunner.asIct(command.path())) {
            html.append("<p class=\"hint runs-as\">")
                    .append(texts.get("teacher.runs-as-ict"))
                    .append("</p>");
        }
        for (JsonNode option : command.options()) {
            field(id, option, html);
        }
        html.append("<button class=\"b1\" id=\"")
                .append(Html.text(id))
                .append("-run\">")
                .append(texts.get("teacher.run", Map.of("command", command.name())))
                .append("</button></form>");
    }

    private void field(String formId, JsonNode option, StringBuilder html) {
        String name = option.path("name").asText();
        String id = formId + "-" + name;
        boolean required = option.path("required").asBoolean(false);
        html.append("<label for=\"").append(Html.text(id)).append("\">").append(Html.text(localized(option, "name")));
        if (!required) {
            html.append(" <span class=\"hint\">")
                    .append(texts.get("teacher.optional"))
                    .append("</span>");
        }
        html.append(" <span class=\"hint\">")
                .append(Html.text(localized(option, "description")))
                .append("</span></label>");
        String attributes =
                " id=\"" + Html.text(id) + "\" name=\"option." + Html.text(name) + "\"" + (required ? " required" : "");
        int type = option.path("type").asInt();
        if (option.has("choices") || type == BOOLEAN) {
            html.append("<select").append(attributes).append(">");
            if (!required) {
                html.append("<option value=\"\">")
                        .append(texts.get("teacher.choose"))
                        .append("</option>");
            }
            if (type == BOOLEAN) {
                html.append("<option value=\"true\">")
                        .append(texts.get("teacher.yes"))
                        .append("</option>")
                        .append("<option value=\"false\">")
                        .append(texts.get("teacher.no"))
                        .append("</option>");
            }
            for (JsonNode choice : option.path("choices")) {
                html.append("<option value=\"")
                        .append(Html.text(choice.path("value").asText()))
                        .append("\">")
                        .append(Html.text(localized(choice, "name")))
                        .append("</option>");
            }
            html.append("</select>");
        } else if (type == INTEGER || type == NUMBER) {
            html.append("<input type=\"number\"")
                    .append(attributes)
                    .append(type == INTEGER ? " step=\"1\"" : " step=\"any\"");
            if (option.has("min_value")) {
                html.append(" min=\"")
                        .append(Html.text(option.get("min_value").asText()))
                        .append("\"");
            }
            if (option.has("max_value")) {
                html.append(" max=\"")
                        .append(Html.text(option.get("max_value").asText()))
                        .append("\"");
            }
            html.append(">");
        } else {
            html.append("<input type=\"text\" dir=\"auto\" autocomplete=\"off\"")
                    .append(attributes);
            if (option.has("max_length")) {
                html.append(" maxlength=\"")
                        .append(option.get("max_length").asInt())
                        .append("\"");
            }
            if (option.path("autocomplete").asBoolean(false)) {
                // The browser shows the bot's suggestions under the field as the teacher types.
                String list = id + "-suggestions";
                html.append(" list=\"")
                        .append(Html.text(list))
                        .append("\" hx-get=\"/teacher/suggest\"")
                        .append(" hx-trigger=\"focus, input changed delay:200ms\" hx-target=\"#")
                        .append(Html.text(list))
                        .append("\" hx-include=\"closest form\" hx-vals='{\"focused\": \"")
                        .append(Html.text(name))
                        .append("\"}'><datalist id=\"")
                        .append(Html.text(list))
                        .append("\"></datalist>");
            } else {
                html.append(">");
            }
        }
    }

    private static JsonNode topLevel(JsonNode registered, String name) {
        for (JsonNode command : registered) {
            if (command.path("name").asText().equals(name)) {
                return command;
            }
        }
        throw new IllegalArgumentException("no command " + name);
    }

    /** A name or description in the page's language, as Discord shows a command's localisations. */
    private String localized(JsonNode node, String field) {
        JsonNode local =
                node.path(field + "_localizations").path(texts.language().code());
        return local.isTextual() ? local.asText() : node.path(field).asText();
    }
}
