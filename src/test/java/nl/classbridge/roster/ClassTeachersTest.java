package nl.classbridge.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.TeacherRole;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The teachers of a class")
class ClassTeachersTest {
    private static final long OWNER = TestStore.TEACHER;
    private static final long COLLEAGUE = 1_300_000_000_000_000_002L;
    private static final long ADMIN = 1_300_000_000_000_000_003L;
    private static final long OTHER_CHANNEL = 1_200_000_000_000_000_002L;

    /** A private message to a teacher, as the outbox would get it. */
    record Told(long userId, long classId, String key, Map<String, ?> values, String dedupeKey) {}

    @TempDir
    Path folder;

    TestStore store;
    final List<Told> told = new ArrayList<>();
    ClassTeachers teachers;
    SchoolClass groep5;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        teachers = new ClassTeachers(
                store.database,
                store.classes,
                store.classTeachers,
                store.auditLog,
                (userId, schoolClass, key, values, dedupeKey) ->
                        told.add(new Told(userId, schoolClass.id(), key, values, dedupeKey)),
                new MutableClock(TestStore.T0));
        groep5 = store.aClass(); // made by Juf Anna (OWNER)
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static Caller teacher(long id, String name) {
        return new Caller(id, name, false);
    }

    @Test
    @DisplayName("GIVEN a class WHEN its channel is asked for THEN only its owner sees it; another teacher is refused;"
            + " another channel has no class")
    void scope() {
        // GIVEN / WHEN / THEN
        assertThat(teachers.of(groep5)).singleElement().satisfies(owner -> {
            assertThat(owner.userId()).isEqualTo(OWNER);
            assertThat(owner.role()).isEqualTo(TeacherRole.OWNER);
            assertThat(owner.name()).isEqualTo("Juf Anna");
        });
        assertThat(teachers.inChannel(TestStore.CHANNEL, OWNER)).isEqualTo(new ClassTeachers.Scope.Yours(groep5));
        assertThat(teachers.inChannel(TestStore.CHANNEL, COLLEAGUE))
                .isEqualTo(new ClassTeachers.Scope.NotYours(groep5));
        assertThat(teachers.inChannel(TestStore.CHANNEL, ADMIN)).isInstanceOf(ClassTeachers.Scope.NotYours.class);
        assertThat(teachers.inChannel(OTHER_CHANNEL, OWNER)).isInstanceOf(ClassTeachers.Scope.NoClass.class);
    }

