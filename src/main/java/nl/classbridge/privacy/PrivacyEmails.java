package nl.classbridge.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.EmailFooter;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * The emails that answer MY DATA and FORGET ME, in the family's language: the data mail (its files
 * are attached by the mail adapter) and the mail with the code that confirms an erasure, which says
 * exactly what will be erased and that the family will not hear from the bot again.
 */
public final class PrivacyEmails {
    private final Messages messages;
    private final String schoolName;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final FamilyKeywords keywords;

    public PrivacyEmails(
            Messages messages,
            String schoolName,
            StudentRepository students,
            SchoolClassRepository classes,
            FamilyKeywords keywords) {
        this.messages = messages;
        this.schoolName = schoolName;
        this.students = students;
        this.classes = classes;
        this.keywords = keywords;
    }

    /** The mail that carries the two files of {@code report}. */
    public EmailText myData(Guardian guardian, MyData.Report report) {
        Optional<SchoolClass> schoolClass = firstClass(guardian);
        List<Language> chain = chain(guardian, schoolClass);
        Text subject = messages.text("mydata.email.subject", chain, Map.of("school", schoolName));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.add(paragraph("mydata.email.body", chain, Map.of()));
        schoolClass.ifPresent(c -> blocks.add(EmailFooter.of(messages, chain, c.name(), schoolName)));
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    /** The mail with the code: what will be erased, how to confirm, that nothing follows. */
    public EmailText forgetMeCode(Guardian guardian, ForgetMe.Preview preview, String code) {
        Optional<SchoolClass> schoolClass = firstClass(guardian);
        List<Language> chain = chain(guardian, schoolClass);
        Text subject = messages.text("forgetme.email.subject", chain, Map.of());
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", chain, Map.of()));
        blocks.add(paragraph("forgetme.email.what", chain, values(preview)));
        blocks.add(paragraph(
                "forgetme.email.how",
                chain,
                Map.of("keyword", keywords.word(FamilyKeywords.Keyword.FORGET_ME, subject.language()), "code", code)));
        return new EmailText(subject, new Text(blocks, subject.language()));
    }

    /** The placeholders of every text that says what an erasure removes. */
    public static Map<String, Object> values(ForgetMe.Preview preview) {
        return Map.of(
                "children", preview.children().isEmpty() ? "–" : String.join(", ", preview.children()),
                "answers", preview.answers(),
                "agreements", preview.agreements(),
                "messages", preview.messages());
    }

    /** The family's languages for any text to them: their own, then their (first) child's class's. */
    public List<Language> languagesOf(Guardian guardian) {
        return chain(guardian, firstClass(guardian));
    }

    private Optional<SchoolClass> firstClass(Guardian guardian) {
        return students.childrenOf(guardian.id()).stream()
                .map(Student::classId)
                .map(classes::find)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private List<Language> chain(Guardian guardian, Optional<SchoolClass> schoolClass) {
        return messages.chain(guardian.plan().language(), schoolClass.map(SchoolClass::language));
    }

    private Text.Paragraph paragraph(String key, List<Language> chain, Map<String, ?> values) {
        return new Text.Paragraph(messages.text(key, chain, values).spans());
    }
}
