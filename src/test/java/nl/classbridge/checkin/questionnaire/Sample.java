package nl.classbridge.checkin.questionnaire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small questionnaire with one item of each type, and helpers to write it into a folder. */
final class Sample {

    /** {@code sample.yml}; line numbers in the tests refer to this text. */
    static final String TEXT = """
            id: sample
            version: 1
            title: {nl: "Titel", en: "Title", ar: "عنوان", tr: "Başlık", pl: "Tytuł", uk: "Заголовок"}
            intro: {nl: "Welkom", en: "Welcome", ar: "أهلًا", tr: "Hoş geldiniz", pl: "Witaj", uk: "Вітаємо"}
            questions:
              - id: feeling
                type: scale
                text: {nl: "Hoe gaat het?", en: "How are things?", ar: "كيف الحال؟", tr: "Nasıl gidiyor?", pl: "Jak leci?", uk: "Як справи?"}
                labels:
                  nl: ["😟 Niet goed", "🙁 Niet zo goed", "😐 Gaat wel", "🙂 Goed", "😄 Heel goed"]
                  en: ["😟 Not good", "🙁 Not so good", "😐 Okay", "🙂 Good", "😄 Very good"]
                  ar: ["😟 ليس جيدًا", "🙁 ليس جيدًا تمامًا", "😐 مقبول", "🙂 جيد", "😄 جيد جدًا"]
                  tr: ["😟 İyi değil", "🙁 Pek iyi değil", "😐 İdare eder", "🙂 İyi", "😄 Çok iyi"]
                  pl: ["😟 Źle", "🙁 Nie najlepiej", "😐 Tak sobie", "🙂 Dobrze", "😄 Bardzo dobrze"]
                  uk: ["😟 Погано", "🙁 Не дуже", "😐 Так собі", "🙂 Добре", "😄 Дуже добре"]
              - id: agreements-clear
                type: yes-no
                required: false
                text: {nl: "Is het duidelijk?", en: "Is it clear?", ar: "هل هذا واضح؟", tr: "Açık mı?", pl: "Czy to jasne?", uk: "Чи зрозуміло?"}
              - id: next-check
                type: choice
                text: {nl: "Wanneer weer?", en: "When again?", ar: "متى مرة أخرى؟", tr: "Ne zaman tekrar?", pl: "Kiedy znowu?", uk: "Коли знову?"}
                options:
                  - {id: in-a-week, label: {nl: "Over een week", en: "In a week", ar: "بعد أسبوع", tr: "Bir hafta sonra", pl: "Za tydzień", uk: "Через тиждень"}}
                  - {id: in-a-month, label: {nl: "Over een maand", en: "In a month", ar: "بعد شهر", tr: "Bir ay sonra", pl: "Za miesiąc", uk: "Через місяць"}}
              - id: anything-else
                type: text
                required: false
                max-length: 20
                text: {nl: "Nog iets?", en: "Anything else?", ar: "شيء آخر؟", tr: "Başka bir şey?", pl: "Coś jeszcze?", uk: "Щось іще?"}
              - id: thanks
                type: info
                text: {nl: "Dank je!", en: "Thank you!", ar: "شكرًا!", tr: "Teşekkürler!", pl: "Dziękuję!", uk: "Дякую!"}
            """;

    private Sample() {}

    /** The sample with another id, for a second file. */
    static String withId(String id) {
        return TEXT.replace("id: sample", "id: " + id);
    }

    /** The sample with {@code from} replaced by {@code to}; fails loudly if {@code from} is not in it. */
    static String with(String from, String to) {
        if (!TEXT.contains(from)) {
            throw new IllegalArgumentException("not in the sample: " + from);
        }
        return TEXT.replace(from, to);
    }

    static Path write(Path folder, String fileName, String text) throws IOException {
        return Files.writeString(folder.resolve(fileName), text);
    }

    static Questionnaire parsed() throws QuestionnaireException {
        return QuestionnaireLoader.parse("sample.yml", TEXT);
    }
}
