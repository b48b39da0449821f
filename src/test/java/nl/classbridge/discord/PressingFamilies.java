package nl.classbridge.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.classbridge.bench.Latencies;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;

/**
 * The set-up the press benchmarks share: a class with one child per family, every family on
 * Discord and joined with an invite code, a check-in started, and every parent past Start, at the
 * first question (a 1-5 scale). A press answers that question again with a new scale point: one
 * indexed read of the guardian, a transaction that writes the answer and the position, and the
 * message re-rendered in place, which is what a parent's press costs the bot.
 */
final class PressingFamilies implements AutoCloseable {
    final SchoolOnDiscord school;
    final List<Family> families = new ArrayList<>();

    /** One parent, the message with the first question, and the id prefix of its scale buttons. */
    record Family(LocalUser parent, PostedMessage question, String answerPrefix) {}

    private PressingFamilies(SchoolOnDiscord school) {
        this.school = school;
    }

    /** {@code count} families; {@code environment} overrides the bot's settings (e.g. the DM pace). */
    static PressingFamilies start(Path folder, int count, Map<String, String> environment) throws Exception {
        SchoolOnDiscord school = new SchoolOnDiscord(folder, s -> s.extraEnvironment.putAll(environment));
        PressingFamilies pressing = new PressingFamilies(school);
        try {
            pressing.setUp(count);
        } catch (Exception | Error e) {
            pressing.close();
            throw e;
        }
        return pressing;
    }

