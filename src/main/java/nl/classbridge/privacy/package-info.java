/**
 * Families in control of their own data (AVG/GDPR), a first slice: {@link
 * nl.classbridge.privacy.AnswersExport} gathers the class's rounds and answers as rows for the
 * class's teachers, and {@link nl.classbridge.privacy.Csv} writes them as a spreadsheet file that is
 * safe to open. What it holds is personal data: never in a channel, never in a log.
 */
package nl.classbridge.privacy;
