package nl.classbridge.discord.agreements;

import java.util.Map;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Confirmation;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.translation.FamilyWords;
import nl.classbridge.translation.ForTheTeacher;

/**
 * {@code /agreement list} as the teacher reads it: each agreement with who does it, the day to align
 * again and its status, and under it every guardian's answer in their own words. Long lists are split
 * by the reply; nothing is cut.
 */
public final class AgreementList {
    private final Texts texts;
    private final ForTheTeacher forTheTeacher;
    private final boolean translating;

    /** Families' words as written. */
    public AgreementList(Texts texts) {
        this(texts, FamilyWords.none());
    }

    /** Families' "I see it differently" words in the class's language too (issue 15). */
    public AgreementList(Texts texts, FamilyWords familyWords) {
        this.texts = texts;
        this.forTheTeacher = new ForTheTeacher(familyWords, texts.messages());
        this.translating = familyWords.on();
    }

    /** Whether rendering may wait for a translator (up to {@code translation.timeout-ms}). */
    public boolean translating() {
        return translating;
    }

    public String render(SchoolClass schoolClass, Agreements.ChildAgreements child) {
        String student = child.student().name();
        if (child.agreements().isEmpty()) {
            return texts.forClass(schoolClass, "agreement.teacher.list-empty", Map.of("student", student));
        }
        StringBuilder out = new StringBuilder(
                texts.forClass(schoolClass, "agreement.teacher.list-title", Map.of("student", student)));
        int number = 0;
        for (Agreements.WithAnswers each : child.agreements()) {
            Agreement agreement = each.agreement();
            out.append("\n\n")
                    .append(texts.forClass(
                            schoolClass,
                            "agreement.teacher.item",
                            Map.of("number", ++number, "text", agreement.text())))
                    .append('\n')
                    .append(texts.forClass(
                            schoolClass,
                            "agreement.teacher.item-details",
                            Map.of(
                                    "owner",
                                    texts.forClass(
                                            schoolClass,
                                            "agreement.owner."
                                                    + agreement.owner().code(),
                                            Map.of()),
                                    "day",
                                    agreement
                                            .alignAgainOn()
                                            .map(day -> AgreementTexts.day(
                                                    day, schoolClass.timezone(), schoolClass.language()))
                                            .orElseGet(() ->
                                                    texts.forClass(schoolClass, "agreement.teacher.no-day", Map.of())),
                                    "status",
                                    texts.forClass(
                                            schoolClass,
                                            agreement.open()
                                                    ? "agreement.teacher.status-open"
                                                    : "agreement.teacher.status-done",
                                            Map.of()))));
            for (Agreements.GuardianAnswer answer : each.answers()) {
                out.append("\n• ").append(answerLine(schoolClass, answer));
            }
        }
        return out.toString();
    }

    private String answerLine(SchoolClass schoolClass, Agreements.GuardianAnswer answer) {
        String who = answer.guardian()
                .discordName()
                .or(() -> answer.guardian().guardian().email())
                .orElseGet(() -> texts.forClass(schoolClass, "teacher.guardian.name-unknown", Map.of()));
        if (answer.confirmation().isEmpty()) {
            return texts.forClass(schoolClass, "agreement.teacher.answer-not-asked", Map.of("guardian", who));
        }
        Confirmation confirmation = answer.confirmation().get();
        if (confirmation.status() == ConfirmationStatus.CONFIRMED) {
            return texts.forClass(schoolClass, "agreement.teacher.answer-confirmed", Map.of("guardian", who));
        }
        if (confirmation.status() == ConfirmationStatus.DIFFERS) {
            return texts.forClass(
                    schoolClass,
                    "agreement.teacher.answer-differs",
                    Map.of("guardian", who, "words", theirWords(schoolClass, answer, confirmation)));
        }
        return texts.forClass(schoolClass, "agreement.teacher.answer-asked", Map.of("guardian", who));
    }

    /** Their words as written, or translated with the label and the original (only the words are sent). */
    private String theirWords(SchoolClass schoolClass, Agreements.GuardianAnswer answer, Confirmation confirmation) {
        String words = confirmation.ownWords().orElse("");
        if (words.isBlank()) {
            return words;
        }
        Language theirs = answer.guardian().guardian().plan().languageOr(schoolClass.language());
        return forTheTeacher.of(words, theirs, schoolClass.language()).text().words();
    }
}
