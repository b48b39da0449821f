package nl.classbridge.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassRosterTest {
    private static final long TEACHER = TestStore.TEACHER;

    @TempDir
    Path folder;

    TestStore store;
    ClassRoster roster;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        roster = store.roster(new MutableClock(TestStore.T0));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private SchoolClass groep5() {
        return ((ClassRoster.SetUp.Created) roster.setUp(
                        TestStore.GUILD,
                        TestStore.CHANNEL,
                        " Groep  5 ",
                        Optional.empty(),
                        Optional.empty(),
                        TEACHER,
                        "Juf Anna"))
                .schoolClass();
    }

    @Test
    @DisplayName("setup binds the channel with the school's language and zone; running it again changes the class")
    void setUpClass() {
        SchoolClass created = groep5();
        assertThat(created.name()).isEqualTo("Groep 5");
        assertThat(created.language()).isEqualTo(Language.NL);
        assertThat(created.timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));

        var again = roster.setUp(
                TestStore.GUILD,
                TestStore.CHANNEL,
                "Groep 5b",
                Optional.of("EN"),
                Optional.of("Europe/London"),
                TEACHER,
                "Juf Anna");
        assertThat(again).isInstanceOfSatisfying(ClassRoster.SetUp.Updated.class, updated -> {
            assertThat(updated.schoolClass().id()).isEqualTo(created.id());
            assertThat(updated.schoolClass().language()).isEqualTo(Language.EN);
            assertThat(updated.schoolClass().timezone()).isEqualTo(ZoneId.of("Europe/London"));
        });
        assertThat(store.auditLog.ofClass(created.id()))
                .extracting(e -> e.detail())
                .containsExactly("language=nl timezone=Europe/Amsterdam", "language=en timezone=Europe/London");
    }

    @Test
    @DisplayName("GIVEN a class set up by one teacher WHEN another teacher runs setup in its channel"
            + " THEN nothing changes; a co-teacher may change it, and the owner stays")
    void setUpIsForTheClassesOwnTeachers() {
        // GIVEN
        SchoolClass created = groep5();
        long otherTeacher = 99L;

        // WHEN another teacher of the server runs setup in the class's channel
        var refused = roster.setUp(
                TestStore.GUILD,
                TestStore.CHANNEL,
                "Mijn klas",
                Optional.of("en"),
                Optional.empty(),
                otherTeacher,
                "Meester Tom");

        // THEN it is not theirs, and nothing changed
        assertThat(refused).isInstanceOf(ClassRoster.SetUp.NotYours.class);
        assertThat(store.classes.find(created.id())).contains(created);

        // WHEN the owner adds them as co-teacher and they run setup
        store.classTeachers.addCoTeacher(created.id(), otherTeacher, "Meester Tom", TEACHER, TestStore.T0);
        var changed = roster.setUp(
                TestStore.GUILD,
                TestStore.CHANNEL,
                "Groep 5b",
                Optional.empty(),
                Optional.empty(),
                otherTeacher,
                "Meester Tom");

        // THEN the class changed, and its owner (as families see the teacher) did not
        assertThat(changed).isInstanceOfSatisfying(ClassRoster.SetUp.Updated.class, updated -> {
            assertThat(updated.schoolClass().name()).isEqualTo("Groep 5b");
            assertThat(updated.schoolClass().teacherUserId()).isEqualTo(TEACHER);
            assertThat(updated.schoolClass().teacherName()).isEqualTo("Juf Anna");
        });
    }

    @Test
    @DisplayName("setup refuses an empty or long name, an unknown language and an unknown time zone, changing nothing")
    void setUpRefusals() {
        assertThat(roster.setUp(1, 2, "  ", Optional.empty(), Optional.empty(), TEACHER, "Juf Anna"))
                .isInstanceOf(ClassRoster.SetUp.NameInvalid.class);
        assertThat(roster.setUp(1, 2, "x".repeat(61), Optional.empty(), Optional.empty(), TEACHER, "Juf Anna"))
                .isInstanceOf(ClassRoster.SetUp.NameInvalid.class);
        assertThat(roster.setUp(1, 2, "Groep 6", Optional.of("fr"), Optional.empty(), TEACHER, "Juf Anna"))
                .isEqualTo(new ClassRoster.SetUp.LanguageInvalid("fr"));
        assertThat(roster.setUp(1, 2, "Groep 6", Optional.empty(), Optional.of("Mars/Phobos"), TEACHER, "Juf Anna"))
                .isEqualTo(new ClassRoster.SetUp.TimezoneInvalid("Mars/Phobos"));
        assertThat(store.classes.all()).isEmpty();
    }

    @Test
    @DisplayName("children are added by first name or nickname once; full names with digits or symbols are refused")
    void students() {
        SchoolClass groep5 = groep5();
        assertThat(roster.addStudent(groep5, "Anne-Fleur", TEACHER)).isInstanceOf(ClassRoster.StudentAdded.Added.class);
        assertThat(roster.addStudent(groep5, "anne-fleur", TEACHER))
                .isInstanceOf(ClassRoster.StudentAdded.AlreadyThere.class);
        assertThat(roster.addStudent(groep5, "Sam B.", TEACHER)).isInstanceOf(ClassRoster.StudentAdded.Added.class);
        assertThat(roster.addStudent(groep5, "Noor 12-03-2018", TEACHER))
                .isInstanceOf(ClassRoster.StudentAdded.NameInvalid.class);
        assertThat(roster.addStudent(groep5, "x".repeat(41), TEACHER))
                .isInstanceOf(ClassRoster.StudentAdded.NameInvalid.class);
        assertThat(roster.addStudent(groep5, "<@123>", TEACHER))
                .isInstanceOf(ClassRoster.StudentAdded.NameInvalid.class);
        assertThat(roster.students(groep5)).extracting(s -> s.student().name()).containsExactly("Anne-Fleur", "Sam B.");
    }

    @Test
    @DisplayName(
            "a guardian by email is linked once even for two children; a removed child takes a lone guardian along")
    void emailGuardians() {
        SchoolClass groep5 = groep5();
        roster.addStudent(groep5, "Sam", TEACHER);
        roster.addStudent(groep5, "Mila", TEACHER);
        var first = roster.addEmailGuardian(groep5, "sam", " Ouder@Example.ORG ", Optional.of("tr"), TEACHER);
        var second = roster.addEmailGuardian(groep5, "Mila", "Ouder@example.org", Optional.empty(), TEACHER);
        assertThat(first).isInstanceOfSatisfying(ClassRoster.EmailGuardianAdded.Added.class, added -> {
            assertThat(added.guardian().email()).contains("Ouder@example.org");
            assertThat(added.guardian().plan().language()).contains(Language.TR);
        });
        long guardianId =
                ((ClassRoster.EmailGuardianAdded.Added) first).guardian().id();
        assertThat(((ClassRoster.EmailGuardianAdded.Added) second).guardian().id())
                .isEqualTo(guardianId);

        roster.removeStudent(groep5, "Sam", TEACHER);
        assertThat(store.guardians.find(guardianId)).isPresent();
        roster.removeStudent(groep5, "Mila", TEACHER);
        assertThat(store.guardians.find(guardianId)).isEmpty();
        assertThat(store.auditLog.ofClass(groep5.id()))
                .allSatisfy(entry -> assertThat(entry.detail()).doesNotContain("Sam", "Mila", "Ouder", "example"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ouder",
                "ouder@",
                "@example.org",
                "ouder@example",
                "ouder@exa mple.org",
                "a@b.org\r\nBcc: x@y.org",
                "Ouder <ouder@example.org>",
                "a@b.org, c@d.org",
                "ouder@example.org."
            })
    @DisplayName("malformed email addresses are refused and nothing is stored")
    void malformedEmails(String email) {
        SchoolClass groep5 = groep5();
        roster.addStudent(groep5, "Sam", TEACHER);
        assertThat(roster.addEmailGuardian(groep5, "Sam", email, Optional.empty(), TEACHER))
                .isInstanceOf(ClassRoster.EmailGuardianAdded.EmailInvalid.class);
        assertThat(store.guardians.inClass(groep5.id())).isEmpty();
    }

    @Test
    @DisplayName("an unknown child or language is named back; a guardian is removed from one child only")
    void unknownsAndRemoval() {
        SchoolClass groep5 = groep5();
        roster.addStudent(groep5, "Sam", TEACHER);
        assertThat(roster.addEmailGuardian(groep5, "Samuel", "a@b.org", Optional.empty(), TEACHER))
                .isEqualTo(new ClassRoster.EmailGuardianAdded.UnknownStudent("Samuel"));
        assertThat(roster.addEmailGuardian(groep5, "Sam", "a@b.org", Optional.of("klingon"), TEACHER))
                .isEqualTo(new ClassRoster.EmailGuardianAdded.LanguageInvalid("klingon"));
        var added = (ClassRoster.EmailGuardianAdded.Added)
                roster.addEmailGuardian(groep5, "Sam", "a@b.org", Optional.empty(), TEACHER);
        assertThat(roster.removeGuardian(
                        groep5, added.student(), added.guardian().id(), TEACHER))
                .isTrue();
        assertThat(roster.removeGuardian(
                        groep5, added.student(), added.guardian().id(), TEACHER))
                .isFalse();
        assertThat(store.guardians.find(added.guardian().id())).isEmpty();
        assertThat(roster.removeStudent(groep5, "Nobody", TEACHER)).isEmpty();
    }
}
