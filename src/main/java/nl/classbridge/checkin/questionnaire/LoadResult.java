package nl.classbridge.checkin.questionnaire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questionnaires of a folder that could be used, and one line for each file that could not.
 * A broken file does not keep the others from loading.
 *
 * @param loaded   by questionnaire id, in file name order
 * @param problems one line per broken file, naming file, line and reason
 */
public record LoadResult(Map<String, LoadedQuestionnaire> loaded, List<String> problems) {

    public LoadResult {
        loaded = Collections.unmodifiableMap(new LinkedHashMap<>(loaded));
        problems = List.copyOf(problems);
    }
}
