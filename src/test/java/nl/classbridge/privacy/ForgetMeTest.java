package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Language;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.TranslationCacheRepository;
import nl.classbridge.testing.TestStore;
import nl.classbridge.testing.TestTranslator;
import nl.classbridge.translation.Rendition;
import nl.classbridge.translation.Translations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ForgetMe} on a real SQLite file: what goes, what stays, and the raw bytes of the file. */
class ForgetMeTest {
    @TempDir
    Path folder;

    FamilyFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new FamilyFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("GIVEN Sam's father with traces in every table WHEN he is forgotten THEN the database file and its"
            + " WAL hold none of his name, Discord id (as text and as SQLite's 8-byte integer), words or the note"
            + " quoting his mail, while the mother's and Daan's data and the children stay")
    void theBytesAreGone() throws Exception {
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE discord_user_id = ?", FamilyFixture.DAD_DISCORD))
                .isEqualTo(1);

        fixture.store.deliveries.enqueue(
                "update:post-with-his-words",
                java.util.Optional.of(fixture.groep5.id()),
                java.util.Optional.empty(),
                nl.classbridge.domain.DeliveryChannel.DISCORD_CHANNEL,
                "class-update",
                "{\"note\":\"" + FamilyFixture.MUM_WORDS + " " + FamilyFixture.DAD_NAME.toUpperCase() + "\"}",
                TestStore.T0,
                TestStore.T0);

        ForgetMe.Erased erased = fixture.forgetMe().erase(fixture.dad, new ForgetMe.Actor.Family());

        assertThat(erased.children()).containsExactlyInAnyOrder("Sam", "Lina");
        assertThat(erased.mailsRemoved()).isEqualTo(1);
        assertThat(fixture.mailboxErased).containsExactly(FamilyFixture.DAD_EMAIL);
        byte[] file = bytesOf(fixture.store.database.file());
        byte[] wal = bytesOf(Path.of(fixture.store.database.file() + "-wal"));
        for (byte[] bytes : List.of(file, wal)) {
            for (String gone : List.of(
                    FamilyFixture.DAD_NAME,
                    FamilyFixture.DAD_EMAIL,
                    String.valueOf(FamilyFixture.DAD_DISCORD),
                    FamilyFixture.DAD_WORDS,
                    FamilyFixture.DAD_AGREEMENT_WORDS,
                    FamilyFixture.DAD_MAIL_WORDS,
                    "abcdefghijkmnpqr")) {
                assertThat(indexOf(bytes, gone.getBytes(StandardCharsets.UTF_8)))
                        .as(gone)
                        .isEqualTo(-1);
            }
            byte[] id =
                    ByteBuffer.allocate(8).putLong(FamilyFixture.DAD_DISCORD).array();
            assertThat(indexOf(bytes, id))
                    .as("the Discord id as an 8-byte integer")
                    .isEqualTo(-1);
        }
        assertThat(indexOf(file, FamilyFixture.MUM_WORDS.getBytes(StandardCharsets.UTF_8)))
                .as("the mother's words are still there")
                .isNotEqualTo(-1);
        assertThat(fixture.store.students.find(fixture.sam.id())).isPresent();
        assertThat(fixture.store.guardians.find(fixture.mum.id())).isPresent();
        assertThat(fixture.store.guardians.ofStudent(fixture.sam.id()))
                .extracting(g -> g.id())
                .containsExactly(fixture.mum.id());
        assertThat(count("SELECT COUNT(*) AS n FROM answer")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) AS n FROM agreement_confirmation")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM agreement")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM delivery WHERE dedupe_key LIKE 'mailbox:1700000000:6:%'"))
                .as("the note quoting the mother stays")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM delivery WHERE dedupe_key = 'update:post-with-his-words'"))
                .as("a class update is the teacher's: it stays, even when it happens to use his words")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM join_attempt")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM reply_token")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM family_confirmation")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM checkin_request")).isEqualTo(2);
    }

    @Test
    @DisplayName("GIVEN the father's answer, agreement words and mail machine-translated for the teacher (issue 15)"
            + " WHEN he is forgotten THEN the database file and its WAL hold none of the translations either, and"
            + " only the translation of the mother's words is still cached")
    void theTranslationsAreGone() throws Exception {
        TranslationCacheRepository cache = new TranslationCacheRepository(fixture.store.database);
        try (Translations translations =
                new Translations(new TestTranslator(), cache, Duration.ofSeconds(5), fixture.clock)) {
            for (String words :
                    List.of(FamilyFixture.DAD_WORDS, FamilyFixture.DAD_AGREEMENT_WORDS, FamilyFixture.DAD_MAIL_WORDS)) {
                assertThat(translations
                                .translate(words, Language.EN, Language.NL)
                                .kind())
                        .isEqualTo(Rendition.Kind.TRANSLATED);
            }
            translations.translate(FamilyFixture.MUM_WORDS, Language.PL, Language.NL);
        }
        String dadTranslated = TestTranslator.translated(FamilyFixture.DAD_WORDS, Language.NL);
        fixture.store.database.compact();
        assertThat(indexOf(bytesOf(fixture.store.database.file()), dadTranslated.getBytes(StandardCharsets.UTF_8)))
                .as("the translation is in the file before")
                .isNotEqualTo(-1);

        fixture.forgetMe().erase(fixture.dad, new ForgetMe.Actor.Family());

        byte[] file = bytesOf(fixture.store.database.file());
        byte[] wal = bytesOf(Path.of(fixture.store.database.file() + "-wal"));
        for (byte[] bytes : List.of(file, wal)) {
            for (String gone : List.of(
                    dadTranslated,
                    TestTranslator.translated(FamilyFixture.DAD_AGREEMENT_WORDS, Language.NL),
                    TestTranslator.translated(FamilyFixture.DAD_MAIL_WORDS, Language.NL))) {
                assertThat(indexOf(bytes, gone.getBytes(StandardCharsets.UTF_8)))
                        .as(gone)
                        .isEqualTo(-1);
            }
        }
        assertThat(cache.find(FamilyFixture.MUM_WORDS, Language.PL, Language.NL))
                .contains(TestTranslator.translated(FamilyFixture.MUM_WORDS, Language.NL));
        assertThat(count("SELECT COUNT(*) AS n FROM translation_cache")).isEqualTo(1);
    }

    @Test
    @DisplayName("GIVEN a father with children in two classes WHEN he is forgotten THEN every teacher of both classes"
            + " gets a notice naming only the child, and each class an audit row without personal content")
    void teachersToldWithoutContent() {
        fixture.forgetMe().erase(fixture.dad, new ForgetMe.Actor.Family());

        List<TeacherNotices.Notice> notices = new ArrayList<>();
        fixture.store
                .database
                .read(sql -> sql.list(
                        "SELECT payload FROM delivery WHERE dedupe_key LIKE 'notice:forget-me:%'",
                        row -> row.string("payload")))
                .forEach(payload -> notices.add(TeacherNotices.parse(payload)));
        assertThat(notices)
                .extracting(TeacherNotices.Notice::userId)
                .containsExactlyInAnyOrder(TestStore.TEACHER, FamilyFixture.CO_TEACHER, FamilyFixture.TEACHER6);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.key()).contains("forgetme.teacher-notice");
            assertThat(notice.values().keySet()).containsExactly("student");
        });
        assertThat(notices).extracting(n -> n.values().get("student")).containsOnly("Sam", "Lina");
        List<AuditEntry> audit = new ArrayList<>(fixture.store.auditLog.ofClass(fixture.groep5.id()));
        audit.addAll(fixture.store.auditLog.ofClass(fixture.groep6.id()));
        assertThat(audit)
                .filteredOn(entry -> entry.action().equals("family:forget-me"))
                .extracting(AuditEntry::classId, AuditEntry::detail, AuditEntry::actorUserId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                java.util.Optional.of(fixture.groep5.id()), "guardian=" + fixture.dad.id(), 0L),
                        org.assertj.core.groups.Tuple.tuple(
                                java.util.Optional.of(fixture.groep6.id()), "guardian=" + fixture.dad.id(), 0L));
        assertThat(audit)
                .filteredOn(entry -> entry.action().equals("guardian.join"))
                .extracting(AuditEntry::actorUserId)
                .containsOnly(0L);
    }

    @Test
    @DisplayName("GIVEN the mother by email WHEN a teacher erases her on her behalf THEN her mails are looked for in"
            + " the mailbox by her address, the audit names the teacher, and the father's data stays")
    void onTheFamilysBehalf() {
        fixture.forgetMe().erase(fixture.mum, new ForgetMe.Actor.Teacher(TestStore.TEACHER));

        assertThat(fixture.mailboxErased).containsExactly(FamilyFixture.MUM_EMAIL);
        assertThat(fixture.store.deliveries.findByKey(
                        "mailbox:1700000000:5:mailbox.family-wrote:class:" + fixture.groep5.id()))
                .as("the note about mail 5 goes with the mails of whoever sent it")
                .isEmpty();
        assertThat(fixture.store.guardians.find(fixture.mum.id())).isEmpty();
        assertThat(fixture.store.guardians.find(fixture.dad.id())).isPresent();
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .filteredOn(entry -> entry.action().equals("privacy-request:erasure"))
                .extracting(AuditEntry::actorUserId)
                .containsExactly(TestStore.TEACHER);
        assertThat(fixture.myData().of(fixture.dad).json()).contains("ZZDAD").doesNotContain("ZZMUM");
    }

    @Test
    @DisplayName("GIVEN an erasure offered by code WHEN a wrong code and then the right one are given THEN only the"
            + " right one erases")
    void onlyTheRightCodeErases() {
        FamilyRequests requests = new FamilyRequests(
                fixture.outbox,
                new ConfirmationCodes(fixture.store.confirmations, fixture.clock),
                fixture.forgetMe(),
                fixture.clock);
        String code = requests.offerErasure(fixture.dad);

        assertThat(requests.eraseWithCode(fixture.dad, "AAAAA-BBBBB", new ForgetMe.Actor.Family()))
                .isEmpty();
        assertThat(requests.eraseWithCode(fixture.mum, code, new ForgetMe.Actor.Family()))
                .isEmpty();
        assertThat(fixture.store.guardians.find(fixture.dad.id())).isPresent();
        assertThat(requests.eraseWithCode(fixture.dad, code, new ForgetMe.Actor.Family()))
                .isPresent();
        assertThat(fixture.store.guardians.find(fixture.dad.id())).isEmpty();
        assertThat(fixture.store.guardians.find(fixture.mum.id())).isPresent();
    }

    private long count(String sql, Object... params) {
        return fixture.store.database.read(s -> s.count(sql, params));
    }

    private static byte[] bytesOf(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