    private void setUp(int count) {
        school.teacher("class setup", Map.of("name", "Groep 5"));
        List<LocalUser> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String child = childName(i);
            school.teacher("student add", Map.of("name", child));
            LocalUser parent = school.parent("ouder" + i);
            school.command(
                    parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode(child)));
            parents.add(parent);
        }
        families.addAll(atFirstQuestion(school, parents));
    }

    /**
     * Starts a check-in in the teacher's class and takes each of {@code parents} past Start to the
     * first question (a 1-5 scale), as a parent would.
     */
    static List<Family> atFirstQuestion(SchoolOnDiscord school, List<LocalUser> parents) {
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        List<Family> ready = new ArrayList<>();
        for (LocalUser parent : parents) {
            PostedMessage greeting = school.discord.awaitValue(
                    "a greeting",
                    () -> school.discord.directMessagesTo(parent).stream()
                            .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                            .findFirst());
            String start = greeting.customIds().get(0);
            String firstQuestion = school.discord
                    .pressButton(parent, greeting, start)
                    .awaitResponse()
                    .content();
            PostedMessage question = school.discord.awaitValue(
                    "the first question",
                    () -> school.discord.directMessagesTo(parent).stream()
                            .filter(m -> m.id() == greeting.id() && m.content().equals(firstQuestion))
                            .findFirst());
            ready.add(new Family(parent, question, start.replace("ci:start:", "ci:ans:") + ":0:"));
        }
        return ready;
    }

    /** Families already at their first question, in a school set up by someone else. */
    static PressingFamilies of(SchoolOnDiscord school, List<Family> families) {
        PressingFamilies pressing = new PressingFamilies(school);
        pressing.families.addAll(families);
        return pressing;
    }

    /** A child's name for number {@code i}: letters only, as names are ("Kind A", "Kind BA", ...). */
    static String childName(int i) {
        StringBuilder letters = new StringBuilder();
        int n = i;
        do {
            letters.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return "Kind " + letters;
    }

    /** Family {@code who} presses scale point {@code value} (1-5) on the first question. */
    Interaction press(int who, int value) {
        Family family = families.get(who);
        return school.discord.pressButton(family.parent(), family.question(), family.answerPrefix() + value);
    }

    /**
     * The scale point press {@code i} of a run round {@code familyCount} families uses: each family
     * goes 1, 2, 3, 4, 5, 1, ... so every press differs from that family's last, and the answer
     * stored at the end tells which of its presses was handled last.
     */
    static int valueOf(int i, int familyCount) {
        return (i / familyCount) % 5 + 1;
    }

    /** One press at a time, {@code count} of them, round the families: the cost of a press with no queue. */
    Latencies oneAtATime(int count) {
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Interaction press = press(i % families.size(), valueOf(i, families.size()));
            press.awaitResponse();
            latencies.add(press.acknowledgedIn().orElseThrow());
        }
        return new Latencies(latencies);
    }

    /** A burst: {@code count} presses sent at once, round {@code families} families. */
    Burst burst(int count, int familyCount) {
        return burst(count, familyCount, i -> {});
    }

    Burst burst(int count, int familyCount, Consumer<Integer> beforeEach) {
        long start = System.nanoTime();
        List<Interaction> presses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            beforeEach.accept(i);
            presses.add(press(i % familyCount, valueOf(i, familyCount)));
        }
        presses.forEach(press -> press.awaitResponse());
        long nanos = System.nanoTime() - start;
        return new Burst(presses, familyCount, nanos);
    }

    /**
     * An open-loop arrival: {@code perSecond} presses a second for {@code seconds}, round
     * {@code familyCount} families, each sent at its planned time whether or not earlier ones were
     * answered (as people press, not waiting for each other). Latency counts from when the server
     * sent the press, so a driver running late does not hide waiting; how late it ran is returned.
     */
    OpenLoop openLoop(int perSecond, int seconds, int familyCount) {
        int count = perSecond * seconds;
        long period = 1_000_000_000L / perSecond;
        List<Interaction> presses = new ArrayList<>(count);
        long start = System.nanoTime();
        long mostLate = 0;
        for (int i = 0; i < count; i++) {
            long planned = start + i * period;
            long wait;
            while ((wait = planned - System.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            mostLate = Math.max(mostLate, System.nanoTime() - planned);
            presses.add(press(i % familyCount, valueOf(i, familyCount)));
        }
        presses.forEach(press -> press.awaitResponse());
        return new OpenLoop(new Burst(presses, familyCount, System.nanoTime() - start), Duration.ofNanos(mostLate));
    }

    /** An open-loop run, and the most the driver fell behind its plan. */
    record OpenLoop(Burst presses, Duration driverMostLate) {}

    /** What a run of presses gave: acknowledgement latencies, throughput, and whether order held. */
    record Burst(List<Interaction> presses, int familyCount, long nanos) {
        Latencies latencies() {
            return new Latencies(
                    presses.stream().map(p -> p.acknowledgedIn().orElseThrow()).toList());
        }

        double perSecond() {
            return presses.size() / (nanos / 1e9);
        }
    }

    /**
     * Whether each family's presses were handled in the order they were made: each family's
     * stored answer must be its last press (its presses go 1, 2, 3, ... so an earlier press
     * handled last would leave another value). Also counts acknowledgements that reached the
     * server out of press order: JDA sends each interaction's callback in its own rate-limit
     * bucket, over parallel connections, so two callbacks of one parent a millisecond apart may
     * arrive swapped even when handled in order.
     */
    String orderCheck(Burst burst) {
        Map<Integer, Long> lastAcknowledged = new HashMap<>();
        int outOfOrder = 0;
        for (int i = 0; i < burst.presses().size(); i++) {
            Interaction press = burst.presses().get(i);
            long at = press.acknowledgedIn().orElseThrow().toNanos() + press.createdNanos();
            Long before = lastAcknowledged.put(i % burst.familyCount(), at);
            if (before != null && before > at) {
                outOfOrder++;
            }
        }
        int wrongLast = 0;
        for (int who = 0; who < burst.familyCount(); who++) {
            int last = who;
            while (last + burst.familyCount() < burst.presses().size()) {
                last += burst.familyCount();
            }
            String expected = String.valueOf(valueOf(last, burst.familyCount()));
            if (!expected.equals(storedAnswer(who))) {
                wrongLast++;
            }
        }
        return (wrongLast == 0
                        ? "yes, every family's stored answer is its last press"
                        : "NO: " + wrongLast + " of " + burst.familyCount()
                                + " stored answers not the family's last press")
                + "; callbacks that reached the server out of press order: " + outOfOrder;
    }

    /** The scale point stored for family {@code who}'s first question, as the database has it now. */
    String storedAnswer(int who) {
        long requestId = Long.parseLong(families.get(who).answerPrefix().split(":")[2]);
        return school.inStore(db -> nl.classbridge.store.Repositories.over(db).checkins().answers(requestId).stream()
                .filter(a -> a.questionId().equals("feeling"))
                .findFirst()
                .map(a -> a.value().orElse(""))
                .orElse(""));
    }

    @Override
    public void close() {
        school.close();
    }
}
