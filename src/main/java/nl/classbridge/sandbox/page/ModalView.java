package nl.classbridge.sandbox.page;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Discord modal (the small form the bot opens for a longer answer) as an HTML form. Submitting
 * it sends a modal submit to the bot through the local Discord server, as Discord would.
 */
final class ModalView {
    private static final int ACTION_ROW = 1;
    private static final int TEXT_INPUT = 4;
    private static final int LABEL = 18;
    private static final int PARAGRAPH = 2;

    private final PageTexts texts;

    ModalView(PageTexts texts) {
        this.texts = texts;
    }

    /**
     * @param modal         the modal's data as the bot sent it in its callback
     * @param actor         who fills it in
     * @param sourceMessage the message whose button opened it, or 0 when a command opened it
     */
    String render(JsonNode modal, String actor, long sourceMessage) {
        String titleId = "modal-title-" + actor;
        StringBuilder html = new StringBuilder("<div class=\"modal\" role=\"dialog\" aria-labelledby=\"")
                .append(titleId)
                .append("\">")
                .append(Forms.open("/act/" + actor + "/modal", Forms.slot(actor), "modal-form"))
                .append(Forms.hidden("message", Long.toString(sourceMessage)))
                .append(Forms.hidden("modal", modal.path("custom_id").asText()))
                .append("<h4 id=\"")
                .append(titleId)
                .append("\" dir=\"auto\">")
                .append(Html.text(modal.path("title").asText()))
                .append("</h4>");
        boolean first = true;
        for (JsonNode component : modal.path("components")) {
            int type = component.path("type").asInt();
            if (type == LABEL) {
                input(
                        component.path("component"),
                        component.path("label").asText(),
                        component.path("description").asText(""),
                        actor,
                        first,
                        html);
                first = false;
            } else if (type == ACTION_ROW) {
                for (JsonNode input : component.path("components")) {
                    input(input, input.path("label").asText(), "", actor, first, html);
                    first = false;
                }
            }
        }
        html.append("<div class=\"row\"><button class=\"b1\">")
                .append(texts.get("modal.submit"))
                .append("</button> <button class=\"b2\" type=\"button\" hx-get=\"/empty\" hx-target=\"#")
                .append(Forms.slot(actor))
                .append("\">")
                .append(texts.get("modal.cancel"))
                .append("</button></div></form></div>");
        return html.toString();
    }

    private static void input(
            JsonNode input, String label, String description, String actor, boolean first, StringBuilder html) {
        if (input.path("type").asInt() != TEXT_INPUT) {
            return; // ClassBridge's modals hold text inputs only
        }
        String id = "modal-" + actor + "-" + input.path("custom_id").asText();
        html.append("<label for=\"")
                .append(Html.text(id))
                .append("\" dir=\"auto\">")
                .append(Html.text(label));
        if (!description.isBlank()) {
            html.append(" <span class=\"hint\">").append(Html.text(description)).append("</span>");
        }
        html.append("</label>");
        String attributes = " id=\"" + Html.text(id) + "\" name=\"input."
                + Html.text(input.path("custom_id").asText())
                + "\" dir=\"auto\"" + (input.path("required").asBoolean(true) ? " required" : "")
                + (input.has("max_length")
                        ? " maxlength=\"" + input.get("max_length").asInt() + "\""
                        : "")
                + (input.has("placeholder")
                        ? " placeholder=\"" + Html.text(input.get("placeholder").asText()) + "\""
                        : "")
                + (first ? " autofocus" : "");
        String value = input.path("value").asText("");
        if (input.path("style").asInt(1) == PARAGRAPH) {
            html.append("<textarea rows=\"4\"")
                    .append(attributes)
                    .append(">")
                    .append(Html.text(value))
                    .append("</textarea>");
        } else {
            html.append("<input type=\"text\"")
                    .append(attributes)
                    .append(" value=\"")
                    .append(Html.text(value))
                    .append("\">");
        }
    }
}
