package nl.classbridge.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.classbridge.CoreServices;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.bench.Families;
import nl.classbridge.bench.Latencies;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.Settings;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.roster.Caller;
import nl.classbridge.roster.ClassArchive;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.JoinResult;
import nl.classbridge.store.ClassArchiveRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.FamilyDataRepository;
import nl.classbridge.store.Housekeeping;
import nl.classbridge.store.Repositories;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.updates.UpdateMail;

/**
 * A benchmark, not a test: issue 13's data work on the database of a simulated school year, through
 * the core services only (no Discord, no mail server). The year is compact: 29 classes of 35
 * children with a guardian each, 40 weekly class updates (three highlights and the post in the
 * outbox), 6 check-in rounds every family answers through the real conversation, and per child two
 * agreements each guardian confirms, the first marked done later. Then it measures {@code /my-data}
 * ({@link MyData}, text and JSON) for 200 guardians, {@code /forget-me} ({@link ForgetMe#erase},
 * with its {@link Database#compact()}) for 30 guardians, {@code /class archive} ({@link
 * ClassArchive}) of one class, {@code /privacy audit} ({@link AuditTrail}) over 10,000 audit rows,
 * and the daily retention ({@link Housekeeping#run}) with nothing to do and 14 months on. Run:
 * {@code mvn -B -Pbench test-compile exec:java -Dbench.main=nl.classbridge.privacy.PrivacyBenchmark}
 * ({@code -Dbench.classes=N} simulates fewer classes).
 */
public final class PrivacyBenchmark {
    private static final int CLASSES = Integer.getInteger("bench.classes", 29);
    private static final int CHILDREN = 35;
    private static final int WEEKS = 40;
    private static final int ROUNDS = 6;
    private static final int MY_DATA = 200;
    private static final int FORGET = 30;
    private static final int AUDIT_ROWS = 10_000;
    private static final long GUILD = 1_000L;
    private static final long SPREAD = Duration.ofDays(300).toMinutes();
    private static final Instant FIRST_DAY = Instant.parse("2025-08-25T07:00:00Z");

