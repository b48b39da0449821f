package nl.classbridge.sandbox.page;

/**
 * The page's forms: plain HTML forms that work without a script (the server answers with a
 * redirect), and that htmx sends in the background when it runs, putting the answer in a slot.
 */
final class Forms {
    private Forms() {}

    /** The id of the element where the answers to {@code actor}'s actions appear (a form, a note). */
    static String slot(String actor) {
        return "slot-" + actor;
    }

    /** A form posting to {@code action}; htmx puts the answer into the element with id {@code target}. */
    static String open(String action, String target, String cssClass) {
        return "<form method=\"post\" action=\"" + Html.text(action) + "\" hx-post=\"" + Html.text(action)
                + "\" hx-target=\"#" + Html.text(target) + "\" hx-swap=\"innerHTML\" class=\"" + cssClass + "\">";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.text(name) + "\" value=\"" + Html.text(value) + "\">";
    }
}
