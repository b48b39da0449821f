/**
 * The well-being questionnaires the teacher sends to parents: read from
 * {@code config/questionnaires/<id>.yml}, checked on loading, and the one rule for what a parent's
 * reply to a question means, shared by the Discord and email conversations.
 *
 * <p>{@link nl.classbridge.checkin.questionnaire.QuestionnaireLoader} reads a folder into a
 * {@link nl.classbridge.checkin.questionnaire.LoadResult}; every broken file gives one line naming
 * file, line and reason, and the other files still load.
 * {@link nl.classbridge.checkin.ActiveQuestionnaires} holds what loaded, with the stored versions.
 * {@link nl.classbridge.checkin.questionnaire.Question#check(String)} reads a reply.
 */
package nl.classbridge.checkin.questionnaire;
