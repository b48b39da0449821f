package nl.classbridge.checkin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.checkin.questionnaire.LoadResult;
import nl.classbridge.checkin.questionnaire.LoadedQuestionnaire;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.domain.QuestionnaireVersion;
import nl.classbridge.store.QuestionnaireRepository;

/**
 * The questionnaires a teacher can start now: the files in the questionnaire folder, each with
 * the stored version it is asked as. Loading remembers every new text as a new version, so a
 * round started today keeps pointing to today's questions after the file is edited.
 */
public final class ActiveQuestionnaires {
    /**
     * The questionnaires asked before and after a parent conversation: about one child, sent by
     * {@code /conversation}, never offered for a class-wide check-in.
     */
    public static final Set<String> ABOUT_ONE_CHILD = Set.of("before-conversation", "after-conversation");

    /** A questionnaire as it will be asked, with its stored version. */
    public record Active(Questionnaire questionnaire, QuestionnaireVersion version) {}

    private final Map<String, Active> byId;
    private final List<String> problems;

    private ActiveQuestionnaires(Map<String, Active> byId, List<String> problems) {
        this.byId = byId;
        this.problems = problems;
    }

    /**
     * Loads every file in {@code folder}. A broken file is left out with one line in
     * {@link #problems()}; the others load.
     */
    public static ActiveQuestionnaires load(Path folder, QuestionnaireRepository versions, Clock clock) {
        LoadResult result = QuestionnaireLoader.loadAll(folder);
        List<String> problems = new ArrayList<>(result.problems());
        Map<String, Active> byId = new LinkedHashMap<>();
        for (LoadedQuestionnaire loaded : result.loaded().values()) {
            Questionnaire questionnaire = loaded.questionnaire();
            QuestionnaireVersion version = versions.remember(
                    questionnaire.id(),
                    questionnaire.version(),
                    loaded.contentHash(),
                    loaded.definition(),
                    clock.instant());
            if (version.version() != questionnaire.version()) {
                problems.add(questionnaire.id() + ".yml was changed without raising its version "
                        + questionnaire.version() + "; it is asked as version " + version.version()
                        + " (raise 'version' when you edit questions)");
            }
            byId.put(questionnaire.id(), new Active(questionnaire, version));
        }
        return new ActiveQuestionnaires(byId, List.copyOf(problems));
    }

    public Optional<Active> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids, sorted: for the teacher's autocomplete. */
    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    /** The ids a class-wide check-in may ask, sorted: all but those about one child. */
    public List<String> classIds() {
        return ids().stream().filter(id -> !ABOUT_ONE_CHILD.contains(id)).toList();
    }

    /** What was left out or worth fixing, one line each with file, line and reason. */
    public List<String> problems() {
        return problems;
    }
}
