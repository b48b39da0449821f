package nl.classbridge.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.CoreServices;
import nl.classbridge.bench.Latencies;
import nl.classbridge.bench.Profiling;
import nl.classbridge.bench.Rss;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.Reply;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.config.Settings;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.JoinResult;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.Database;
import nl.classbridge.store.Repositories;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.updates.UpdateMail;

/**
 * A benchmark, not a test: a school year of a 1,000-guardian school, then the bot started on its
 * database against the local Discord server. The year goes through the real services and store
 * (ClassRoster, Enrolment, CheckinRounds with the outbox's greetings, Conversations), on a clock
 * that walks from September to June: 29 classes of 35 children (1,015 children, 1,000 guardians:
 * 15 of them with two children), 40 class updates per class (three highlights each and the
 * channel post in the outbox), 6 check-in rounds answered by every family, and 2 conversations
 * per child. The conversation cycle is not built yet (a later issue); a conversation is modelled
 * by what exists: a parent coming back to a check-in in DMs to change an answer (Change, then a
 * new typed answer). The outbox's messages of the year are recorded as sent (nothing is sent
 * during the simulation; {@link DmFanOutBenchmark} measures sending).
 *
 * <p>Prints the database size, the start-up time to ready (JDA ready against the local server,
 * commands registered), resident memory idle and during a burst of presses, and the latency of
 * {@code /checkin status} and {@code /checkin results} for the teacher's class of 35 through the
 * real commands. Run:
 * {@code mvn -B -Pbench test-compile exec:java -Dbench.main=nl.classbridge.discord.SchoolYearBenchmark}
 * (about 40 seconds, all on loopback). {@code -Dbench.jfr=FILE} records the {@code /checkin results}
 * phase with JFR; {@code -Dbench.classes=N} simulates fewer classes.
 */
