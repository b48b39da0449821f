package nl.classbridge.messages;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ${name}} placeholders of a template: lower-case words with dashes, nothing else. */
final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9-]*)}");

    private Placeholders() {}

    static Set<String> in(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Whether the template has a {@code ${} that is not a well-formed placeholder. */
    static boolean hasMalformed(String template) {
        return PLACEHOLDER.matcher(template).replaceAll("").contains("${");
    }
}
