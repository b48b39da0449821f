package nl.classbridge.discord.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.RoundStatus;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.checkin.CheckinReplies;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.messages.Dates;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.messages.Texts;
import nl.classbridge.checkin.CheckinMail;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.Database;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * {@code /checkin start|status|remind}: a well-being check-in for the whole class. Starting makes
 * the round and one outbox row per family in one transaction; the outbox then paces the DMs.
 */
public final class CheckinCommand implements SlashCommand {
    private final CheckinRounds rounds;
    private final ActiveQuestionnaires questionnaires;
    private final Outbox outbox;
    private final Database database;
    private final ClassChannel classChannel;
    private final GuardianRepository guardians;
    private final DeliveryRepository deliveries;
    private final CheckinRepository checkins;
    private final StudentRepository students;
    private final Texts texts;

    public CheckinCommand(CheckinRounds rounds, ActiveQuestionnaires questionnaires, Outbox outbox, Database database,
            ClassChannel classChannel, GuardianRepository guardians, DeliveryRepository deliveries,
            CheckinRepository checkins, StudentRepository students, Texts texts) {
        this.rounds = rounds;
        this.checkins = checkins;
        this.students = students;
        this.guardians = guardians;
        this.deliveries = deliveries;
        this.questionnaires = questionnaires;
        this.outbox = outbox;
        this.database = database;
        this.classChannel = classChannel;
        this.texts = texts;
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
        return defs.teacherCommand("checkin").addSubcommands(
                defs.subcommand("checkin start").addOptions(
                        defs.suggested("checkin start questionnaire", true),
                        defs.option(OptionType.INTEGER, "checkin start deadline-days", false)
                                .setRequiredRange(1, CheckinRounds.MAX_DEADLINE_DAYS)),
                defs.subcommand("checkin status"),
                defs.subcommand("checkin results").addOptions(defs.suggested("checkin results student", false)),
                defs.subcommand("checkin remind"));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        if ("student".equals(event.getFocusedOption().getName())) {
            StudentNames.suggest(event, classChannel, students);
            return;
        }
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        // Discord takes 25 choices of at most 100 characters; a longer id is typed in full instead.
        event.replyChoices(questionnaires.ids().stream().filter(id -> id.contains(typed))
                .filter(id -> id.length() <= DiscordLimits.CHOICE).limit(DiscordLimits.SELECT_OPTIONS)
                .map(id -> new Command.Choice(id, id)).toList()).queue();
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
        CheckinRounds.Started started = database.transaction(() -> {
            CheckinRounds.Started result = rounds.start(schoolClass, id, days, event.getUser().getIdLong());
            if (result instanceof CheckinRounds.Started.Round round) {
                outbox.enqueueAll(invitations(schoolClass, round.round(), round.requests()));
            }
            return result;
        });
        Respond.privately(event, startReply(schoolClass, started, id));
    }

