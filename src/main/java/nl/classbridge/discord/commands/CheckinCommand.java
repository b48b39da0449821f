package nl.classbridge.discord.commands;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.Deadlines;
import nl.classbridge.checkin.RoundOverview;
import nl.classbridge.checkin.RoundResults;
import nl.classbridge.checkin.RoundStatus;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.translation.Rendition;
import nl.classbridge.translation.TranslatedText;

/**
 * {@code /checkin start|status|results|remind}: a well-being check-in for the whole class. Each
 * subcommand is one call on {@link CheckinRounds} or {@link RoundOverview}; this class reads the
 * options and writes the answer for Discord.
 */
public final class CheckinCommand implements SlashCommand {
    private final CheckinRounds rounds;
    private final RoundOverview overview;
    private final ActiveQuestionnaires questionnaires;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;
    private final InsightText insight;
    private final TranslatedText translatedText;

    /** How many of the class's rounds are searched for suggestions: a few school years' worth. */
    private static final int RECENT_ROUNDS = 200;

    public CheckinCommand(
            CheckinRounds rounds,
            RoundOverview overview,
            ActiveQuestionnaires questionnaires,
            ClassChannel classChannel,
            StudentRepository students,
            Texts texts) {
        this.rounds = rounds;
        this.overview = overview;
        this.questionnaires = questionnaires;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
        this.insight = new InsightText(texts);
        this.translatedText = new TranslatedText(texts.messages());
    }

    @Override
    public String name() {
        return "checkin";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("checkin")
                .addSubcommands(
                        defs.subcommand("checkin start")
                                .addOptions(
                                        defs.suggested("checkin start questionnaire", true),
                                        defs.option(OptionType.INTEGER, "checkin start deadline-days", false)
                                                .setRequiredRange(1, CheckinRounds.MAX_DEADLINE_DAYS)),
                        defs.subcommand("checkin status"),
                        defs.subcommand("checkin results")
                                .addOptions(
                                        defs.suggested("checkin results student", false),
                                        defs.suggested("checkin results round", false)),
                        defs.subcommand("checkin remind"));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        if ("student".equals(event.getFocusedOption().getName())) {
            StudentNames.suggest(event, classChannel, students);
            return;
        }
        if ("round".equals(event.getFocusedOption().getName())) {
            suggestRounds(event);
            return;
        }
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        // Discord takes 25 choices of at most 100 characters; a longer id is typed in full instead.
        event.replyChoices(questionnaires.classIds().stream()
                        .filter(id -> id.contains(typed))
                        .filter(id -> id.length() <= DiscordLimits.CHOICE)
                        .limit(DiscordLimits.SELECT_OPTIONS)
                        .map(id -> new Command.Choice(id, id))
                        .toList())
                .queue();
    }

