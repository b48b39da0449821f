package nl.classbridge.agreements;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.EmailFooter;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.translation.FreeText;

/**
 * The words families read about agreements, composed once for both ways out: the DM that asks them to
 * confirm (and shows their answer once given), the email that asks the same, and the align-again
 * reminder. The agreement's own words are values, escaped by whichever adapter renders them, and
 * translated into the family's language when the school translates (composed when the message goes
 * out, so a slow translator never holds back the outbox row).
 */
public final class AgreementTexts {
    private final Messages messages;
    private final String schoolName;
    /** The agreement's own words in the family's language (issue 15), labelled, the original beside them. */
    private final FreeText freeText;

    public AgreementTexts(Messages messages, String schoolName) {
        this(messages, schoolName, FreeText.AS_WRITTEN);
    }

    public AgreementTexts(Messages messages, String schoolName, FreeText freeText) {
        this.messages = messages;
        this.schoolName = schoolName;
        this.freeText = freeText;
    }

    public Messages messages() {
        return messages;
    }

    /** The agreement to confirm, and the guardian's answer once they gave one. */
    public Text ask(Agreements.ForGuardian asked) {
        return ask(asked, freeText);
    }

    /**
     * The same, shown again in place when the guardian answered: with the translation made when the
     * message went out (the cache), so the press never waits on the translator.
     */
    public Text askAgain(Agreements.ForGuardian asked) {
        return ask(asked, freeText.fromCache());
    }

    private Text ask(Agreements.ForGuardian asked, FreeText words) {
        List<Language> chain = messages.chainFor(asked.guardian(), asked.schoolClass());
        List<Text.Block> blocks = new ArrayList<>(agreementBlocks(asked, chain, words));
        blocks.add(paragraph(
                "agreement.family.question",
                chain,
                Map.of("teacher", asked.schoolClass().teacherName())));
        asked.confirmation()
                .map(confirmation -> confirmation.status())
                .filter(status -> status != ConfirmationStatus.ASKED)
                .ifPresent(status -> blocks.add(new Text.Paragraph(List.of(new Text.Strong(messages.text(
                                status == ConfirmationStatus.CONFIRMED
                                        ? "agreement.family.confirmed"
                                        : "agreement.family.differs",
                                chain,
                                Map.of("teacher", asked.schoolClass().teacherName()))
                        .spans())))));
        return new Text(blocks, chain.get(0));
    }

    /** The email that asks to confirm: the agreement and how to answer by replying. */
    public EmailText askEmail(Agreements.ForGuardian asked) {
        List<Language> chain = messages.chainFor(asked.guardian(), asked.schoolClass());
        Text subject = messages.text(
                "agreement.email.subject",
                chain,
                Map.of("student", asked.student().name()));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.addAll(agreementBlocks(asked, chain, freeText));
        blocks.add(paragraph("agreement.email.how", chain, Map.of()));
        blocks.addAll(closing(asked.schoolClass(), chain));
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    /** The align-again reminder to a family: the child, the teacher who will contact them, the agreements. */
    public Text reminder(SchoolClass schoolClass, Student student, List<Agreement> agreements, List<Language> chain) {
        return new Text(reminderBlocks(schoolClass, student, agreements, chain), chain.get(0));
    }

    public EmailText reminderEmail(
            SchoolClass schoolClass, Student student, List<Agreement> agreements, List<Language> chain) {
        Text subject = messages.text("agreement.email.reminder-subject", chain, Map.of("student", student.name()));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.addAll(reminderBlocks(schoolClass, student, agreements, chain));
        blocks.addAll(closing(schoolClass, chain));
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    /** Who takes an agreement on, in the reader's words. */
    public String owner(AgreementOwner owner, List<Language> chain) {
        return messages.text("agreement.owner." + owner.code(), chain, Map.of()).words();
    }

    /** A day as the reader reads it: "donderdag 15 oktober 2026". */
    public static String day(LocalDate day, ZoneId zone, Language language) {
        return Dates.day(day.atStartOfDay(zone).toInstant(), zone, language);
    }

    private List<Text.Block> agreementBlocks(Agreements.ForGuardian asked, List<Language> chain, FreeText words) {
        Agreement agreement = asked.agreement();
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph(
                "agreement.family.ask", chain, Map.of("student", asked.student().name())));
        blocks.add(new Text.Paragraph(List.of(new Text.Strong(
                words.spans(agreement.text(), asked.schoolClass().language(), chain)))));
        blocks.add(paragraph("agreement.family.who", chain, Map.of("owner", owner(agreement.owner(), chain))));
        agreement
                .alignAgainOn()
                .ifPresent(day -> blocks.add(paragraph(
                        "agreement.family.align-day",
                        chain,
                        Map.of("day", day(day, asked.schoolClass().timezone(), chain.get(0))))));
        return blocks;
    }

    private List<Text.Block> reminderBlocks(
            SchoolClass schoolClass, Student student, List<Agreement> agreements, List<Language> chain) {
        List<List<Text.Span>> words =
                freeText.spansAll(agreements.stream().map(Agreement::text).toList(), schoolClass.language(), chain);
        List<List<Text.Span>> items = new ArrayList<>();
        for (int i = 0; i < agreements.size(); i++) {
            List<Text.Span> item = new ArrayList<>(words.get(i));
            item.add(new Text.Words(" (" + owner(agreements.get(i).owner(), chain) + ")"));
            items.add(item);
        }
        return List.of(new Text.Section(
                messages.text(
                                "agreement.family.reminder",
                                chain,
                                Map.of("student", student.name(), "teacher", schoolClass.teacherName()))
                        .spans(),
                items));
    }

    private List<Text.Block> closing(SchoolClass schoolClass, List<Language> chain) {
        return List.of(
                paragraph(
                        "common.signature",
                        chain,
                        Map.of("teacher", schoolClass.teacherName(), "class", schoolClass.name())),
                EmailFooter.of(messages, chain, schoolClass.name(), schoolName));
    }

    private Text.Paragraph paragraph(String key, List<Language> chain, Map<String, ?> values) {
        return new Text.Paragraph(messages.text(key, chain, values).spans());
    }
}
