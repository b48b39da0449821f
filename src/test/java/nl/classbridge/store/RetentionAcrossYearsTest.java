package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ConfirmationKind;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.Reflection;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's retention with the defaults (13 months, highlights 13 months) and a clock that moves
 * across 14 months of a real SQLite file: a school year's families' words go, last month's stay,
 * and the class, the child, the parent and an invite that is still valid are never touched.
 */
class RetentionAcrossYearsTest {
    private static final Instant SEPTEMBER = TestStore.T0;
    /** Fourteen months later: the first school year is more than 13 months ago. */
    private static final Instant NOVEMBER_NEXT_YEAR =
            SEPTEMBER.atZone(ZoneOffset.UTC).plusMonths(14).toInstant();

    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN a school year of answers, conversations, agreements, highlights, messages, codes and mail"
            + " records, and the same a month ago WHEN the daily job runs 14 months after the first THEN the old"
            + " year is gone, last month stays, the class, child, parent and valid invite stay, and one audit row"
            + " and the result give the counts")
    void fourteenMonths() {
        try (TestStore store = new TestStore(folder)) {
            MutableClock clock = new MutableClock(SEPTEMBER);
            Repositories repositories = Repositories.over(store.database);
            SchoolClass groep5 = store.aClass();
            Student sam = store.aStudent(groep5, "Sam");
            Guardian mum = store.guardians.addDiscord(701L, SEPTEMBER);
            store.guardians.link(mum.id(), sam.id(), SEPTEMBER);
            long version = store.questionnaires
                    .remember("check-in", 1, "h", "d", SEPTEMBER)
                    .id();

            Year old = aYear(store, repositories, groep5, sam, mum, version, SEPTEMBER, "old");
            Instant lastMonth = NOVEMBER_NEXT_YEAR.minus(Duration.ofDays(30));
            Year young = aYear(store, repositories, groep5, sam, mum, version, lastMonth, "young");
            store.invites.add(sam.id(), "valid", 1L, lastMonth, NOVEMBER_NEXT_YEAR.plus(Duration.ofDays(7)));
            store.invites.add(sam.id(), "expired", 1L, lastMonth, NOVEMBER_NEXT_YEAR.minus(Duration.ofDays(1)));

            // A translation made in the old year, and one made last month.
            repositories.translations().put("old answer", Language.PL, Language.NL, "oud antwoord", SEPTEMBER);
            repositories.translations().put("young answer", Language.PL, Language.NL, "jong antwoord", lastMonth);

            clock.set(NOVEMBER_NEXT_YEAR);
            Housekeeping.Removed removed = new Housekeeping(repositories, 13, 13, clock).run();

            // The old year: gone.
            assertThat(store.checkins.findRound(old.round)).isEmpty();
            assertThat(store.checkins.answers(old.request)).isEmpty();
            assertThat(store.conversations.find(old.conversation)).isEmpty();
            assertThat(store.conversations.reflection(old.conversation, TestStore.TEACHER))
                    .isEmpty();
            assertThat(store.agreements.find(old.agreement)).isEmpty();
            assertThat(store.agreements.find(old.openAgreement)).isEmpty();
            assertThat(store.highlights.find(old.highlight)).isEmpty();
            assertThat(store.deliveries.findByKey("old-dm")).isEmpty();
            assertThat(store.auditLog.since(SEPTEMBER))
                    .extracting(AuditEntry::detail)
                    .doesNotContain("old");
            assertThat(store.invites.findByHash("expired")).isEmpty();
            assertThat(repositories.mailSeen().outcome(1L, 1L)).isEmpty();
            assertThat(repositories.translations().find("old answer", Language.PL, Language.NL))
                    .isEmpty();
            assertThat(repositories.translations().find("young answer", Language.PL, Language.NL))
                    .contains("jong antwoord");
            // Last month, and what is not personal data of a past year: stays.
            assertThat(store.checkins.findRound(young.round)).isPresent();
            assertThat(store.checkins.answers(young.request)).hasSize(1);
            assertThat(store.conversations.find(young.conversation)).isPresent();
            assertThat(store.conversations.reflection(young.conversation, TestStore.TEACHER))
                    .isPresent();
            assertThat(store.agreements.find(young.agreement)).isPresent();
            assertThat(store.agreements.find(young.openAgreement)).isPresent();
            assertThat(store.highlights.find(young.highlight)).isPresent();
            assertThat(store.highlights.find(young.queuedHighlight)).isPresent();
            assertThat(store.highlights.find(old.queuedHighlight))
                    .as("queued, never sent")
                    .isPresent();
            assertThat(store.deliveries.findByKey("young-dm")).isPresent();
            assertThat(store.conversations.childViews(sam.id()))
                    .extracting(view -> view.text())
                    .containsExactly("young view");
            assertThat(store.invites.findByHash("valid")).isPresent();
            assertThat(store.classes.find(groep5.id())).isPresent();
            assertThat(store.students.find(sam.id())).isPresent();
            assertThat(store.guardians.find(mum.id())).isPresent();
            assertThat(store.guardians.linksOf(sam.id())).hasSize(1);
            assertThat(repositories.mailSeen().outcome(1L, 2L))
                    .as("the newest mail record, where the inbox goes on")
                    .isPresent();
            // Counts only.
            assertThat(removed).isEqualTo(new Housekeeping.Removed(1, 2, 2, 1, 1, 1, 1, 0, 1, 1, 1));
            List<AuditEntry> retention = store.auditLog.since(NOVEMBER_NEXT_YEAR).stream()
                    .filter(entry -> entry.action().equals("retention"))
                    .toList();
            assertThat(retention).hasSize(1);
            assertThat(retention.get(0).detail())
                    .isEqualTo("rounds=1 conversations=2 agreements=2 deliveries=1 highlights=1 audit=1 invites=1"
                            + " join-attempts=0 confirmations=1 mail-records=1 translations=1");
        }
    }

    /** What one stretch of a school year leaves, from {@code at} on; texts carry {@code tag}. */
    private record Year(
            long round,
            long request,
            long conversation,
            long agreement,
            long openAgreement,
            long highlight,
            long queuedHighlight) {}

    private static Year aYear(
            TestStore store,
            Repositories repositories,
            SchoolClass groep5,
            Student sam,
            Guardian mum,
            long version,
            Instant at,
            String tag) {
        var round = store.checkins.startRound(groep5.id(), version, tag, 1L, at, at.plus(Duration.ofDays(7)));
        var request = store.checkins.addRequest(round.id(), mum.id(), sam.id(), ContactChannel.DISCORD, at);
        store.checkins.saveAnswer(Answer.given(request.id(), "feeling", "4", AnswerSource.DISCORD_BUTTON, at));
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(3);
        var held = store.conversations.plan(groep5.id(), sam.id(), day, Optional.empty(), false, TestStore.TEACHER, at);
        store.conversations.markHeld(held.id(), at.plus(Duration.ofDays(3)));
        store.conversations.saveReflection(new Reflection(
                held.id(),
                TestStore.TEACHER,
                Optional.of(tag + " went well"),
                Optional.empty(),
                Optional.empty(),
                at.plus(Duration.ofDays(3))));
        store.conversations.addChildView(sam.id(), Optional.of(held.id()), tag + " view", TestStore.TEACHER, at);
        var done = store.agreements.add(
                sam.id(), Optional.of(held.id()), tag + " reading", AgreementOwner.PARENTS, Optional.empty(), 1L, at);
        store.agreements.ask(done.id(), mum.id(), at);
        store.agreements.markDone(done.id(), at.plus(Duration.ofDays(10)));
        var open = store.agreements.add(
                sam.id(), Optional.empty(), tag + " sleep", AgreementOwner.TOGETHER, Optional.empty(), 1L, at);
        var sent = store.highlights.add(groep5.id(), HighlightKind.LEARNING, tag + " sums", 1L, at);
        store.highlights.markUsed(List.of(sent.id()), at.plus(Duration.ofDays(1)));
        var queued = store.highlights.add(groep5.id(), HighlightKind.TOGETHER, tag + " trip", 1L, at);
        var dm = store.deliveries.enqueue(
                tag + "-dm",
                Optional.of(groep5.id()),
                Optional.of(mum.id()),
                DeliveryChannel.DISCORD_DM,
                "checkin-question",
                "{}",
                at,
                at);
        store.deliveries.claim(dm.id(), at);
        store.deliveries.markSent(dm.id(), Optional.empty(), at);
        store.auditLog.record(new AuditEntry(at, 1L, Optional.of(groep5.id()), "checkin.start", tag));
        store.confirmations.open(
                mum.id(), ConfirmationKind.FORGET_ME, tag, Optional.empty(), at, at.plus(Duration.ofHours(24)));
        long uid = tag.equals("old") ? 1L : 2L;
        repositories.mailSeen().claim(1L, uid, at);
        repositories.mailSeen().finish(1L, uid, "answers", at);
        repositories.mailSeen().markExpunged(1L, List.of(uid), at.plus(Duration.ofDays(20)));
        return new Year(round.id(), request.id(), held.id(), done.id(), open.id(), sent.id(), queued.id());
    }
}
