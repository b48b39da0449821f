package nl.classbridge.config;

/**
 * How long personal data is kept (see {@link nl.classbridge.store.Housekeeping} for what goes when).
 *
 * @param months          answers, conversations, agreements, messages and audit entries older than
 *                        this are deleted: a school year plus a margin by default (13)
 * @param highlightMonths a highlight is deleted this long after it went out in a class update
 */
public record Retention(int months, int highlightMonths) {}
