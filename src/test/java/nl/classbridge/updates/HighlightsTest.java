package nl.classbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The teacher's highlights for the next class update")
class HighlightsTest {
    @TempDir
    Path folder;

    TestStore store;
    Highlights highlights;
    SchoolClass groep5;
    SchoolClass groep8;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        highlights = new Highlights(store.database, store.highlights, store.auditLog, new MutableClock(TestStore.T0));
        groep5 = store.aClass();
        groep8 = store.classes.add(
                "Groep 8",
                TestStore.GUILD,
                77L,
                Language.NL,
                ZoneId.of("Europe/Amsterdam"),
                5L,
                "Meester Bas",
                TestStore.T0);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Highlight added(SchoolClass schoolClass, String text) {
        return ((Highlights.Written.Saved) highlights.add(schoolClass, HighlightKind.LEARNING, text, TestStore.TEACHER))
                .highlight();
    }

    @Test
    @DisplayName("GIVEN a highlight typed with spaces around it WHEN added THEN it is queued stripped, and the audit"
            + " log names it by id and kind, never by its words")
    void addIsStrippedAndAudited() {
        Highlight highlight = added(groep5, "  Samen een moestuin aangelegd  ");

        assertThat(highlights.queued(groep5))
                .extracting(Highlight::text)
                .containsExactly("Samen een moestuin aangelegd");
        assertThat(store.auditLog.ofClass(groep5.id()))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "update.highlight-add",
                        "highlight=" + highlight.id() + " kind=" + HighlightKind.LEARNING.code()));
    }

    @Test
    @DisplayName("GIVEN an empty or too long text WHEN added or edited THEN nothing changes")
    void invalidTexts() {
        Highlight highlight = added(groep5, "Voorlezen");

        assertThat(highlights.add(groep5, HighlightKind.LEARNING, "   ", TestStore.TEACHER))
                .isEqualTo(new Highlights.Written.Invalid(Highlights.MAX_LENGTH));
        assertThat(highlights.edit(groep5, highlight.id(), "x".repeat(Highlights.MAX_LENGTH + 1), TestStore.TEACHER))
                .isInstanceOf(Highlights.Written.Invalid.class);
        assertThat(highlights.queued(groep5)).extracting(Highlight::text).containsExactly("Voorlezen");
    }

    @Test
    @DisplayName("GIVEN a highlight of another class WHEN this class's teacher edits or removes it THEN it is gone for"
            + " them and stays as it was")
    void onlyTheClassesOwn() {
        Highlight theirs = added(groep8, "Schoolreisje");

        assertThat(highlights.edit(groep5, theirs.id(), "Anders", TestStore.TEACHER))
                .isInstanceOf(Highlights.Written.Gone.class);
        assertThat(highlights.remove(groep5, theirs.id(), TestStore.TEACHER)).isFalse();
        assertThat(highlights.queued(groep8)).containsExactly(theirs);
    }

    @Test
    @DisplayName("GIVEN a queued highlight WHEN it is edited and then removed THEN both are audited; once shared it"
            + " can no longer be changed")
    void editRemoveAndShared() {
        Highlight highlight = added(groep5, "Voorlezen");
        Highlight shared = added(groep5, "Rekenen");
        store.highlights.markUsed(List.of(shared.id()), TestStore.T0);

        assertThat(highlights.edit(groep5, highlight.id(), "Voorlezen aan groep 1", TestStore.TEACHER))
                .isInstanceOfSatisfying(
                        Highlights.Written.Saved.class,
                        saved -> assertThat(saved.highlight().text()).isEqualTo("Voorlezen aan groep 1"));
        assertThat(highlights.remove(groep5, highlight.id(), TestStore.TEACHER)).isTrue();
        assertThat(highlights.edit(groep5, shared.id(), "Anders", TestStore.TEACHER))
                .isInstanceOf(Highlights.Written.Gone.class);
        assertThat(store.auditLog.ofClass(groep5.id()))
                .extracting(AuditEntry::action)
                .containsExactly(
                        "update.highlight-add",
                        "update.highlight-add",
                        "update.highlight-edit",
                        "update.highlight-remove");
    }
}
