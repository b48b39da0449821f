package nl.classbridge.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class's school year ("groep" 1-8 in Dutch primary schools), read from the class's name: ClassBridge
 * stores no group of its own. "Groep 6", "groep 7/8", "Group 5" and "gr. 8" name their groups; a name
 * without one ("De Vlinders") names none.
 */
public record ClassGroup(List<Integer> groups) {
    private static final Pattern GROUP =
            Pattern.compile("(?i)\\b(?:groep|group|gr\\.?)\\s*([1-8])(?:\\s*[/&-]\\s*([1-8]))?(?!\\d)");
    /** From group 5 on, children can tell well what goes well, what is hard and what they need. */
    private static final int FIRST_OLDER = 5;

    public ClassGroup {
        groups = List.copyOf(groups);
    }

    public static ClassGroup of(String className) {
        List<Integer> groups = new ArrayList<>();
        Matcher matcher = GROUP.matcher(className);
        while (matcher.find()) {
            groups.add(Integer.parseInt(matcher.group(1)));
            if (matcher.group(2) != null) {
                groups.add(Integer.parseInt(matcher.group(2)));
            }
        }
        return new ClassGroup(groups);
    }

    /** Whether the class has children of groups 5-8, whose own view the teacher asks first. */
    public boolean olderChildren() {
        return groups.stream().anyMatch(group -> group >= FIRST_OLDER);
    }
}
