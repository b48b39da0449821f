package nl.classbridge.store;

import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.QuestionnaireVersion;

/** Every version of every questionnaire that was loaded, kept as it was. */
public final class QuestionnaireRepository {
    private static final RowMapper<QuestionnaireVersion> VERSION = row -> new QuestionnaireVersion(
            row.longValue("id"),
            row.string("questionnaire"),
            row.intValue("version"),
            row.string("content_hash"),
            row.string("definition"),
            row.instant("loaded_at"));

    private final Database database;

    public QuestionnaireRepository(Database database) {
        this.database = database;
    }

    /**
     * The stored version with this content, or a new one when the content changed. The new one
     * takes the version the file declares when that number is still free; when the file was
     * changed without raising its version, it gets the highest so far plus one, so two different
     * texts never share a version. Answers keep pointing to the version their round asked.
     */
    public QuestionnaireVersion remember(
            String questionnaire, int declaredVersion, String contentHash, String definition, Instant now) {
        return database.transaction(() -> database.write(sql -> {
            Optional<QuestionnaireVersion> known = sql.one(
                    "SELECT * FROM questionnaire_version WHERE questionnaire = ? AND content_hash = ?",
                    VERSION,
                    questionnaire,
                    contentHash);
            if (known.isPresent()) {
                return known.get();
            }
            int highest = (int) sql.count(
                    "SELECT COALESCE(MAX(version), 0) AS n FROM questionnaire_version WHERE questionnaire = ?",
                    questionnaire);
            int version = declaredVersion > highest ? declaredVersion : highest + 1;
            long id = sql.insert("""
                    INSERT INTO questionnaire_version (questionnaire, version, content_hash, definition, loaded_at)
                    VALUES (?, ?, ?, ?, ?)""", questionnaire, version, contentHash, definition, now);
            return new QuestionnaireVersion(id, questionnaire, version, contentHash, definition, now);
        }));
    }

    public Optional<QuestionnaireVersion> find(long id) {
        return database.read(sql -> sql.one("SELECT * FROM questionnaire_version WHERE id = ?", VERSION, id));
    }

    public Optional<QuestionnaireVersion> latest(String questionnaire) {
        return database.read(sql -> sql.one(
                "SELECT * FROM questionnaire_version WHERE questionnaire = ? ORDER BY version DESC LIMIT 1",
                VERSION,
                questionnaire));
    }
}