    /**
     * What each family gets: on Discord one greeting (children follow one at a time); by email
     * the questions about each child; both when their communication plan says so.
     */
    private List<OutgoingMessage> invitations(SchoolClass schoolClass, CheckinRound round,
            List<CheckinRequest> requests) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (CheckinRequest first : firstPerGuardian(requests)) {
            if (first.channel() == ContactChannel.DISCORD && first.status() != RequestStatus.UNREACHABLE) {
                messages.add(CheckinMail.greeting(schoolClass.id(), round, first));
            }
        }
        for (CheckinRequest request : requests) {
            Guardian guardian = guardians.find(request.guardianId()).orElseThrow();
            boolean byEmail = request.channel() == ContactChannel.EMAIL
                    || guardian.plan().channel() == ContactChannel.BOTH;
            if (byEmail && guardian.reachableByEmail()) {
                messages.add(CheckinMail.questionnaireByEmail(schoolClass.id(), round, request));
            }
        }
        return messages;
    }

    private String startReply(SchoolClass schoolClass, CheckinRounds.Started started, String id) {
        if (started instanceof CheckinRounds.Started.Round round) {
            return texts.forClass(schoolClass, "teacher.checkin.started", Map.of(
                    "questionnaire", round.questionnaire().questionnaire().title(schoolClass.language()),
                    "count", firstPerGuardian(round.requests()).size(),
                    "deadline", Dates.day(round.round().deadline(), schoolClass.timezone(), schoolClass.language())));
        }
        if (started instanceof CheckinRounds.Started.AlreadyRunning running) {
            return texts.forClass(schoolClass, "teacher.checkin.already-running", Map.of("questionnaire",
                    rounds.status(schoolClass).map(s -> s.questionnaire().title(schoolClass.language())).orElse("")));
        }
        if (started instanceof CheckinRounds.Started.DeadlineOutOfRange) {
            return texts.forClass(schoolClass, "teacher.option-invalid",
                    Map.of("option", "deadline-days", "expected", "1-" + CheckinRounds.MAX_DEADLINE_DAYS));
        }
        if (started instanceof CheckinRounds.Started.NoFamilies) {
            return texts.forClass(schoolClass, "teacher.guardian.list-empty", Map.of());
        }
        return texts.forClass(schoolClass, "teacher.checkin.unknown-questionnaire",
                Map.of("questionnaire", DiscordLimits.echo(id)));
    }

    private void status(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        rounds.status(schoolClass).ifPresentOrElse(status -> {
            StringBuilder text = new StringBuilder(texts.forClass(schoolClass, "teacher.checkin.status-title", Map.of(
                    "questionnaire", status.questionnaire().title(schoolClass.language()),
                    "answered", status.answered(), "total", status.lines().size())));
            for (RoundStatus.Line line : status.lines()) {
                text.append("\n• **").append(texts.value(schoolClass, line.student().name())).append("** #")
                        .append(line.guardian().id()).append(" · ")
                        .append(word(schoolClass, "teacher.checkin.channel." + line.channel().code())).append(": ")
                        .append(word(schoolClass, stateKey(line, sent(status.round(), line))));
            }
            Respond.privately(event, text.toString());
        }, () -> Respond.privately(event, texts.forClass(schoolClass, "teacher.checkin.no-round", Map.of())));
    }

    private static String stateKey(RoundStatus.Line line, boolean sent) {
        if (line.channel() == ContactChannel.EMAIL && line.guardian().emailInvalid()) {
            return "teacher.checkin.state.bounced";
        }
        return switch (line.state()) {
            case ANSWERED -> "teacher.checkin.state.answered";
            case UNREACHABLE -> "teacher.checkin.state.unreachable";
            case IN_PROGRESS -> "teacher.checkin.state.delivered";
            case PENDING -> sent ? "teacher.checkin.state.sent" : "teacher.checkin.state.pending";
        };
    }

    /** Whether the family's DM greeting or email with the questions went out (not yet answered). */
    private boolean sent(CheckinRound round, RoundStatus.Line line) {
        String key = line.channel() == ContactChannel.EMAIL
                ? DedupeKeys.questionnaireEmail(round.id(), line.request().id())
                : DedupeKeys.greeting(round.id(), line.guardian().id());
        return deliveries.findByKey(key).map(d -> d.status() == DeliveryStatus.SENT).orElse(false);
    }

    /** The answers, for the teacher only: per child and guardian, each question with its answer. */
    private void results(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        String only = event.getOption("student", OptionMapping::getAsString);
        rounds.status(schoolClass).ifPresentOrElse(status -> {
            List<Language> chain = texts.messages().chain(Optional.empty(), Optional.of(schoolClass.language()));
            StringBuilder text = new StringBuilder(texts.forClass(schoolClass, "teacher.checkin.results-title",
                    Map.of("questionnaire", status.questionnaire().title(schoolClass.language()))));
            boolean any = false;
            for (RoundStatus.Line line : status.lines()) {
                if (only != null && !line.student().name().equalsIgnoreCase(only.strip())) {
                    continue;
                }
                Map<String, Answer> answers = new LinkedHashMap<>();
                checkins.answers(line.request().id()).forEach(answer -> answers.put(answer.questionId(), answer));
                if (answers.isEmpty()) {
                    continue;
                }
                any = true;
                text.append("\n\n**").append(texts.value(schoolClass, line.student().name())).append("** #")
                        .append(line.guardian().id()).append(" · ")
                        .append(word(schoolClass, "teacher.checkin.channel." + line.channel().code()));
                for (Question question : status.questionnaire().asked()) {
                    Answer answer = answers.get(question.id());
                    if (answer == null) {
                        continue;
                    }
                    String shown = answer.skipped() ? texts.forClass(schoolClass, "common.skipped", Map.of())
                            : texts.messages().discord("common.answer", chain, Map.of("text", AnswerDisplay.show(question,
                                    answer.value().orElseThrow(), schoolClass.language(), texts.messages(), chain)));
                    text.append("\n").append(question.text(schoolClass.language())).append("\n").append(shown);
                }
                Answer note = answers.get(CheckinReplies.NOTE);
                if (note != null) {
                    text.append("\n").append(word(schoolClass, "teacher.checkin.results-note")).append("\n")
                            .append(texts.messages().discord("common.answer", chain,
                                    Map.of("text", note.value().orElse(""))));
                }
            }
            Respond.privately(event, any ? text.toString()
                    : texts.forClass(schoolClass, "teacher.checkin.results-empty", Map.of()));
        }, () -> Respond.privately(event, texts.forClass(schoolClass, "teacher.checkin.no-round", Map.of())));
    }

    private void remind(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        CheckinRounds.Reminded reminded = database.transaction(() -> {
            CheckinRounds.Reminded result = rounds.remind(schoolClass, event.getUser().getIdLong());
            if (result instanceof CheckinRounds.Reminded.ToSend toSend) {
                outbox.enqueueAll(toSend.pending().stream().map(request -> CheckinMail.reminder(schoolClass.id(),
                        toSend.round(), request, request.channel() == ContactChannel.EMAIL
                                ? DeliveryChannel.EMAIL : DeliveryChannel.DISCORD_DM)).toList());
            }
            return result;
        });
        if (reminded instanceof CheckinRounds.Reminded.ToSend toSend) {
            Respond.privately(event, texts.forClass(schoolClass, "teacher.checkin.reminded",
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

    private static List<CheckinRequest> firstPerGuardian(List<CheckinRequest> requests) {
        Map<Long, CheckinRequest> first = new LinkedHashMap<>();
        requests.forEach(request -> first.putIfAbsent(request.guardianId(), request));
        return List.copyOf(first.values());
    }
}
