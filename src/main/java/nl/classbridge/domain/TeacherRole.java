package nl.classbridge.domain;

/** How a teacher belongs to a class: its one owner, or a co-teacher the owner added. */
public enum TeacherRole implements Coded {
    OWNER("owner"),
    CO_TEACHER("co-teacher");

    private final String code;

    TeacherRole(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
