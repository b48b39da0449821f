/**
 * Parent conversations about one child, as the teacher plans and holds them: planning (with the
 * short questions the family gets beforehand), the child's own view asked first, marking the
 * conversation held (with the family's feedback questions afterwards), the teacher's private
 * reflection, and what a conversation's record holds for preparing the next one.
 *
 * <p>The family's questions are rounds about one child ({@link nl.classbridge.checkin.CheckinRounds}),
 * so they reach families exactly as check-ins do. Nothing here knows Discord or mail.
 */
package nl.classbridge.conversations;
