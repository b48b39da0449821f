package nl.classbridge.roster;

/**
 * Who uses a teacher command, as the Discord side saw them: for the rules about who may act for a
 * class.
 *
 * @param name        their name on the server, e.g. "Juf Anna"; shown to families as the teacher
 * @param serverAdmin whether they may manage the server: only an admin can take a class over
 */
public record Caller(long userId, String name, boolean serverAdmin) {}
