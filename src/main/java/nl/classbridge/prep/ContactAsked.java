package nl.classbridge.prep;

import nl.classbridge.domain.Student;

/**
 * Whether a family of the child asked the teacher for contact, so the sheet suggests asking what
 * they wanted to talk about. Where that mark is kept is another part's business; it plugs in here.
 */
@FunctionalInterface
public interface ContactAsked {
    /** Until a part of the bot keeps that mark: nobody asked. */
    ContactAsked NOT_KEPT = student -> false;

    boolean by(Student student);
}
