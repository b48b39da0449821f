package nl.classbridge.domain;

import java.time.Instant;

/**
 * A questionnaire exactly as it was asked. A changed file makes a new version; answers keep
 * pointing to the version their round used.
 *
 * @param definition the questionnaire file's text at that version
 */
public record QuestionnaireVersion(
        long id, String questionnaire, int version, String contentHash, String definition, Instant loadedAt) {}
