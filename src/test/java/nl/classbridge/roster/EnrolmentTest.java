package nl.classbridge.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentTest {
    private static final long PARENT = 900L;
    private static final long OTHER_PARENT = 901L;

    @TempDir
    Path folder;

    TestStore store;
    MutableClock clock;
    Enrolment enrolment;
    Student sam;
    Student mila;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        clock = new MutableClock(TestStore.T0);
        enrolment = new Enrolment(
                store.database,
                store.students,
                store.guardians,
                store.invites,
                new nl.classbridge.store.JoinAttemptRepository(store.database),
                new InviteCode(),
                store.auditLog,
                clock);
        SchoolClass groep5 = store.aClass();
        sam = store.aStudent(groep5, "Sam");
        mila = store.aStudent(groep5, "Mila");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    @DisplayName("a code is stored only as its hash, and the code typed in any case or spacing joins")
    void codeStoredHashed() {
        Enrolment.IssuedInvite issued = enrolment.invite(sam, TestStore.TEACHER);
        assertThat(issued.code()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(issued.expiresAt()).isEqualTo(TestStore.T0.plus(Duration.ofDays(14)));

        List<String> stored = store.database.read(
                sql -> sql.list("SELECT code_hash FROM invite_code", row -> row.string("code_hash")));
        String bare = issued.code().replace("-", "");
        assertThat(stored).singleElement().satisfies(hash -> {
            assertThat(hash).isEqualTo(InviteCode.hash(issued.code())).hasSize(64);
            assertThat(hash).doesNotContainIgnoringCase(bare);
        });

        String typed = " " + issued.code().toLowerCase().replace("-", " ") + " ";
        JoinResult result = enrolment.join(typed, PARENT, "Papa Sam", Optional.empty());
        assertThat(result).isInstanceOfSatisfying(JoinResult.Joined.class, joined -> {
            assertThat(joined.student()).isEqualTo(sam);
            assertThat(joined.firstChild()).isTrue();
            assertThat(joined.guardian().discordUserId()).contains(PARENT);
        });
        long guardianId =
                store.guardians.findByDiscordUser(PARENT).orElseThrow().id();
        assertThat(store.guardians.isLinked(guardianId, sam.id())).isTrue();
    }

    @Test
    @DisplayName("a code works once: the second parent is told it was used and nothing is linked")
    void singleUse() {
        String code = enrolment.invite(sam, TestStore.TEACHER).code();
        assertThat(enrolment.join(code, PARENT, "Papa Sam", Optional.empty())).isInstanceOf(JoinResult.Joined.class);
        assertThat(enrolment.join(code, OTHER_PARENT, "Mama Mila", Optional.empty()))
                .isInstanceOf(JoinResult.Used.class);
        assertThat(store.guardians.findByDiscordUser(OTHER_PARENT)).isEmpty();
        assertThat(enrolment.join(code, PARENT, "Papa Sam", Optional.empty()))
                .isEqualTo(new JoinResult.AlreadyLinked(sam));
    }

    @Test
    @DisplayName("an expired code is refused; one second before expiry it still works")
    void expiry() {
        String late = enrolment.invite(sam, TestStore.TEACHER).code();
        String justInTime = enrolment.invite(mila, TestStore.TEACHER).code();
        clock.advance(Enrolment.INVITE_VALIDITY.minusSeconds(1));
        assertThat(enrolment.join(justInTime, PARENT, "Papa Sam", Optional.empty()))
                .isInstanceOf(JoinResult.Joined.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(enrolment.join(late, OTHER_PARENT, "Mama Mila", Optional.empty()))
                .isInstanceOf(JoinResult.Expired.class);
        assertThat(store.guardians.findByDiscordUser(OTHER_PARENT)).isEmpty();
    }

    @Test
    @DisplayName("unknown, malformed and look-alike codes are refused without a guardian being made")
    void unknownCodes() {
        enrolment.invite(sam, TestStore.TEACHER);
        assertThat(enrolment.join("ABCDE-FGHJK", PARENT, "Papa Sam", Optional.empty()))
                .isInstanceOf(JoinResult.Unknown.class);
        assertThat(enrolment.join("", PARENT, "Papa Sam", Optional.empty())).isInstanceOf(JoinResult.Unknown.class);
        assertThat(enrolment.join("O0O0O-1I1IL", PARENT, "Papa Sam", Optional.empty()))
                .isInstanceOf(JoinResult.Unknown.class);
        assertThat(enrolment.join("' OR 1=1 --", PARENT, "Papa Sam", Optional.empty()))
                .isInstanceOf(JoinResult.Unknown.class);
        assertThat(store.guardians.findByDiscordUser(PARENT)).isEmpty();
    }

    @Test
    @DisplayName("a parent with two children joins once per child and stays one guardian")
    void twoChildren() {
        String forSam = enrolment.invite(sam, TestStore.TEACHER).code();
        String forMila = enrolment.invite(mila, TestStore.TEACHER).code();
        JoinResult first = enrolment.join(forSam, PARENT, "Papa Sam", Optional.empty());
        JoinResult second = enrolment.join(forMila, PARENT, "Papa Sam", Optional.empty());
        assertThat(second).isInstanceOfSatisfying(JoinResult.Joined.class, joined -> {
            assertThat(joined.firstChild()).isFalse();
            assertThat(joined.guardian().id())
                    .isEqualTo(((JoinResult.Joined) first).guardian().id());
        });
        long guardianId = ((JoinResult.Joined) first).guardian().id();
        assertThat(store.students.childrenOf(guardianId)).containsExactlyInAnyOrder(sam, mila);
    }

    @Test
    @DisplayName("a new parent's language starts as their Discord app's; without one it stays open (the class"
            + " language is read); a parent who has a language keeps it when joining for another child")
    void languageFromTheApp() {
        JoinResult english = enrolment.join(
                enrolment.invite(sam, TestStore.TEACHER).code(), PARENT, "Dad", Optional.of(Language.EN));
        assertThat(english)
                .isInstanceOfSatisfying(
                        JoinResult.Joined.class,
                        joined ->
                                assertThat(joined.guardian().plan().language()).contains(Language.EN));
        assertThat(store.guardians
                        .findByDiscordUser(PARENT)
                        .orElseThrow()
                        .plan()
                        .language())
                .contains(Language.EN);

        JoinResult unknown = enrolment.join(
                enrolment.invite(sam, TestStore.TEACHER).code(), OTHER_PARENT, "Maman", Optional.empty());
        assertThat(unknown)
                .isInstanceOfSatisfying(
                        JoinResult.Joined.class,
                        joined ->
                                assertThat(joined.guardian().plan().language()).isEmpty());

        JoinResult again = enrolment.join(
                enrolment.invite(mila, TestStore.TEACHER).code(), PARENT, "Dad", Optional.of(Language.PL));
        assertThat(again).isInstanceOfSatisfying(JoinResult.Joined.class, joined -> {
            assertThat(joined.firstChild()).isFalse();
            assertThat(joined.guardian().plan().language()).contains(Language.EN);
        });
    }

    @Test
    @DisplayName("a code made in a language starts a new parent in it over their app's; a parent who has a"
            + " language keeps it")
    void languageFromTheInvite() {
        JoinResult arabic = enrolment.join(
                enrolment
                        .invite(sam, TestStore.TEACHER, Optional.of(Language.AR))
                        .code(),
                PARENT,
                "Abu Sam",
                Optional.of(Language.EN));
        assertThat(arabic)
                .isInstanceOfSatisfying(
                        JoinResult.Joined.class,
                        joined ->
                                assertThat(joined.guardian().plan().language()).contains(Language.AR));

        JoinResult again = enrolment.join(
                enrolment
                        .invite(mila, TestStore.TEACHER, Optional.of(Language.PL))
                        .code(),
                PARENT,
                "Abu Sam",
                Optional.of(Language.EN));
        assertThat(again)
                .isInstanceOfSatisfying(
                        JoinResult.Joined.class,
                        joined ->
                                assertThat(joined.guardian().plan().language()).contains(Language.AR));
    }

    @Test
    @DisplayName("two parents racing for one code: exactly one joins")
    void race() throws Exception {
        String code = enrolment.invite(sam, TestStore.TEACHER).code();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<Callable<JoinResult>> both = List.of(
                () -> enrolment.join(code, PARENT, "Papa Sam", Optional.empty()),
                () -> enrolment.join(code, OTHER_PARENT, "Mama Mila", Optional.empty()));
        List<JoinResult> results = executor.invokeAll(both).stream()
                .map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        executor.shutdown();
        assertThat(results).filteredOn(r -> r instanceof JoinResult.Joined).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof JoinResult.Used).hasSize(1);
        assertThat(store.guardians.ofStudent(sam.id())).hasSize(1);
    }

    @Test
    @DisplayName("a code pasted with the words around it is found in them; two codes, or none, are no code")
    void codeInItsLine() {
        String code = new InviteCode().next();
        String compact = code.replace("-", "");
        assertThat(InviteCode.normalize("3. اكتبوا: /join code:" + code)).isEqualTo(compact);
        assertThat(InviteCode.normalize("\u200FTyp: /meedoen code:\u2068" + code + "\u2069."))
                .isEqualTo(compact);
        assertThat(InviteCode.plausible("Typ: /join code:" + code)).isTrue();
        assertThat(InviteCode.plausible("/join code:" + code + " /join code:" + new InviteCode().next()))
                .isFalse();
        assertThat(InviteCode.plausible("/join code:ABCDE")).isFalse();
        // A Latin word of ten code letters glued to the code is no separate word: no code found in it.
        assertThat(InviteCode.plausible("XYZ" + compact)).isFalse();
    }

    @Test
    @DisplayName("codes use no look-alike characters and do not repeat")
    void codeAlphabet() {
        InviteCode codes = new InviteCode();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.next();
            assertThat(code).doesNotContain("0", "O", "1", "I", "L").hasSize(11);
            assertThat(InviteCode.plausible(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    @DisplayName("GIVEN a code made by the teacher WHEN a parent joins with it THEN the code and the joining are in"
            + " the audit log by ids only, and the parent's Discord name is kept for the teacher's list")
    void joiningIsAudited() {
        // GIVEN
        String code = enrolment.invite(sam, TestStore.TEACHER).code();

        // WHEN
        JoinResult.Joined joined = (JoinResult.Joined) enrolment.join(code, PARENT, "Papa Sam", Optional.empty());

        // THEN
        long guardian = joined.guardian().id();
        assertThat(store.auditLog.ofClass(sam.classId()))
                .extracting(e -> e.action() + " by " + e.actorUserId())
                .containsExactly("invite.create by " + TestStore.TEACHER, "guardian.join by " + PARENT);
        assertThat(store.auditLog.ofClass(sam.classId()))
                .allSatisfy(e -> assertThat(e.detail())
                        .doesNotContain("Papa", "Sam", code)
                        .contains("student=" + sam.id()));
        assertThat(store.auditLog.ofClass(sam.classId()).get(1).detail()).contains("guardian=" + guardian);
        assertThat(store.guardians.linksOf(sam.id())).singleElement().satisfies(link -> {
            assertThat(link.discordName()).contains("Papa Sam");
            assertThat(link.linkedAt()).isEqualTo(TestStore.T0);
        });
    }

    @Test
    @DisplayName("after 5 wrong codes in an hour a 6th try is refused, even a right one; an hour later it works")
    void rateLimit() {
        String code = enrolment.invite(sam, TestStore.TEACHER).code();
        for (int i = 0; i < Enrolment.MAX_FAILED_TRIES; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(enrolment.join("ABCDE-FGHJ" + "KMNPQ".charAt(i), PARENT, "Papa Sam", Optional.empty()))
                    .isInstanceOf(JoinResult.Unknown.class);
        }
        JoinResult sixth = enrolment.join(code, PARENT, "Papa Sam", Optional.empty());
        assertThat(sixth)
                .isInstanceOfSatisfying(
                        JoinResult.TooManyTries.class,
                        tooMany -> assertThat(tooMany.minutes()).isBetween(55L, 60L));
        assertThat(store.guardians.findByDiscordUser(PARENT)).isEmpty();
        assertThat(enrolment.join(code, OTHER_PARENT, "Mama Mila", Optional.empty()))
                .isInstanceOf(JoinResult.Joined.class);

        String another = enrolment.invite(mila, TestStore.TEACHER).code();
        clock.advance(Duration.ofMinutes(57));
        assertThat(enrolment.join(another, PARENT, "Papa Sam", Optional.empty()))
                .isInstanceOf(JoinResult.Joined.class);
    }
}
