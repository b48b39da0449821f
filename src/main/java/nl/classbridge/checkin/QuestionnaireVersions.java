package nl.classbridge.checkin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.checkin.questionnaire.QuestionnaireException;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.store.QuestionnaireRepository;

/**
 * Questionnaires as their rounds asked them, read from the stored version (not today's file),
 * and kept parsed: a version never changes once stored.
 */
public final class QuestionnaireVersions {
    private final QuestionnaireRepository repository;
    private final Map<Long, Questionnaire> parsed = new ConcurrentHashMap<>();

    public QuestionnaireVersions(QuestionnaireRepository repository) {
        this.repository = repository;
    }

    public Questionnaire get(long versionId) {
        return parsed.computeIfAbsent(versionId, id -> {
            var stored = repository
                    .find(id)
                    .orElseThrow(() -> new IllegalStateException("questionnaire version " + id + " is not stored"));
            try {
                return QuestionnaireLoader.parse(stored);
            } catch (QuestionnaireException e) {
                throw new IllegalStateException(
                        "stored questionnaire version " + id + " no longer reads: " + e.getMessage(), e);
            }
        });
    }
}
