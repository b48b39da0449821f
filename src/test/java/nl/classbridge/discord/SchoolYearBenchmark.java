package nl.classbridge.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.classbridge.CoreServices;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.bench.Families;
import nl.classbridge.bench.Latencies;
import nl.classbridge.bench.Profiling;
import nl.classbridge.bench.Rss;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.config.Settings;
import nl.classbridge.conversations.ChildViews;
import nl.classbridge.conversations.ConversationPlans;
import nl.classbridge.conversations.Reflections;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.JoinResult;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.Database;
import nl.classbridge.store.Repositories;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.updates.UpdateMail;

/**
 * A benchmark, not a test: a school year of a 1,000-guardian school, then the bot started on its
 * database against the local Discord server. The year goes through the real services and store, as
 * the running bot wires them ({@link CoreServices}): ClassRoster, Enrolment, CheckinRounds with the
 * outbox's greetings, the families' answers through Conversations, and the conversation cycle
 * (ConversationPlans, ChildViews, Reflections, Agreements with the guardians' confirmations,
 * AlignmentReminders). Its clock walks 40 school weeks, Monday to Sunday, ending last Sunday, so the
 * bot on the real clock meets the year as it ends (the class updates of the last four weeks are
 * there for {@code /prep}, the end-of-year conversations are still to come): 29 classes of 35
 * children (1,015 children, 1,000 guardians: 15 of them with two children), 40 class updates per
 * class (three highlights each and the channel post in the outbox), 6 check-in rounds answered by
 * every family (one in eight asking to talk with the teacher), and 2 parent conversations per child
 * held, in weeks 9-10 and 27-28. Each is planned two to three weeks ahead, four an afternoon; two
 * days later the family answers the before-conversation questions; three days before it the teacher
 * writes down the child's view; on the day the teacher marks the earlier conversation's first
 * agreement done, records 2 new ones (to align again six weeks on), marks the conversation held
 * (the family gets the after-conversation questions) and writes a reflection; that evening each
 * guardian confirms both agreements (about one in six sees one differently, in their own words), and
 * two days later answers the after-conversation questions. The align-again reminders run every
 * simulated morning. In the last week every teacher plans the end-of-year conversations, after the
 * year: half the families answered the questions beforehand, a third of the children's views are
 * written down. Each step is the service's own transaction. The outbox's messages of the year are
 * recorded as sent (nothing is sent during the simulation; {@link DmFanOutBenchmark} measures
 * sending).
 *
 * <p>Prints what the year holds, the database size, the start-up time to ready (JDA ready against
 * the local server, commands registered), resident memory idle and during a burst of presses, and,
 * through the real commands in the teacher's class of 35 (with what each answers), the latency of
 * {@code /checkin status}, {@code /checkin results}, {@code /prep student:<a child with a full year>}
 * (a Markdown file), {@code /class overview}, {@code /agreement list student:<that child>} and
 * {@code /conversation list}. Run:
 * {@code mvn -B -Pbench test-compile exec:java -Dbench.main=nl.classbridge.discord.SchoolYearBenchmark}
 * (about a minute on a quiet machine, all on loopback). {@code -Dbench.jfr=FILE} records the
 * {@code /checkin results} phase with JFR; {@code -Dbench.classes=N} simulates fewer classes;
 * {@code -Dbench.show=true} prints the replies too.
 */
public final class SchoolYearBenchmark {
    private static final int CLASSES = Integer.getInteger("bench.classes", 29);
    private static final int CHILDREN = 35;
    private static final int SIBLINGS = 30;
    private static final int WEEKS = 40;
    private static final int UPDATES = 40;
    private static final int ROUNDS = 6;
    /** The weeks the teachers plan the autumn and spring conversations (held), and the end-of-year ones. */
    private static final int[] PLANNING_WEEKS = {7, 25, WEEKS - 1};

    private static final int HELD = 2;
    private static final int COMMANDS = 200;
    /** The child of the teacher's class whose year the teacher's commands read. */
    private static final String MEASURED_CHILD = PressingFamilies.childName(0);