public final class SchoolYearBenchmark {
    private static final int CLASSES = Integer.getInteger("bench.classes", 29);
    private static final int CHILDREN = 35;
    private static final int SIBLINGS = 30;
    private static final int UPDATES = 40;
    private static final int ROUNDS = 6;
    private static final int CONVERSATIONS = 2;
    private static final int COMMANDS = 200;

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
                            + " %d check-in rounds, %d conversations per child; %s%n",
                    CLASSES,
                    CHILDREN,
                    year.guardians,
                    UPDATES,
                    ROUNDS,
                    CONVERSATIONS,
                    ButtonBurstBenchmark.loadAverage());
            System.out.printf(
                    "simulated in %.1f s: %,d answers, %,d conversations, %,d deliveries%n",
                    year.nanos / 1e9, year.answers, year.conversationsHeld, year.deliveries);
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

            Latencies status = command(school, "checkin status");
            Latencies results;
            Profiling profiling = Profiling.phase("/checkin results");
            try {
                results = command(school, "checkin results");
            } finally {
                profiling.close();
            }
            System.out.printf(
                    "/checkin status, class of %d, %d after %d to warm up: %s%n",
                    CHILDREN, COMMANDS, COMMANDS / 4, status.summary());
            System.out.printf(
                    "/checkin results, class of %d, %d after %d to warm up: %s%n",
                    CHILDREN, COMMANDS, COMMANDS / 4, results.summary());

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

    /** The teacher's command, time to the bot's answer: {@code COMMANDS} after a quarter as many to warm up. */
    private static Latencies command(SchoolOnDiscord school, String command) {
        for (int i = 0; i < COMMANDS / 4; i++) {
            school.teacher(command, Map.of());
        }
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            Interaction interaction = school.discord.slashCommand(school.teacher, school.groep5, command, Map.of());
            interaction.awaitResponse();
            latencies.add(interaction.acknowledgedIn().orElseThrow());
        }
        return new Latencies(latencies);
    }

    private static long sizeIfThere(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The year, through the services, before the bot first starts. */
    private static final class Year {
        final List<LocalUser> measuredParents = new ArrayList<>();
        long nanos;
        int guardians;
        long answers;
        long deliveries;
        long conversationsHeld;
        long databaseBytes;

        void simulate(SchoolOnDiscord school) {
            long start = System.nanoTime();
            try {
                Settings settings = school.settings();
                try (Database database = Database.open(settings.database().path())) {
                    run(school, settings, database);
                }
                databaseBytes = Files.size(settings.database().path());
            } catch (Exception e) {
                throw new IllegalStateException("the school year could not be simulated", e);
            }
            nanos = System.nanoTime() - start;
        }

        private void run(SchoolOnDiscord school, Settings settings, Database database) {
            long began = System.nanoTime();
            MutableClock clock = MutableClock.at("2025-09-01T07:00:00Z");
            Repositories store = Repositories.over(database);
            ActiveQuestionnaires questionnaires =
                    ActiveQuestionnaires.load(settings.texts().questionnairesFolder(), store.questionnaires(), clock);
            // The bot's own wiring of the core's use cases, as the running bot builds them.
            CoreServices core = CoreServices.wire(database, store, settings, questionnaires, clock);
            Outbox outbox = core.outbox();
            ClassRoster roster = core.roster();
            Enrolment enrolment = core.enrolment();
            CheckinRounds rounds = core.rounds();
            Conversations conversations = core.conversations();

            // The classes, their children and families: the teacher's own class (groep 5) with parents
            // on the local server, the others with families the bot never meets during the benchmark.
            List<SchoolClass> classes = new ArrayList<>();
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
                for (int k = 0; k < CHILDREN; k++, child++) {
                    var added = roster.addStudent(schoolClass, PressingFamilies.childName(child), teacher.id());
                    Student student = ((ClassRoster.StudentAdded.Added) added).student();
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
                    if (!(enrolment.join(code, userId, "ouder") instanceof JoinResult.Joined)) {
                        throw new IllegalStateException("a family could not join");
                    }
                }
            }
            System.out.printf("  families joined: %.1f s%n", (System.nanoTime() - began) / 1e9);
            guardians = database.read(sql -> sql.count("SELECT count(*) AS n FROM guardian"))
                    .intValue();

            // The year: a class update every week, a check-in every six weeks, answered within days.
            Instant september = clock.instant();
            for (int week = 0; week < UPDATES; week++) {
                clock.set(september.plus(Duration.ofDays(7L * week)));
                for (int c = 0; c < CLASSES; c++) {
                    postUpdate(database, store, outbox, classes.get(c), teachers.get(c), clock.instant());
                }
                if (week % 6 == 0) {
                    System.out.printf("  week %d: %.1f s%n", week, (System.nanoTime() - began) / 1e9);
                }
                if (week % 6 == 0 && week / 6 < ROUNDS) {
                    int round = week / 6;
                    for (int c = 0; c < CLASSES; c++) {
                        checkIn(rounds, conversations, classes.get(c), teachers.get(c), round == 1 || round == 4);
                    }
                }
            }
            database.execute(sql -> sql.update(
                    "UPDATE delivery SET status = 'sent', sent_at = created_at" + " WHERE status = 'queued'"));
            deliveries = database.read(sql -> sql.count("SELECT count(*) AS n FROM delivery"));
            answers = database.read(sql -> sql.count("SELECT count(*) AS n FROM answer"));
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

        private void checkIn(
                CheckinRounds rounds,
                Conversations conversations,
                SchoolClass schoolClass,
                long teacher,
                boolean conversationRound) {
            // Starting queues the invitations, as /checkin start does.
            CheckinRounds.Started started = rounds.start(schoolClass, "check-in", 7, teacher);
            if (!(started instanceof CheckinRounds.Started.Round round)) {
                throw new IllegalStateException("a round did not start: " + started);
            }
            for (CheckinRequest request : round.requests()) {
                answerAll(conversations, request);
                if (conversationRound) {
                    // A conversation, as far as one exists yet: back in DMs to change the last answer.
                    Reply changed = conversations.change(request.id(), request.guardianId(), "good-to-know");
                    if (changed instanceof Reply.Show show && show.step() instanceof Step.Ask ask) {
                        conversations.answer(
                                request.id(),
                                request.guardianId(),
                                ask.question().id(),
                                "Na ons gesprek: graag wat vaker een berichtje over hoe het gaat.",
                                AnswerSource.DISCORD_TEXT);
                        conversations.finish(request.id(), request.guardianId());
                        conversationsHeld++;
                    }
                }
            }
        }

        private static void answerAll(Conversations conversations, CheckinRequest request) {
            Reply reply = conversations.begin(request.id(), request.guardianId());
            while (reply instanceof Reply.Show show && show.step() instanceof Step.Ask ask) {
                Question question = ask.question();
                String answer = question.type() == QuestionType.SCALE
                        ? String.valueOf(2 + (int) (request.id() % 4))
                        : question.type() == QuestionType.YES_NO
                                ? "ja"
                                : question.type() == QuestionType.CHOICE
                                        ? question.options().get(0).id()
                                        : "Het gaat goed; hij vertelt thuis veel over de klas en speelt graag buiten.";
                reply = conversations.answer(
                        request.id(), request.guardianId(), question.id(), answer, AnswerSource.DISCORD_BUTTON);
            }
            conversations.finish(request.id(), request.guardianId());
        }
    }
}
