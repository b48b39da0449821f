package nl.classbridge.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.ClassNeedsRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the teacher needs from parents, in her own words, over a real store. */
class ClassNeedsTest {
    @TempDir
    Path folder;

    TestStore store;
    ClassNeeds needs;
    SchoolClass groep5;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        needs = new ClassNeeds(
                store.database,
                new ClassNeedsRepository(store.database),
                store.auditLog,
                new MutableClock(TestStore.T0));
        groep5 = store.aClass();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    @DisplayName("GIVEN a class without a text WHEN the teacher writes one, then changes it THEN the latest is kept"
            + " as written (stripped), and the audit log records that it changed, never the words")
    void writeAndChange() {
        assertThat(needs.of(groep5)).isEmpty();

        needs.write(groep5, "  Lees elke dag voor.  ", TestStore.TEACHER);
        ClassNeeds.Written second = needs.write(groep5, "Vertel me als er thuis iets verandert.", TestStore.TEACHER);

        assertThat(second).isEqualTo(new ClassNeeds.Written.Saved("Vertel me als er thuis iets verandert."));
        assertThat(needs.of(groep5)).contains("Vertel me als er thuis iets verandert.");
        assertThat(store.auditLog.ofClass(groep5.id()))
                .extracting(AuditEntry::action)
                .containsExactly("class-needs-written", "class-needs-written");
        assertThat(store.auditLog.ofClass(groep5.id()))
                .allSatisfy(entry -> assertThat(entry.detail()).doesNotContain("Vertel", "Lees"));
    }

    @Test
    @DisplayName("GIVEN a text of 1001 characters, or only spaces WHEN the teacher writes it THEN it is refused"
            + " with its length, and the class keeps what it had")
    void tooLongOrEmpty() {
        needs.write(groep5, "Kort en warm.", TestStore.TEACHER);

        assertThat(needs.write(groep5, "a".repeat(ClassNeeds.MAX_LENGTH + 1), TestStore.TEACHER))
                .isEqualTo(new ClassNeeds.Written.TooLong(1001, 1000));
        assertThat(needs.write(groep5, "   ", TestStore.TEACHER)).isEqualTo(new ClassNeeds.Written.Empty());
        assertThat(needs.write(groep5, "b".repeat(ClassNeeds.MAX_LENGTH), TestStore.TEACHER))
                .isInstanceOf(ClassNeeds.Written.Saved.class);
        assertThat(needs.of(groep5)).contains("b".repeat(ClassNeeds.MAX_LENGTH));
    }

    @Test
    @DisplayName("GIVEN a text WHEN the teacher clears it THEN the class is back to the default, and a second clear"
            + " finds nothing")
    void clear() {
        needs.write(groep5, "Kort en warm.", TestStore.TEACHER);

        assertThat(needs.clear(groep5, TestStore.TEACHER)).isTrue();
        assertThat(needs.of(groep5)).isEmpty();
        assertThat(needs.clear(groep5, TestStore.TEACHER)).isFalse();
    }
}
