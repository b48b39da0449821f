package nl.classbridge.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;

/**
 * What an info item of a questionnaire says to a family: the one place that decides it, for Discord
 * and email alike. Mostly the questionnaire's own text; but the item {@value #TEACHER_NEEDS} (what
 * the teacher needs from parents) says the teacher's own words, when the teacher wrote them with
 * {@code /class needs}: introduced in the family's language, then as the family reads them (a
 * value, escaped wherever it goes; machine-translated with the original beside it when the school
 * translates, see {@link CheckinContexts}).
 */
public final class InfoTexts {
    /** The id of the info item the teacher's own words replace. */
    public static final String TEACHER_NEEDS = "teacher-needs";

    private InfoTexts() {}

    /** The item as this family reads it. */
    public static Text of(Question item, CheckinContext context, Messages messages) {
        if (item.id().equals(TEACHER_NEEDS) && context.classNeeds().isPresent()) {
            List<Text.Block> blocks = new ArrayList<>(
                    messages.text("checkin.needs-intro", context.chain(), Map.of("teacher", context.teacher()))
                            .blocks());
            blocks.add(new Text.Paragraph(context.classNeeds().get()));
            return new Text(blocks, context.language());
        }
        // The questionnaire's own texts are the school's, written like the catalogue's: words, not values.
        return Text.of(List.of(new Text.Words(item.text(context.language()))), context.language());
    }
}
