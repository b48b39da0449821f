package nl.classbridge.prep;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.Text.Block;
import nl.classbridge.messages.Text.Span;
import nl.classbridge.translation.FamilyWords;
import nl.classbridge.translation.ForTheTeacher;

/**
 * The {@link PrepSheet} in the teacher's words, in the class's language: the page's name in bold, a
 * few lines on the conversation, then the six parts, each under a title of its own with its lines as
 * a section (one section per parent and questionnaire in the family's story). Families' words are values, so every renderer shows
 * them exactly as written; a family's language is named when it is not the class's.
 */
public final class PrepText {
    private final Messages messages;
    private final ForTheTeacher forTheTeacher;

    /** Families' words as written. */
    public PrepText(Messages messages) {
        this(messages, FamilyWords.none());
    }

    /** Families' own words in the class's language too, labelled, with the original (issue 15). */
    public PrepText(Messages messages, FamilyWords familyWords) {
        this.messages = messages;
        this.forTheTeacher = new ForTheTeacher(familyWords, messages);
    }

    /** The whole sheet. */
    public Text sheet(PrepSheet sheet) {
        Words words = new Words(sheet.schoolClass());
        String student = sheet.student().name();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Text.Paragraph(List.of(new Text.Strong(words.spans("prep.title", Map.of("student", student))))));
        blocks.add(new Text.Paragraph(intro(sheet, words)));
        if (!sheet.anyAnswers()) {
            blocks.add(new Text.Paragraph(words.spans("prep.little-known", Map.of("student", student))));
        }
        part(blocks, words, "prep.section.goes-well", student, goesWell(sheet, words));
        blocks.add(new Text.Title(words.spans("prep.section.story", Map.of())));
        blocks.addAll(story(sheet, words));
        part(blocks, words, "prep.section.child", student, child(sheet, words));
        part(blocks, words, "prep.section.roles", student, roles(sheet, words));
        part(blocks, words, "prep.section.agreements", student, agreements(sheet, words));
        blocks.addAll(after(sheet, words));
        part(blocks, words, "prep.section.questions", student, questions(sheet, words));
        return new Text(blocks, sheet.schoolClass().language());
    }

    /** The short message that goes with the sheet as a file: the title, the conversation and the counts. */
    public Text summary(PrepSheet sheet) {
        Words words = new Words(sheet.schoolClass());
        long families = sheet.families().stream()
                .filter(family -> !family.told().isEmpty())
                .count();
        return new Text(
                List.of(
                        new Text.Paragraph(List.of(new Text.Strong(words.spans(
                                "prep.title", Map.of("student", sheet.student().name()))))),
                        new Text.Paragraph(intro(sheet, words)),
                        new Text.Paragraph(words.spans(
                                "prep.summary",
                                Map.of(
                                        "families", families,
                                        "agreements", sheet.agreements().size(),
                                        "questions", sheet.questions().size())))),
                sheet.schoolClass().language());
    }

    private List<Span> intro(PrepSheet sheet, Words words) {
        List<Span> spans = new ArrayList<>(words.spans("prep.only-you", Map.of()));
        spans.add(new Text.Words("\n"));
        Optional<ParentConversation> conversation = sheet.conversation();
        if (conversation.isEmpty()) {
            spans.addAll(words.spans("prep.not-planned", Map.of()));
            return spans;
        }
        ParentConversation planned = conversation.get();
        String day = words.day(planned.plannedOn());
        if (!planned.upcoming()) {
            spans.addAll(words.spans("prep.held", Map.of("day", day)));
            return spans;
        }
        spans.addAll(planned.plannedTime()
                .map(time -> words.spans("prep.planned-at", Map.of("day", day, "time", time.toString())))
                .orElseGet(() -> words.spans("prep.planned", Map.of("day", day))));
        if (planned.withChild()) {
            spans.add(new Text.Words(" "));
            spans.addAll(words.spans(
                    "prep.with-child", Map.of("student", sheet.student().name())));
        }
        return spans;
    }

    private List<List<Span>> goesWell(PrepSheet sheet, Words words) {
        List<List<Span>> items = new ArrayList<>();
        sheet.highlights()
                .forEach(highlight -> items.add(words.spans(
                        "prep.goes-well.highlight",
                        Map.of(
                                "kind",
                                        words.plain("updates.section."
                                                + highlight.kind().code()),
                                "day", words.day(highlight.createdAt()),
                                "text", highlight.text()))));
        sheet.strengths()
                .forEach(quote -> items.add(words.spans(
                        "prep.goes-well.family",
                        Map.of(
                                "family",
                                words.family(quote.family()),
                                "text",
                                words.answer(quote.family(), quote.said())))));
        if (items.isEmpty()) {
            items.add(words.spans("prep.goes-well.none", Map.of()));
        }
        return items;
    }

    /** Per guardian and round, a section of their answers; or one line that there are none. */
    private List<Block> story(PrepSheet sheet, Words words) {
        List<Block> blocks = new ArrayList<>();
        for (PrepSheet.Family family : sheet.families()) {
            for (PrepSheet.Told told : family.told()) {
                blocks.add(told(words, family, told, words.day(told.round().startedAt())));
            }
        }
        if (blocks.isEmpty()) {
            blocks.add(new Text.Paragraph(words.spans("prep.story.none", Map.of())));
        }
        return blocks;
    }

    private Text.Section told(Words words, PrepSheet.Family family, PrepSheet.Told told, String day) {
        Language language = words.schoolClass.language();
        List<List<Span>> items = new ArrayList<>();
        for (PrepSheet.Said said : told.said()) {
            String question = said.question().text(language);
            if (said.answer().skipped()) {
                items.add(words.spans("prep.story.skipped", Map.of("question", question)));
                continue;
            }
            String answer = words.answer(family, said);
            items.add(said.before()
                    .map(before -> words.spans(
                            "prep.story.well-being",
                            Map.of(
                                    "question",
                                    question,
                                    "answer",
                                    answer,
                                    "before",
                                    said.question().label(before, language))))
                    .orElseGet(() -> words.spans("prep.story.answer", Map.of("question", question, "answer", answer))));
        }
        told.emailNote()
                .flatMap(note -> note.value())
                .ifPresent(note ->
                        items.add(words.spans("prep.story.email-note", Map.of("text", words.theirs(family, note)))));
        return new Text.Section(
                words.spans(
                        "prep.story.round",
                        Map.of(
                                "family", words.family(family),
                                "questionnaire", told.questionnaire().title(language),
                                "day", day)),
                items);
    }

    private List<List<Span>> child(PrepSheet sheet, Words words) {
        if (sheet.childViews().isEmpty()) {
            return List.of(words.spans(
                    "prep.child.none", Map.of("student", sheet.student().name())));
        }
        return sheet.childViews().stream()
                .map(view -> words.spans(
                        "prep.child.view", Map.of("day", words.day(view.recordedAt()), "text", view.text())))
                .toList();
    }

    private List<List<Span>> roles(PrepSheet sheet, Words words) {
        String student = sheet.student().name();
        List<List<Span>> items = new ArrayList<>();
        quotes(words, sheet.childNeeds(), "prep.roles.child-needs", student, items);
        quotes(words, sheet.parentsOffer(), "prep.roles.parents-offer", student, items);
        quotes(words, sheet.parentsAsk(), "prep.roles.parents-ask", student, items);
        if (items.isEmpty()) {
            items.add(words.spans("prep.roles.none", Map.of("student", student)));
        }
        sheet.teacherAsks().ifPresent(asks -> items.add(words.spans("prep.roles.teacher-asks", Map.of("text", asks))));
        return items;
    }

    private static void quotes(
            Words words, List<PrepSheet.Quote> quotes, String key, String student, List<List<Span>> into) {
        quotes.forEach(quote -> into.add(words.spans(
                key,
                Map.of(
                        "student",
                        student,
                        "family",
                        words.family(quote.family()),
                        "text",
                        words.answer(quote.family(), quote.said())))));
    }

    private List<List<Span>> agreements(PrepSheet sheet, Words words) {
        List<List<Span>> items = new ArrayList<>();
        for (PrepSheet.AgreementState state : sheet.agreements()) {
            Agreement agreement = state.agreement();
            List<Span> item = new ArrayList<>(words.spans(
                    "prep.agreements.item",
                    Map.of(
                            "text",
                            agreement.text(),
                            "owner",
                            words.plain(
                                    "prep.agreements.owner." + agreement.owner().code()))));
            List<List<Span>> parts = new ArrayList<>();
            if (!agreement.open()) {
                parts.add(words.spans("prep.agreements.done", Map.of()));
            } else {
                agreement
                        .alignAgainOn()
                        .ifPresent(
                                day -> parts.add(words.spans("prep.agreements.align", Map.of("day", words.day(day)))));
            }
            for (PrepSheet.Stand stand : state.stands()) {
                String family = words.family(stand.family());
                parts.add(
                        switch (stand.confirmation().status()) {
                            case CONFIRMED -> words.spans("prep.agreements.confirmed", Map.of("family", family));
                            case DIFFERS ->
                                words.spans(
                                        "prep.agreements.differs",
                                        Map.of(
                                                "family",
                                                family,
                                                "words",
                                                words.theirs(
                                                        stand.family(),
                                                        stand.confirmation()
                                                                .ownWords()
                                                                .orElse(""))));
                            case ASKED -> words.spans("prep.agreements.asked", Map.of("family", family));
                        });
            }
            for (List<Span> part : parts) {
                item.add(new Text.Words(" · "));
                item.addAll(part);
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            items.add(words.spans("prep.agreements.none", Map.of()));
        }
        return items;
    }

    /** The families' answers after the last conversation held, a section per family. */
    private List<Block> after(PrepSheet sheet, Words words) {
        List<Block> blocks = new ArrayList<>();
        sheet.lastHeld().ifPresent(held -> {
            String day = words.day(held.conversation().plannedOn());
            for (PrepSheet.FamilyTold familyTold : held.after()) {
                Text.Section section = told(words, familyTold.family(), familyTold.told(), day);
                blocks.add(new Text.Section(
                        words.spans(
                                "prep.agreements.after",
                                Map.of("day", day, "family", words.family(familyTold.family()))),
                        section.items()));
            }
        });
        return blocks;
    }

    private List<List<Span>> questions(PrepSheet sheet, Words words) {
        return sheet.questions().stream()
                .map(question -> question(question, sheet.student().name(), words))
                .toList();
    }

    private static List<Span> question(QuestionToAsk question, String student, Words words) {
        Language language = words.schoolClass.language();
        if (question instanceof QuestionToAsk.NotAnswered notAnswered) {
            return words.spans(
                    "prep.questions.not-answered",
                    Map.of("question", notAnswered.question().text(language)));
        }
        if (question instanceof QuestionToAsk.WellBeingDropped dropped) {
            return words.spans(
                    "prep.questions.dropped",
                    Map.of(
                            "now", dropped.scale().label(dropped.now(), language),
                            "before", dropped.scale().label(dropped.before(), language)));
        }
        if (question instanceof QuestionToAsk.WellBeingLow low) {
            return words.spans(
                    "prep.questions.low", Map.of("now", low.scale().label(low.now(), language), "student", student));
        }
        if (question instanceof QuestionToAsk.SeenDifferently differs) {
            return words.spans(
                    "prep.questions.seen-differently",
                    Map.of("agreement", differs.agreement().text()));
        }
        if (question instanceof QuestionToAsk.AlignAgain align) {
            return words.spans(
                    "prep.questions.align-again",
                    Map.of(
                            "agreement", align.agreement().text(),
                            "day", words.day(align.agreement().alignAgainOn().orElseThrow())));
        }
        if (question instanceof QuestionToAsk.AskedForContact) {
            return words.spans("prep.questions.asked-for-contact", Map.of());
        }
        return words.spans("prep.questions.no-child-view", Map.of("student", student));
    }

    /** A part of the page: its heading as a title, its lines as a section without a heading of its own. */
    private static void part(List<Block> blocks, Words words, String key, String student, List<List<Span>> items) {
        blocks.add(new Text.Title(words.spans(key, Map.of("student", student))));
        blocks.add(new Text.Section(List.of(), items));
    }

    /** The catalogue in the teacher's language, with the class's dates and names for families. */
    private final class Words {
        private final SchoolClass schoolClass;
        private final List<Language> chain;
        private final DateTimeFormatter days;

        Words(SchoolClass schoolClass) {
            this.schoolClass = schoolClass;
            this.chain = messages.chain(Optional.empty(), Optional.of(schoolClass.language()));
            this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                    .withLocale(schoolClass.language().locale());
        }

        List<Span> spans(String key, Map<String, ?> values) {
            return messages.text(key, chain, values).spans();
        }

        /** A short catalogue text that goes into another as a value. */
        String plain(String key) {
            return messages.text(key, chain, Map.of()).words();
        }

        String day(Instant instant) {
            return Dates.day(instant, schoolClass.timezone(), schoolClass.language());
        }

        String day(LocalDate date) {
            return days.format(date);
        }

        /** "#12 papa.sam", and the family's language when it is not the class's. */
        String family(PrepSheet.Family family) {
            String name = "#" + family.guardian().id()
                    + family.name().map(known -> " " + known).orElse("");
            Optional<Language> own = family.guardian().plan().language();
            if (own.isEmpty() || own.get() == schoolClass.language()) {
                return name;
            }
            return messages.text(
                            "prep.family.in-language",
                            chain,
                            Map.of(
                                    "family",
                                    name,
                                    "language",
                                    plain("common.language.in." + own.get().code())))
                    .words();
        }

        /**
         * An answer as the family gave it: a point's or option's label in the teacher's language, or
         * their words ({@link #theirs}).
         */
        String answer(PrepSheet.Family family, PrepSheet.Said said) {
            String shown = AnswerDisplay.show(
                    said.question(), said.answer().value().orElse(""), schoolClass.language(), messages, chain);
            return said.question().type() == QuestionType.TEXT ? theirs(family, shown) : shown;
        }

        /** A family's own words: as written, or machine-translated with the label and the original. */
        String theirs(PrepSheet.Family family, String text) {
            if (text.isBlank()) {
                return text;
            }
            Language from = family.guardian().plan().languageOr(schoolClass.language());
            return forTheTeacher.of(text, from, schoolClass.language()).text().words();
        }
    }
}