    private SchoolYearBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("classbridge-year");
        Year year = new Year();
        long constructed = System.nanoTime();
        try (SchoolOnDiscord school = new SchoolOnDiscord(folder, s -> year.simulate(s))) {
            long firstStart = System.nanoTime() - constructed - year.nanos;
            Path db = folder.resolve("classbridge.db");
            System.out.printf(
                    "School year: %d classes of %d children, %d guardians, %d updates per class,"
                            + " %d check-in rounds, %d conversations held per child and one planned; %s%n",
                    CLASSES, CHILDREN, year.guardians, UPDATES, ROUNDS, HELD, ButtonBurstBenchmark.loadAverage());
            System.out.printf(
                    "simulated in %.1f s: %,d answers, %,d conversations held and %,d planned, %,d child views,"
                            + " %,d reflections, %,d agreements (%,d done), %,d confirmations (%,d seeing it"
                            + " differently), %,d align-again reminders, %,d deliveries%n",
                    year.nanos / 1e9,
                    year.count("SELECT count(*) AS n FROM answer"),
                    year.count("SELECT count(*) AS n FROM parent_conversation WHERE held_at IS NOT NULL"),
                    year.count("SELECT count(*) AS n FROM parent_conversation WHERE held_at IS NULL"),
                    year.count("SELECT count(*) AS n FROM child_view"),
                    year.count("SELECT count(*) AS n FROM reflection"),
                    year.count("SELECT count(*) AS n FROM agreement"),
                    year.count("SELECT count(*) AS n FROM agreement WHERE status = 'done'"),
                    year.count("SELECT count(*) AS n FROM agreement_confirmation WHERE status <> 'asked'"),
                    year.count("SELECT count(*) AS n FROM agreement_confirmation WHERE status = 'differs'"),
                    year.reminders,
                    year.count("SELECT count(*) AS n FROM delivery"));
            System.out.printf(
                    "database: %.1f MiB (%s, after the year, closed: the WAL checkpointed)%n",
                    year.databaseBytes / 1048576.0, db.getFileName());

            Duration restart = restart(school);
            System.out.printf(
                    "start-up to ready (database open and migrated, JDA ready, commands registered):"
                            + " first start in this JVM %.2f s, a restart %.2f s%n",
                    firstStart / 1e9, restart.toNanos() / 1e9);
            System.gc();
            System.out.printf(
                    "resident memory idle after start: %d MiB (heap live %d MiB)%n",
                    Rss.mebibytes(), Rss.liveHeapMebibytes());

            Latencies status = command(school, "checkin status", Map.of());
            Latencies results;
            Profiling profiling = Profiling.phase("/checkin results");
            try {
                results = command(school, "checkin results", Map.of());
            } finally {
                profiling.close();
            }
            report("/checkin status", status);
            report("/checkin results", results);
            Map<String, String> child = Map.of("student", MEASURED_CHILD);
            report(school, "prep", child);
            report(school, "class overview", Map.of());
            report(school, "agreement list", child);
            report(school, "conversation list", Map.of());

            PressingFamilies pressing =
                    PressingFamilies.of(school, PressingFamilies.atFirstQuestion(school, year.measuredParents));
            long rssBefore = Rss.mebibytes();
            PressingFamilies.Burst burst = null;
            for (int i = 0; i < 3; i++) {
                burst = pressing.burst(700, CHILDREN);
            }
            System.out.printf(
                    "resident memory: before a burst %d MiB, after three bursts of 700 presses from %d"
                            + " parents %d MiB, peak %d MiB (last burst %.0f presses/s, p99 %s ms)%n",
                    rssBefore,
                    CHILDREN,
                    Rss.mebibytes(),
                    Rss.peakMebibytes(),
                    burst.perSecond(),
                    Latencies.millis(burst.latencies().percentile(99)));
            System.out.printf(
                    "database after the bursts: %.1f MiB; %s%n",
                    (Files.size(db) + sizeIfThere(folder.resolve("classbridge.db-wal"))) / 1048576.0,
                    ButtonBurstBenchmark.loadAverage());
        }
    }

    private static Duration restart(SchoolOnDiscord school) throws Exception {
        school.bot.close();
        long start = System.nanoTime();
        school.start();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void report(String command, Latencies latencies) {
        System.out.printf(
                "%s, class of %d, %d after %d to warm up: %s%n",
                command, CHILDREN, COMMANDS, COMMANDS / 4, latencies.summary());
    }

    /** What the teacher's command answers, then its latency. */
    private static void report(SchoolOnDiscord school, String command, Map<String, String> options) {
        StringBuilder typed = new StringBuilder("/" + command);
        options.forEach(
                (name, value) -> typed.append(' ').append(name).append(':').append(value));
        System.out.printf("%s answers %s%n", typed, describe(school, command, options));
        report(typed.toString(), command(school, command, options));
    }

    /**
     * The teacher's command in the class channel with {@code options}, time to the bot's answer (its
     * callback, which carries a file when there is one): {@code COMMANDS} after a quarter as many to
     * warm up.
     */
    private static Latencies command(SchoolOnDiscord school, String command, Map<String, ?> options) {
        for (int i = 0; i < COMMANDS / 4; i++) {
            school.teacher(command, options);
        }
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            Interaction interaction = school.discord.slashCommand(school.teacher, school.groep5, command, options);
            interaction.awaitResponse();
            latencies.add(interaction.acknowledgedIn().orElseThrow());
        }
        return new Latencies(latencies);
    }

    /** What the command answers, in short: the message's length and any file's name and length. */
    private static String describe(SchoolOnDiscord school, String command, Map<String, ?> options) {
        InteractionResponse response = school.discord
                .slashCommand(school.teacher, school.groep5, command, options)
                .awaitResponse();
        List<AttachedFile> files = school.discord.attachments(response.data());
        String message = String.format(
                Locale.ROOT,
                "%s message of %,d characters",
                response.ephemeral() ? "a private" : "a",
                response.content().length());
        if (System.getProperty("bench.show") != null) {
            message += ":\n" + response.content();
        }
        return files.isEmpty()
                ? message
                : message
                        + String.format(
                                Locale.ROOT,
                                " with %s of %,d characters",
                                files.get(0).filename(),
                                files.get(0).text().length());
    }

    private static long sizeIfThere(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The year, through the services, before the bot first starts. */
    private static final class Year {
        final List<LocalUser> measuredParents = new ArrayList<>();
        /** What happens when: each entry runs with the clock set to its instant, in the order added. */
        private final TreeMap<Instant, List<Runnable>> agenda = new TreeMap<>();

        private final Map<String, Long> counts = new HashMap<>();
        long nanos;
        int guardians;
        long reminders;
        long databaseBytes;
        private MutableClock clock;

        long count(String query) {
            return counts.get(query);
        }

        void simulate(SchoolOnDiscord school) {
            long start = System.nanoTime();
            try {
                Settings settings = school.settings();
                try (Database database = Database.open(settings.database().path())) {
                    run(school, settings, database);
                    for (String query : List.of(
                            "SELECT count(*) AS n FROM answer",
                            "SELECT count(*) AS n FROM parent_conversation WHERE held_at IS NOT NULL",
                            "SELECT count(*) AS n FROM parent_conversation WHERE held_at IS NULL",
                            "SELECT count(*) AS n FROM child_view",
                            "SELECT count(*) AS n FROM reflection",
                            "SELECT count(*) AS n FROM agreement",
                            "SELECT count(*) AS n FROM agreement WHERE status = 'done'",
                            "SELECT count(*) AS n FROM agreement_confirmation WHERE status <> 'asked'",
                            "SELECT count(*) AS n FROM agreement_confirmation WHERE status = 'differs'",
                            "SELECT count(*) AS n FROM delivery")) {
                        counts.put(query, database.read(sql -> sql.count(query)));
                    }
                }
                databaseBytes = Files.size(settings.database().path());
            } catch (Exception e) {
                throw new IllegalStateException("the school year could not be simulated", e);
            }
            nanos = System.nanoTime() - start;
        }

        private void at(Instant when, Runnable work) {
            agenda.computeIfAbsent(when, k -> new ArrayList<>()).add(work);
        }

        private void run(SchoolOnDiscord school, Settings settings, Database database) {
            long began = System.nanoTime();
            // Day 0 of the year, a Monday at 07:00 UTC, 40 weeks before this week's Monday: the year's
            // last simulated day is last Sunday.
            LocalDate thisMonday =
                    LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Instant firstDay = thisMonday.minusWeeks(WEEKS).atTime(7, 0).toInstant(ZoneOffset.UTC);
            clock = new MutableClock(firstDay);
            Repositories store = Repositories.over(database);
            ActiveQuestionnaires questionnaires =
                    ActiveQuestionnaires.load(settings.texts().questionnairesFolder(), store.questionnaires(), clock);
            // The bot's own wiring of the core's use cases, as the running bot builds them.
            CoreServices core = CoreServices.wire(database, store, settings, questionnaires, clock);
            ClassRoster roster = core.roster();
            Enrolment enrolment = core.enrolment();

            // The classes, their children and families: the teacher's own class (groep 5) with parents
            // on the local server, the others with families the bot never meets during the benchmark.
            List<SchoolClass> classes = new ArrayList<>();
            List<List<Student>> children = new ArrayList<>();
            List<Long> teachers = new ArrayList<>();
            int child = 0;
            for (int c = 0; c < CLASSES; c++) {
                LocalUser teacher = c == 0 ? school.teacher : school.discord.addUser("leerkracht" + c);
                LocalChannel channel = c == 0 ? school.groep5 : school.guild.addTextChannel("groep-" + c);
                if (c > 0) {
                    school.guild.addMember(teacher, school.teacherRole);
                }
                var setUp = roster.setUp(
                        school.guild.id(),
                        channel.id(),
                        "Groep " + (c + 5),
                        Optional.empty(),
                        Optional.empty(),
                        teacher.id(),
                        teacher.username());
                SchoolClass schoolClass = ((ClassRoster.SetUp.Created) setUp).schoolClass();
                classes.add(schoolClass);
                teachers.add(teacher.id());
                List<Student> ofClass = new ArrayList<>();
                children.add(ofClass);
                for (int k = 0; k < CHILDREN; k++, child++) {
                    var added = roster.addStudent(schoolClass, PressingFamilies.childName(child), teacher.id());
                    Student student = ((ClassRoster.StudentAdded.Added) added).student();
                    ofClass.add(student);
                    long userId;
                    if (c == 0) {
                        LocalUser parent = school.parent("ouder" + k);
                        measuredParents.add(parent);
                        userId = parent.id();
                    } else {
                        // The last SIBLINGS children of the school share a guardian two by two.
                        int total = CLASSES * CHILDREN;
                        int guardian =
                                child < total - SIBLINGS ? child : total - SIBLINGS + (child - (total - SIBLINGS)) / 2;
                        userId = 900_000_000_000_000_000L + guardian;
                    }
                    String code = enrolment.invite(student, teacher.id()).code();
                    if (!(enrolment.join(code, userId, "ouder", Optional.empty()) instanceof JoinResult.Joined)) {
                        throw new IllegalStateException("a family could not join");
                    }
                }
            }
            System.out.printf("  families joined: %.1f s%n", (System.nanoTime() - began) / 1e9);
            guardians = database.read(sql -> sql.count("SELECT count(*) AS n FROM guardian"))
                    .intValue();

            // The year: the align-again reminders every morning, a class update every week, a check-in
            // every six weeks (answered within the day), and the conversations, each step on its day.
            for (int day = 0; day < 7 * WEEKS; day++) {
                at(day(firstDay, day, 0), () -> reminders += core.alignments().run());
            }
            for (int week = 0; week < UPDATES; week++) {
                int w = week;
                at(day(firstDay, 7 * week, 0), () -> {
                    if (w % 6 == 0) {
                        System.out.printf("  week %d: %.1f s%n", w, (System.nanoTime() - began) / 1e9);
                    }
                    for (int c = 0; c < CLASSES; c++) {
                        postUpdate(database, store, core.outbox(), classes.get(c), teachers.get(c), clock.instant());
                    }
                    if (w % 6 == 0 && w / 6 < ROUNDS) {
                        for (int c = 0; c < CLASSES; c++) {
                            checkIn(core, classes.get(c), teachers.get(c));
                        }
                    }
                });
            }
            Map<Long, List<Long>> agreementsOf = new HashMap<>();
            for (int cycle = 0; cycle < PLANNING_WEEKS.length; cycle++) {
                int planningDay = 7 * PLANNING_WEEKS[cycle];
                boolean held = cycle < HELD;
                for (int c = 0; c < CLASSES; c++) {
                    SchoolClass schoolClass = classes.get(c);
                    long teacher = teachers.get(c);
                    for (int k = 0; k < CHILDREN; k++) {
                        Student student = children.get(c).get(k);
                        int i = k;
                        // Four conversations an afternoon from 14:00, on the weekdays two and three weeks
                        // after planning (a Monday).
                        int conversationDay = planningDay + 14 + k / 4 + (k / 4 >= 5 ? 2 : 0);
                        at(day(firstDay, planningDay, 1), () -> {
                            LocalDate on = day(firstDay, conversationDay, 0)
                                    .atZone(schoolClass.timezone())
                                    .toLocalDate();
                            String time = String.format(Locale.ROOT, "%02d:%02d", 14 + i % 4 / 2, 30 * (i % 2));
                            var planned = core.plans()
                                    .plan(
                                            schoolClass,
                                            student.name(),
                                            on.toString(),
                                            Optional.of(time),
                                            false,
                                            teacher);
                            if (!(planned instanceof ConversationPlans.Planned.Done done)
                                    || done.invitation() != ConversationPlans.Invitation.SENT) {
                                throw new IllegalStateException("a conversation was not planned: " + planned);
                            }
                            long beforeRound =
                                    done.conversation().beforeRoundId().orElseThrow();
                            if (held || i % 2 == 0) {
                                at(day(firstDay, planningDay + 2, 12), () -> answerRound(core, store, beforeRound));
                            }
                        });
                        // The end-of-year conversations come after the year: their child views are from its last week.
                        if (held || k % 3 == 0) {
                            at(
                                    day(firstDay, held ? conversationDay - 3 : planningDay + 3, 8),
                                    () -> childView(core, schoolClass, student, teacher));
                        }
                        if (held) {
                            LocalDate alignAgain = day(firstDay, conversationDay + 42, 0)
                                    .atZone(schoolClass.timezone())
                                    .toLocalDate();
                            List<Long> earlier = agreementsOf.computeIfAbsent(student.id(), id -> new ArrayList<>());
                            at(
                                    day(firstDay, conversationDay, 9),
                                    () -> hold(core, store, schoolClass, student, teacher, alignAgain, earlier));
                            at(day(firstDay, conversationDay, 13), () -> confirm(core, store, student, earlier));
                        }
                    }
                }
            }
            while (!agenda.isEmpty()) {
                Map.Entry<Instant, List<Runnable>> next = agenda.pollFirstEntry();
                clock.set(next.getKey());
                next.getValue().forEach(Runnable::run);
            }
            System.out.printf("  the year done: %.1f s%n", (System.nanoTime() - began) / 1e9);
            database.execute(sql -> sql.update(
                    "UPDATE delivery SET status = 'sent', sent_at = created_at" + " WHERE status = 'queued'"));
        }

        /** Day {@code day} of the year, {@code hours} after 07:00 UTC. */
        private static Instant day(Instant firstDay, int day, int hours) {
            return firstDay.plus(Duration.ofDays(day)).plus(Duration.ofHours(hours));
        }

        private static void childView(CoreServices core, SchoolClass schoolClass, Student student, long teacher) {
            var recorded = core.childViews()
                    .childView(
                            schoolClass,
                            student.name(),
                            "Rekenen vind ik moeilijk, vooral de tafels. Ik help graag anderen met lezen, en ik wil"
                                    + " vaker samen met een vriendje werken.",
                            teacher);
            if (!(recorded instanceof ChildViews.ChildViewRecorded.Saved)) {
                throw new IllegalStateException("a child's view was not recorded: " + recorded);
            }
        }

        /**
         * The conversation on its day: the first of the earlier agreements done, two new ones recorded
         * (asked of each guardian), the conversation marked held (the after questions sent), the
         * teacher's reflection; the family answers the after questions two days later.
         */
        private void hold(
                CoreServices core,
                Repositories store,
                SchoolClass schoolClass,
                Student student,
                long teacher,
                LocalDate alignAgain,
                List<Long> agreements) {
            if (!agreements.isEmpty()) {
                var done = core.agreements().done(schoolClass, student.name(), agreements.get(0), teacher);
                if (done != Agreements.Done.DONE) {
                    throw new IllegalStateException("an agreement was not marked done: " + done);
                }
            }
            agreements.clear();
            String[][] texts = {
                {
                    "together",
                    student.name() + " leest elke avond 15 minuten voor, en vrijdag kijken we samen hoe het ging."
                },
                {
                    "teacher",
                    "Juf stuurt om de week een kort berichtje over hoe het in de klas gaat, ook als het goed gaat."
                }
            };
            for (String[] agreement : texts) {
                var added = core.agreements()
                        .add(
                                schoolClass,
                                student.name(),
                                agreement[1],
                                AgreementOwner.valueOf(agreement[0].toUpperCase(Locale.ROOT)),
                                Optional.of(alignAgain),
                                teacher);
                if (!(added instanceof Agreements.Added.Saved saved)) {
                    throw new IllegalStateException("an agreement was not added: " + added);
                }
                agreements.add(saved.agreement().id());
            }
            var held = core.plans().held(schoolClass, student.name(), teacher);
            if (!(held instanceof ConversationPlans.Held.Done done)
                    || done.invitation() != ConversationPlans.Invitation.SENT) {
                throw new IllegalStateException("a conversation was not marked held: " + held);
            }
            var reflected = core.reflections()
                    .reflect(
                            schoolClass,
                            done.conversation().id(),
                            teacher,
                            "Er was ruimte voor het verhaal van de ouders; we begonnen bij wat goed gaat.",
                            "Eerder vragen wat " + student.name() + " zelf vindt van de afspraken.",
                            "Over zes weken samen kijken of het lezen thuis werkt.");
            if (!(reflected instanceof Reflections.Reflected.Saved)) {
                throw new IllegalStateException("a reflection was not saved: " + reflected);
            }
            long afterRound = done.conversation().afterRoundId().orElseThrow();
            at(clock.instant().plus(Duration.ofDays(2)), () -> answerRound(core, store, afterRound));
        }

        /** The evening of the conversation, each guardian answers both agreements. */
        private static void confirm(CoreServices core, Repositories store, Student student, List<Long> agreements) {
            for (Guardian guardian : store.guardians().ofStudent(student.id())) {
                for (long agreement : agreements) {
                    boolean differs = (agreement + guardian.id()) % 6 == 0;
                    var answered = core.agreements()
                            .answer(
                                    agreement,
                                    guardian.id(),
                                    differs ? ConfirmationStatus.DIFFERS : ConfirmationStatus.CONFIRMED,
                                    differs
                                            ? Optional.of("Doordeweeks lukt het ons niet elke avond; in het weekend"
                                                    + " lezen we wel samen, langer.")
                                            : Optional.empty());
                    if (!(answered instanceof Agreements.Answered.Saved)) {
                        throw new IllegalStateException("an agreement was not answered: " + answered);
                    }
                }
            }
        }

        private static void answerRound(CoreServices core, Repositories store, long roundId) {
            for (CheckinRequest request : store.checkins().requests(roundId)) {
                Families.answerAll(core.conversations(), request);
            }
        }

        private static void postUpdate(
                Database database,
                Repositories store,
                Outbox outbox,
                SchoolClass schoolClass,
                long teacher,
                Instant now) {
            database.inTransaction(() -> {
                List<Long> ids = new ArrayList<>();
                String[] texts = {
                    "We hebben geoefend met breuken; iedereen kan nu een pizza eerlijk verdelen.",
                    "Op het plein hebben we samen een nieuw spel bedacht en elkaar geholpen met de regels.",
                    "Vrijdag vierden we de verjaardag van de klas met een liedje en een zelfgemaakte slinger."
                };
                HighlightKind[] kinds = {
                    HighlightKind.LEARNING, HighlightKind.SOCIAL_EMOTIONAL, HighlightKind.CELEBRATION
                };
                for (int i = 0; i < texts.length; i++) {
                    ids.add(store.highlights()
                            .add(schoolClass.id(), kinds[i], texts[i], teacher, now)
                            .id());
                }
                outbox.enqueue(UpdateMail.post(schoolClass.id(), now, String.join("\n\n", texts)));
                store.highlights().markUsed(ids, now);
            });
        }

        private static void checkIn(CoreServices core, SchoolClass schoolClass, long teacher) {
            // Starting queues the invitations, as /checkin start does.
            CheckinRounds.Started started = core.rounds().start(schoolClass, "check-in", 7, teacher);
            if (!(started instanceof CheckinRounds.Started.Round round)) {
                throw new IllegalStateException("a round did not start: " + started);
            }
            for (CheckinRequest request : round.requests()) {
                Families.answerAll(core.conversations(), request);
            }
        }
    }
}
