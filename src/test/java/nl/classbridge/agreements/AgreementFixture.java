package nl.classbridge.agreements;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.ReplyTokenRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/**
 * A class with two children on a real SQLite file: Sam with a Discord mum and an email dad, Noor with
 * a Discord dad; a second class with its own child; the real outbox (school quiet hours 20:00-08:00)
 * and the real teacher notices, and a clock the test moves.
 */
final class AgreementFixture implements AutoCloseable {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final Outbox outbox;
    final SchoolClass groep5;
    final SchoolClass groep6;
    final Student sam;
    final Student noor;
    final Student lotte;
    final Guardian samsMum;
    final Guardian samsDad;
    final Guardian noorsDad;
    final Agreements agreements;
    final AlignmentReminders reminders;
    final ReplyTokenRepository tokens;

    AgreementFixture(Path folder) {
        store = new TestStore(folder);
        groep5 = store.aClass();
        groep6 = store.classes.add(
                "Groep 6",
                TestStore.GUILD,
                TestStore.CHANNEL + 1,
                Language.NL,
                AMSTERDAM,
                TestStore.TEACHER + 1,
                "Meester Bas",
                TestStore.T0);
        sam = store.aStudent(groep5, "Sam");
        noor = store.aStudent(groep5, "Noor");
        lotte = store.aStudent(groep6, "Lotte");
        samsMum = linked(store.guardians.addDiscord(900_001L, TestStore.T0), sam);
        samsDad = linked(store.guardians.addEmail("papa.sam@example.org", Optional.of(Language.EN), TestStore.T0), sam);
        noorsDad = linked(store.guardians.addDiscord(900_002L, TestStore.T0), noor);
        outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0)),
                AMSTERDAM);
        TeacherNotices notices = new TeacherNotices(outbox, store.students, store.classes);
        agreements = new Agreements(
                store.database,
                store.agreements,
                store.conversations,
                store.students,
                store.guardians,
                store.classes,
                outbox,
                notices,
                store.auditLog,
                clock);
        reminders = new AlignmentReminders(
                store.database,
                store.agreements,
                store.students,
                store.guardians,
                store.classes,
                outbox,
                notices,
                clock);
        tokens = new ReplyTokenRepository(store.database);
    }

    private Guardian linked(Guardian guardian, Student student) {
        store.guardians.link(guardian.id(), student.id(), TestStore.T0);
        return guardian;
    }

    /** Every outbox row, oldest first. */
    List<Delivery> rows() {
        return store
                .database
                .read(sql -> sql.list("SELECT id FROM delivery ORDER BY id", row -> row.longValue("id")))
                .stream()
                .map(id -> store.deliveries.find(id).orElseThrow())
                .toList();
    }

    List<Delivery> rows(String kind) {
        return rows().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    @Override
    public void close() {
        store.close();
    }
}