    /**
     * The class's rounds, newest first, as "title · start date" in the class language; the value is
     * the round's number. Only for the class's own teachers, like every suggestion.
     */
    private void suggestRounds(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = classChannel
                .of(event)
                .map(schoolClass -> overview.rounds(schoolClass, RECENT_ROUNDS).stream()
                        .map(past -> new Command.Choice(
                                DiscordLimits.fit(
                                        past.questionnaire().title(schoolClass.language()) + " · "
                                                + Dates.day(
                                                        past.round().startedAt(),
                                                        schoolClass.timezone(),
                                                        schoolClass.language()),
                                        DiscordLimits.CHOICE),
                                String.valueOf(past.round().id())))
                        .filter(choice ->
                                choice.getName().toLowerCase(Locale.ROOT).contains(typed))
                        .limit(DiscordLimits.SELECT_OPTIONS)
                        .toList())
                .orElse(List.of());
        event.replyChoices(choices).queue();
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            switch (event.getSubcommandName()) {
                case "start" -> start(event, schoolClass);
                case "remind" -> remind(event, schoolClass);
                case "results" -> results(event, schoolClass);
                default -> status(event, schoolClass);
            }
        });
    }

    private void start(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        String id = event.getOption("questionnaire", OptionMapping::getAsString);
        int days = event.getOption("deadline-days", CheckinRounds.DEFAULT_DEADLINE_DAYS, OptionMapping::getAsInt);
        Respond.privately(
                event,
                startReply(
                        schoolClass,
                        rounds.start(schoolClass, id, days, event.getUser().getIdLong()),
                        id));
    }

    private String startReply(SchoolClass schoolClass, CheckinRounds.Started started, String id) {
        if (started instanceof CheckinRounds.Started.Round round) {
            return texts.forClass(
                    schoolClass,
                    "teacher.checkin.started",
                    Map.of(
                            "questionnaire",
                                    round.questionnaire().questionnaire().title(schoolClass.language()),
                            "count", round.families(),
                            "deadline",
                                    Deadlines.shown(
                                            round.round().deadline(), schoolClass.timezone(), schoolClass.language())));
        }
        if (started instanceof CheckinRounds.Started.AlreadyRunning running) {
            return texts.forClass(
                    schoolClass,
                    "teacher.checkin.already-running",
                    Map.of("questionnaire", running.questionnaire().title(schoolClass.language())));
        }
        if (started instanceof CheckinRounds.Started.DeadlineOutOfRange) {
            return texts.forClass(
                    schoolClass,
                    "teacher.option-invalid",
                    Map.of("option", "deadline-days", "expected", "1-" + CheckinRounds.MAX_DEADLINE_DAYS));
        }
        if (started instanceof CheckinRounds.Started.NoFamilies) {
            return texts.forClass(schoolClass, "teacher.guardian.list-empty", Map.of());
        }
        return texts.forClass(
                schoolClass, "teacher.checkin.unknown-questionnaire", Map.of("questionnaire", DiscordLimits.echo(id)));
    }

    private void status(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        overview.status(schoolClass)
                .ifPresentOrElse(
                        status -> {
                            StringBuilder text = new StringBuilder(texts.forClass(
                                    schoolClass,
                                    "teacher.checkin.status-title",
                                    Map.of(
                                            "questionnaire",
                                            status.questionnaire().title(schoolClass.language()),
                                            "answered",
                                            status.answered(),
                                            "total",
                                            status.lines().size())));
                            for (RoundStatus.Line line : status.lines()) {
                                text.append("\n• **")
                                        .append(texts.value(
                                                schoolClass, line.student().name()))
                                        .append("** #")
                                        .append(line.guardian().id())
                                        .append(" · ")
                                        .append(word(
                                                schoolClass,
                                                "teacher.checkin.channel."
                                                        + line.channel().code()))
                                        .append(": ")
                                        .append(word(schoolClass, "teacher.checkin.state." + stateWord(line.state())));
                            }
                            Respond.privately(event, text.toString());
                        },
                        () -> Respond.privately(
                                event, texts.forClass(schoolClass, "teacher.checkin.no-round", Map.of())));
    }

    private static String stateWord(RoundStatus.State state) {
        return switch (state) {
            case ANSWERED -> "answered";
            case IN_PROGRESS -> "delivered";
            case SENT -> "sent";
            case PENDING -> "pending";
            case UNREACHABLE -> "unreachable";
            case BOUNCED -> "bounced";
        };
    }

    /** The answers, for the teacher only: per child and guardian, each question with its answer. */
    private void results(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        Optional<String> only = Optional.ofNullable(event.getOption("student", OptionMapping::getAsString));
        Optional<String> round = Optional.ofNullable(event.getOption("round", OptionMapping::getAsString));
        long reader = event.getUser().getIdLong();
        if (overview.translating()) {
            // Families' words may wait for the translator (translation.timeout-ms): Discord wants an answer in 3 s.
            event.deferReply(true).queue();
        }
        if (round.isPresent()) {
            // A round is chosen from the suggestions by its number; anything else, or another class's, is unknown.
            Optional<RoundResults> chosen = round.map(String::strip)
                    .filter(typed -> typed.matches("\\d{1,18}"))
                    .flatMap(id -> overview.read(schoolClass, reader, Optional.of(Long.parseLong(id)), only));
            Respond.privately(
                    event,
                    chosen.map(results -> resultsOrEmpty(schoolClass, results))
                            .orElseGet(() -> texts.forClass(schoolClass, "teacher.checkin.round-unknown", Map.of())));
            return;
        }
        overview.read(schoolClass, reader, Optional.empty(), only)
                .ifPresentOrElse(
                        results -> Respond.privately(event, resultsOrEmpty(schoolClass, results)),
                        () -> Respond.privately(
                                event, texts.forClass(schoolClass, "teacher.checkin.no-round", Map.of())));
    }

    private String resultsOrEmpty(SchoolClass schoolClass, RoundResults results) {
        return results.families().isEmpty()
                ? texts.forClass(schoolClass, "teacher.checkin.results-empty", Map.of())
                : resultsText(schoolClass, results);
    }

    private String resultsText(SchoolClass schoolClass, RoundResults results) {
        List<Language> chain = texts.messages().chain(Optional.empty(), Optional.of(schoolClass.language()));
        StringBuilder text = new StringBuilder(texts.forClass(
                schoolClass,
                "teacher.checkin.results-title",
                Map.of("questionnaire", results.questionnaire().title(schoolClass.language()))));
        text.append(insight.summary(schoolClass, results.insight()));
        for (RoundResults.Family family : results.families()) {
            text.append("\n\n**")
                    .append(texts.value(schoolClass, family.student().name()))
                    .append("** #")
                    .append(family.guardian().id())
                    .append(" · ")
                    .append(word(
                            schoolClass,
                            "teacher.checkin.channel." + family.channel().code()));
            for (RoundResults.Given given : family.answers()) {
                Answer answer = given.answer();
                String shown = given.words().isPresent()
                        ? theirWords(given.words().get(), chain)
                        : answer.skipped()
                                ? texts.forClass(schoolClass, "common.skipped", Map.of())
                                : texts.inChain(
                                        "common.answer",
                                        chain,
                                        Map.of(
                                                "text",
                                                AnswerDisplay.show(
                                                        given.question(),
                                                        answer.value().orElseThrow(),
                                                        schoolClass.language(),
                                                        texts.messages(),
                                                        chain)));
                text.append("\n")
                        .append(given.question().text(schoolClass.language()))
                        .append("\n")
                        .append(shown);
                if (!answer.skipped() && given.question().type() == QuestionType.TEXT) {
                    inLanguage(schoolClass, family)
                            .ifPresent(note -> text.append(" ").append(note));
                }
                insight.before(schoolClass, results, family, given.question())
                        .ifPresent(before -> text.append("\n").append(before));
            }
            family.emailNote()
                    .ifPresent(note -> text.append("\n")
                            .append(word(schoolClass, "teacher.checkin.results-note"))
                            .append("\n")
                            .append(family.noteWords()
                                    .map(words -> theirWords(words, chain))
                                    .orElseGet(() -> texts.inChain(
                                            "common.answer",
                                            chain,
                                            Map.of("text", note.value().orElse("")))))
                            .append(inLanguage(schoolClass, family)
                                    .map(language -> " " + language)
                                    .orElse("")));
        }
        return text.toString();
    }

    /**
     * A family's words as the teacher reads them: as written, or machine-translated with the label
     * and the original beside it, or the original with the line that no translation was available.
     */
    private String theirWords(Rendition words, List<Language> chain) {
        String arrow = texts.inChain("common.answer", chain, Map.of("text", "")).strip();
        return arrow + " " + DiscordText.MARKDOWN.render(translatedText.of(words, chain));
    }

    /** "(in het Turks)" after a family's own words, when their language is not the class's. */
    private Optional<String> inLanguage(SchoolClass schoolClass, RoundResults.Family family) {
        Language theirs = family.guardian().plan().languageOr(schoolClass.language());
        return theirs == schoolClass.language()
                ? Optional.empty()
                : Optional.of(word(schoolClass, "common.language.in." + theirs.code()));
    }

    private void remind(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        CheckinRounds.Reminded reminded =
                rounds.remind(schoolClass, event.getUser().getIdLong());
        if (reminded instanceof CheckinRounds.Reminded.ToSend toSend) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass,
                            "teacher.checkin.reminded",
                            Map.of("count", toSend.pending().size())));
        } else if (reminded instanceof CheckinRounds.Reminded.NoOpenRound) {
            Respond.privately(event, texts.forClass(schoolClass, "teacher.checkin.no-round", Map.of()));
        } else {
            Respond.privately(event, texts.forClass(schoolClass, "teacher.checkin.remind-none", Map.of()));
        }
    }

    private String word(SchoolClass schoolClass, String key) {
        return texts.forClass(schoolClass, key, Map.of());
    }
}