    private PrivacyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("classbridge-privacy");
        Path file = folder.resolve("classbridge.db");
        Settings settings = ConfigLoader.load(
                Path.of("config/classbridge.yml"),
                Map.of(
                        "CLASSBRIDGE_DATABASE_PATH", file.toString(),
                        "CLASSBRIDGE_QUIET_HOURS_START", "00:00",
                        "CLASSBRIDGE_QUIET_HOURS_END", "00:00"));
        MutableClock clock = new MutableClock(FIRST_DAY);
        try (Database database = Database.open(file)) {
            Repositories store = Repositories.over(database);
            ActiveQuestionnaires questionnaires =
                    ActiveQuestionnaires.load(settings.texts().questionnairesFolder(), store.questionnaires(), clock);
            CoreServices core = CoreServices.wire(database, store, settings, questionnaires, clock);
            System.out.printf("Privacy and retention: %s%n", loadAverage());
            long began = System.nanoTime();
            List<SchoolClass> classes = year(core, store, database, clock);
            System.out.printf(
                    "simulated year in %.1f s: %d classes, %,d guardians, %,d answers, %,d agreement confirmations,"
                            + " %,d deliveries, %,d highlights, %,d audit rows; database %.1f MiB (compacted)%n",
                    (System.nanoTime() - began) / 1e9,
                    classes.size(),
                    count(database, "guardian"),
                    count(database, "answer"),
                    count(database, "agreement_confirmation"),
                    count(database, "delivery"),
                    count(database, "highlight"),
                    count(database, "audit_log"),
                    mebibytes(database, file));

            Messages messages =
                    new Messages(MessageCatalogue.load(settings.texts().messagesFolder()), Language.NL);
            FamilyDataRepository family = new FamilyDataRepository(database);
            List<Guardian> guardians =
                    database
                            .read(sql -> sql.list("SELECT id FROM guardian ORDER BY id", row -> row.longValue("id")))
                            .stream()
                            .map(id -> store.guardians().find(id).orElseThrow())
                            .toList();

            myData(store, core, family, messages, settings, clock, guardians);
            forgetMe(database, store, core, family, clock, guardians, file);
            archive(database, store, clock, classes.get(1), file);
            auditTrail(database, store, clock, classes);
            retention(store, settings, clock);
            System.out.printf(
                    "database at the end: %.1f MiB with its WAL of %.1f MiB; %s%n",
                    mebibytes(database, file),
                    Files.size(file.resolveSibling(file.getFileName() + "-wal")) / 1048576.0,
                    loadAverage());
        }
    }

    /** The compact year: see the class comment. Returns the classes. */
    private static List<SchoolClass> year(
            CoreServices core, Repositories store, Database database, MutableClock clock) {
        List<SchoolClass> classes = new ArrayList<>();
        Map<Long, List<Student>> children = new HashMap<>();
        for (int c = 0; c < CLASSES; c++) {
            long teacher = 800_000_000_000_000_000L + c;
            var setUp = core.roster()
                    .setUp(
                            GUILD,
                            700_000_000_000_000_000L + c,
                            "Groep " + (c + 5),
                            Optional.empty(),
                            Optional.empty(),
                            teacher,
                            "leerkracht" + c);
            SchoolClass schoolClass = ((ClassRoster.SetUp.Created) setUp).schoolClass();
            classes.add(schoolClass);
            List<Student> ofClass = new ArrayList<>();
            for (int k = 0; k < CHILDREN; k++) {
                var added = core.roster().addStudent(schoolClass, childName(c * CHILDREN + k), teacher);
                Student student = ((ClassRoster.StudentAdded.Added) added).student();
                ofClass.add(student);
                String code = core.enrolment().invite(student, teacher).code();
                long parent = 900_000_000_000_000_000L + c * 100L + k;
                if (!(core.enrolment().join(code, parent, "ouder", Optional.empty()) instanceof JoinResult.Joined)) {
                    throw new IllegalStateException("a family could not join");
                }
            }
            children.put(schoolClass.id(), ofClass);
        }
        Map<Long, Long> firstAgreement = new HashMap<>();
        for (int week = 0; week < WEEKS; week++) {
            clock.set(FIRST_DAY.plus(Duration.ofDays(7L * week)));
            for (SchoolClass schoolClass : classes) {
                long teacher = schoolClass.teacherUserId();
                postUpdate(database, store, core, schoolClass, teacher, clock.instant());
                if (week % 6 == 0 && week / 6 < ROUNDS) {
                    var started = core.rounds().start(schoolClass, "check-in", 7, teacher);
                    for (CheckinRequest request : ((CheckinRounds.Started.Round) started).requests()) {
                        Families.answerAll(core.conversations(), request);
                    }
                }
                for (Student student : children.get(schoolClass.id())) {
                    if (week == 10) {
                        firstAgreement.put(student.id(), agree(core, store, schoolClass, student, teacher));
                    } else if (week == 28) {
                        var done = core.agreements()
                                .done(schoolClass, student.name(), firstAgreement.get(student.id()), teacher);
                        if (done != Agreements.Done.DONE) {
                            throw new IllegalStateException("an agreement was not marked done: " + done);
                        }
                    }
                }
            }
        }
        database.execute(
                sql -> sql.update("UPDATE delivery SET status = 'sent', sent_at = created_at WHERE status = 'queued'"));
        // The year's database as it stands for a long time: WAL checkpointed, no free pages.
        database.compact();
        return classes;
    }

    /** Two agreements about the child, each confirmed by the guardian; returns the first's id. */
    private static long agree(
            CoreServices core, Repositories store, SchoolClass schoolClass, Student student, long teacher) {
        List<Long> ids = new ArrayList<>();
        for (String text : List.of(
                student.name() + " leest elke avond 15 minuten voor, en vrijdag kijken we samen hoe het ging.",
                "Juf stuurt om de week een kort berichtje over hoe het in de klas gaat.")) {
            var added = core.agreements()
                    .add(schoolClass, student.name(), text, AgreementOwner.TOGETHER, Optional.empty(), teacher);
            ids.add(((Agreements.Added.Saved) added).agreement().id());
        }
        for (Guardian guardian : store.guardians().ofStudent(student.id())) {
            for (long id : ids) {
                core.agreements().answer(id, guardian.id(), ConfirmationStatus.CONFIRMED, Optional.empty());
            }
        }
        return ids.get(0);
    }

    private static void postUpdate(
            Database database,
            Repositories store,
            CoreServices core,
            SchoolClass schoolClass,
            long teacher,
            Instant now) {
        database.inTransaction(() -> {
            List<Long> ids = new ArrayList<>();
            for (HighlightKind kind : HighlightKind.values()) {
                ids.add(store.highlights()
                        .add(schoolClass.id(), kind, "We hebben deze week samen geoefend en gespeeld.", teacher, now)
                        .id());
            }
            core.outbox().enqueue(UpdateMail.post(schoolClass.id(), now, "We hebben deze week samen geoefend."));
            store.highlights().markUsed(ids, now);
        });
    }

    private static void myData(
            Repositories store,
            CoreServices core,
            FamilyDataRepository family,
            Messages messages,
            Settings settings,
            MutableClock clock,
            List<Guardian> guardians) {
        MyData myData = new MyData(
                family,
                store.students(),
                store.classes(),
                store.checkins(),
                store.questionnaires(),
                core.versions(),
                store.agreements(),
                store.conversations(),
                store.deliveries(),
                messages,
                settings.school().timezone(),
                clock);
        for (int i = 0; i < MY_DATA / 4; i++) {
            render(myData.of(guardians.get(guardians.size() - 1 - i)));
        }
        List<Duration> took = new ArrayList<>();
        long textBytes = 0;
        long jsonBytes = 0;
        for (int i = 0; i < MY_DATA; i++) {
            Guardian guardian = guardians.get(i * guardians.size() / MY_DATA);
            long start = System.nanoTime();
            int[] sizes = render(myData.of(guardian));
            took.add(Duration.ofNanos(System.nanoTime() - start));
            textBytes += sizes[0];
            jsonBytes += sizes[1];
        }
        System.out.printf(
                "/my-data (read, text in Markdown and JSON), %d guardians after %d to warm up: %s;"
                        + " files on average %,d bytes of text and %,d bytes of JSON%n",
                MY_DATA, MY_DATA / 4, new Latencies(took).summary(), textBytes / MY_DATA, jsonBytes / MY_DATA);
    }

    /** The two files as the Discord command attaches them: their sizes in bytes. */
    private static int[] render(MyData.Report report) {
        return new int[] {
            DiscordText.MARKDOWN.render(report.text()).getBytes(StandardCharsets.UTF_8).length,
            report.json().getBytes(StandardCharsets.UTF_8).length
        };
    }

    private static void forgetMe(
            Database database,
            Repositories store,
            CoreServices core,
            FamilyDataRepository family,
            MutableClock clock,
            List<Guardian> guardians,
            Path file) {
        ForgetMe forgetMe = new ForgetMe(
                database,
                family,
                store.students(),
                store.classes(),
                store.classTeachers(),
                core.notices(),
                store.auditLog(),
                Mailbox.NONE,
                clock);
        double before = mebibytes(database, file);
        List<Duration> erasures = new ArrayList<>();
        List<Duration> compacts = new ArrayList<>();
        for (int i = 0; i < FORGET; i++) {
            // Families of classes 2 and up (class 1 is archived below), each a different one.
            Guardian guardian = guardians.get(70 + i * 31 % (guardians.size() - 70));
            erasures.add(time(() -> forgetMe.erase(guardian, new ForgetMe.Actor.Family())));
            // The compact alone, right after: VACUUM rewrites the whole file whatever was freed.
            compacts.add(time(() -> {
                database.compact();
                return null;
            }));
        }
        System.out.printf(
                "/forget-me (erase, compact included), %d guardians: %s; database %.1f MiB before, %.1f MiB after%n",
                FORGET, new Latencies(erasures).summary(), before, mebibytes(database, file));
        System.out.printf(
                "  of which Database.compact() (WAL checkpoint + VACUUM), timed alone after each: %s%n",
                new Latencies(compacts).summary());
    }

    private static void archive(
            Database database, Repositories store, MutableClock clock, SchoolClass schoolClass, Path file) {
        ClassArchive archive = new ClassArchive(
                database, new ClassArchiveRepository(database), store.classTeachers(), store.auditLog(), clock);
        Caller owner = new Caller(schoolClass.teacherUserId(), schoolClass.teacherName(), false);
        long start = System.nanoTime();
        ClassArchive.Outcome preview = archive.preview(schoolClass, owner);
        long previewed = System.nanoTime();
        ClassArchive.Outcome done = archive.archive(schoolClass, owner);
        long archived = System.nanoTime();
        System.out.printf(
                "/class archive of one class of %d: preview %.1f ms, archive (compact included) %,.0f ms;"
                        + " removed %s; database after %.1f MiB%n",
                CHILDREN,
                (previewed - start) / 1e6,
                (archived - previewed) / 1e6,
                ((ClassArchive.Outcome.Counted) done).counts().detail(),
                mebibytes(database, file));
        if (!(preview instanceof ClassArchive.Outcome.Counted)) {
            throw new IllegalStateException("the owner could not archive: " + preview);
        }
    }

    /** Tops the audit log up to {@value #AUDIT_ROWS} rows about the server's classes, spread over 300 days. */
    private static void auditTrail(
            Database database, Repositories store, MutableClock clock, List<SchoolClass> classes) {
        long have = count(database, "audit_log");
        database.inTransaction(() -> {
            for (long i = have; i < AUDIT_ROWS; i++) {
                SchoolClass schoolClass = classes.get((int) (i % classes.size()));
                store.auditLog()
                        .record(new AuditEntry(
                                clock.instant().minus(Duration.ofMinutes((i - have) * SPREAD / (AUDIT_ROWS - have))),
                                schoolClass.teacherUserId(),
                                Optional.of(schoolClass.id()),
                                "checkin.results",
                                "round=" + i));
            }
        });
        AuditTrail trail = new AuditTrail(store.auditLog(), clock);
        for (int days : new int[] {AuditTrail.DEFAULT_DAYS, AuditTrail.MAX_DAYS}) {
            for (int i = 0; i < 20; i++) {
                trail.of(GUILD, Optional.of(days));
            }
            List<Duration> took = new ArrayList<>();
            AuditTrail.Trail last = null;
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                last = trail.of(GUILD, Optional.of(days));
                took.add(Duration.ofNanos(System.nanoTime() - start));
            }
            AuditTrail.Trail.Entries entries = (AuditTrail.Trail.Entries) last;
            System.out.printf(
                    "/privacy audit days:%d over %,d audit rows: %,d entries%s, 100 after 20: %s%n",
                    days,
                    count(database, "audit_log"),
                    entries.entries().size(),
                    entries.cut() ? " (cut)" : "",
                    new Latencies(took).summary());
        }
    }

    private static void retention(Repositories store, Settings settings, MutableClock clock) {
        Housekeeping housekeeping = new Housekeeping(
                store, settings.retention().months(), settings.retention().highlightMonths(), clock);
        // A first run takes what fell due during the year (used codes, old join tries); the daily one then has nothing.
        housekeeping.run();
        long start = System.nanoTime();
        Housekeeping.Removed nothing = housekeeping.run();
        double idle = (System.nanoTime() - start) / 1e6;
        clock.advance(Duration.ofDays(14 * 30 + 6));
        start = System.nanoTime();
        Housekeeping.Removed removed = housekeeping.run();
        double later = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                "retention (%d months, highlights %d): nothing to do %.1f ms (%s);"
                        + " 14 months on %,.0f ms, removed %s%n",
                settings.retention().months(),
                settings.retention().highlightMonths(),
                idle,
                nothing.counts(),
                later,
                removed.counts());
    }

    /** A first name of letters only, one per child: Kind, Kindb, Kindc, ... */
    private static String childName(int i) {
        StringBuilder name = new StringBuilder("Kind");
        for (int n = i; n > 0; n /= 26) {
            name.append((char) ('a' + n % 26));
        }
        return name.toString();
    }

    private static Duration time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static long count(Database database, String table) {
        return database.read(sql -> sql.count("SELECT count(*) AS n FROM " + table));
    }

    /** The file and its WAL. */
    private static double mebibytes(Database database, Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return (Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0)) / 1048576.0;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the database file could not be measured", e);
        }
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip() + " (2 cores)";
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }
}