    @Test
    @DisplayName("GIVEN a class WHEN the owner adds a co-teacher and removes them again THEN the colleague acts for"
            + " the class in between only; nobody else manages co-teachers, and the owner stays")
    void coTeachers() {
        // WHEN someone who is not the owner tries to add themselves
        assertThat(teachers.add(groep5, teacher(COLLEAGUE, "Meester Tom"), COLLEAGUE, "Meester Tom"))
                .isEqualTo(new ClassTeachers.TeacherAdded.NotOwner("Juf Anna"));
        assertThat(teachers.isTeacherOf(groep5, COLLEAGUE)).isFalse();

        // WHEN the owner adds the colleague, twice
        var added = teachers.add(groep5, teacher(OWNER, "Juf Anna"), COLLEAGUE, "Meester Tom");
        var again = teachers.add(groep5, teacher(OWNER, "Juf Anna"), COLLEAGUE, "Meester Tom");

        // THEN the colleague is a co-teacher once, and may act for the class
        assertThat(added)
                .isInstanceOfSatisfying(
                        ClassTeachers.TeacherAdded.Added.class,
                        a -> assertThat(a.teacher().role()).isEqualTo(TeacherRole.CO_TEACHER));
        assertThat(again).isInstanceOf(ClassTeachers.TeacherAdded.AlreadyTeacher.class);
        assertThat(teachers.of(groep5)).extracting(ClassTeacher::name).containsExactly("Juf Anna", "Meester Tom");
        assertThat(teachers.inChannel(TestStore.CHANNEL, COLLEAGUE)).isInstanceOf(ClassTeachers.Scope.Yours.class);

        // WHEN the co-teacher tries to remove the owner, or add another colleague
        assertThat(teachers.remove(groep5, teacher(COLLEAGUE, "Meester Tom"), OWNER))
                .isInstanceOf(ClassTeachers.TeacherRemoved.NotOwner.class);
        assertThat(teachers.add(groep5, teacher(COLLEAGUE, "Meester Tom"), ADMIN, "ICT"))
                .isInstanceOf(ClassTeachers.TeacherAdded.NotOwner.class);

        // WHEN the owner removes the colleague, and then themselves
        assertThat(teachers.remove(groep5, teacher(OWNER, "Juf Anna"), COLLEAGUE))
                .isInstanceOf(ClassTeachers.TeacherRemoved.Removed.class);
        assertThat(teachers.remove(groep5, teacher(OWNER, "Juf Anna"), COLLEAGUE))
                .isInstanceOf(ClassTeachers.TeacherRemoved.NotATeacher.class);
        assertThat(teachers.remove(groep5, teacher(OWNER, "Juf Anna"), OWNER))
                .isInstanceOf(ClassTeachers.TeacherRemoved.IsOwner.class);

        // THEN the colleague is out, the owner stays, and the audit log has ids only
        assertThat(teachers.inChannel(TestStore.CHANNEL, COLLEAGUE)).isInstanceOf(ClassTeachers.Scope.NotYours.class);
        assertThat(teachers.isTeacherOf(groep5, OWNER)).isTrue();
        assertThat(store.auditLog.ofClass(groep5.id()))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("class.teacher-add", "user=" + COLLEAGUE),
                        org.assertj.core.groups.Tuple.tuple("class.teacher-remove", "user=" + COLLEAGUE));
        assertThat(told).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a class with a co-teacher WHEN a server admin takes it over THEN the admin owns it, the former"
            + " owner is out and told once, the co-teacher stays and the audit log says from whom")
    void takeOver() {
        // GIVEN
        teachers.add(groep5, teacher(OWNER, "Juf Anna"), COLLEAGUE, "Meester Tom");

        // WHEN a teacher who is no admin tries, and then an admin does, twice
        assertThat(teachers.takeOver(TestStore.CHANNEL, teacher(COLLEAGUE, "Meester Tom")))
                .isInstanceOf(ClassTeachers.TakeOver.NotAdmin.class);
        var taken = teachers.takeOver(TestStore.CHANNEL, new Caller(ADMIN, "Directeur Bram", true));
        var twice = teachers.takeOver(TestStore.CHANNEL, new Caller(ADMIN, "Directeur Bram", true));

        // THEN
        assertThat(taken).isInstanceOfSatisfying(ClassTeachers.TakeOver.TakenOver.class, t -> {
            assertThat(t.formerOwner()).isEqualTo("Juf Anna");
            assertThat(t.schoolClass().teacherUserId()).isEqualTo(ADMIN);
            assertThat(t.schoolClass().teacherName()).isEqualTo("Directeur Bram");
        });
        assertThat(twice).isInstanceOf(ClassTeachers.TakeOver.AlreadyOwner.class);
        assertThat(store.classes.find(groep5.id()).orElseThrow().teacherUserId())
                .isEqualTo(ADMIN);
        assertThat(teachers.of(groep5))
                .extracting(ClassTeacher::userId, ClassTeacher::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ADMIN, TeacherRole.OWNER),
                        org.assertj.core.groups.Tuple.tuple(COLLEAGUE, TeacherRole.CO_TEACHER));
        assertThat(teachers.inChannel(TestStore.CHANNEL, OWNER)).isInstanceOf(ClassTeachers.Scope.NotYours.class);
        assertThat(told).singleElement().satisfies(message -> {
            assertThat(message.userId()).isEqualTo(OWNER);
            assertThat(message.key()).isEqualTo("teacher.class.taken-over");
            assertThat(message.values()).isEqualTo(Map.of("admin", "Directeur Bram", "class", "Groep 5"));
        });
        assertThat(store.auditLog.ofClass(groep5.id()))
                .filteredOn(e -> e.action().equals("class.takeover"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorUserId()).isEqualTo(ADMIN);
                    assertThat(entry.detail()).isEqualTo("from=" + OWNER);
                });
        assertThat(teachers.takeOver(OTHER_CHANNEL, new Caller(ADMIN, "Directeur Bram", true)))
                .isInstanceOf(ClassTeachers.TakeOver.NoClass.class);
    }
}
