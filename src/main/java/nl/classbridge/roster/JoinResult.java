package nl.classbridge.roster;

import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Student;

/** What happened when a parent typed an invite code. */
public sealed interface JoinResult {

    /** Linked as a guardian of the child; {@code firstChild} is false for a second child. */
    record Joined(Guardian guardian, Student student, boolean firstChild) implements JoinResult {}

    /** Already a guardian of this child; the code was not used up. */
    record AlreadyLinked(Student student) implements JoinResult {}

    /** No such code (mistyped, or never made). */
    record Unknown() implements JoinResult {}

    /** The code was used before, by someone else or earlier by this parent. */
    record Used() implements JoinResult {}

    /** The code is older than its validity. */
    record Expired() implements JoinResult {}

    /** Too many wrong codes from this user lately; try again in {@code minutes}. */
    record TooManyTries(long minutes) implements JoinResult {}
}
