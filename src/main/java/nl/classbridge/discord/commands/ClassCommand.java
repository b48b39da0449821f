package nl.classbridge.discord.commands;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.ComponentHandler;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.TeacherCheck;
import nl.classbridge.discord.Texts;
import nl.classbridge.discord.agreements.OverviewReply;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.roster.ClassArchive;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.ClassTeachers;
import nl.classbridge.store.ClassArchiveRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /class setup} binds the channel as the class channel (whoever does so owns the class);
 * {@code /class info} shows it; {@code /class teacher add|remove} lets the owner share the class
 * with co-teachers; {@code /class takeover} lets a server admin take a class over, openly;
 * {@code /class needs|offers} are {@link PartnerCommands};
 * {@code /class overview} shows where each family stands ({@link OverviewReply});
 * {@code /class archive} at the end of the school year removes the families' data ({@link
 * ClassArchive}), after the owner confirmed with a button made for them and this class only.
 */
public final class ClassCommand implements SlashCommand, ComponentHandler {
    /** The archive button: {@code ka:<class id>:<owner's user id>}, checked against who presses, where. */
    private static final String ARCHIVE_PREFIX = "ka:";

    private static final Pattern ARCHIVE_ID = Pattern.compile("ka:(\\d{1,18}):(\\d{1,20})");

    private final ClassRoster roster;
    private final ClassTeachers teachers;
    private final ClassChannel classChannel;
    private final TeacherCheck teacherCheck;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final Texts texts;
    private final PartnerCommands partners;
    private final OverviewReply overview;
    private final ClassArchive archive;

    public ClassCommand(
            ClassRoster roster,
            ClassTeachers teachers,
            ClassChannel classChannel,
            TeacherCheck teacherCheck,
            StudentRepository students,
            GuardianRepository guardians,
            Texts texts,
            PartnerCommands partners,
            OverviewReply overview,
            ClassArchive archive) {
        this.roster = roster;
        this.teachers = teachers;
        this.classChannel = classChannel;
        this.teacherCheck = teacherCheck;
        this.students = students;
        this.guardians = guardians;
        this.texts = texts;
        this.partners = partners;
        this.overview = overview;
        this.archive = archive;
    }

    @Override
    public String name() {
        return "class";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("class")
                .addSubcommands(
                        defs.subcommand("class setup")
                                .addOptions(
                                        defs.option(OptionType.STRING, "class setup name", true),
                                        defs.language("class setup language", false),
                                        defs.option(OptionType.STRING, "class setup timezone", false)),
                        defs.subcommand("class info"),
                        defs.subcommand("class takeover"),
                        defs.subcommand("class overview"),
                        defs.subcommand("class archive"))
                .addSubcommands(partners.definitions(defs))
                .addSubcommandGroups(defs.subcommandGroup("class teacher")
                        .addSubcommands(
                                defs.subcommand("class teacher add")
                                        .addOptions(defs.option(OptionType.USER, "class teacher add user", true)),
                                defs.subcommand("class teacher remove")
                                        .addOptions(defs.option(OptionType.USER, "class teacher remove user", true))));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if ("teacher".equals(event.getSubcommandGroup())) {
            classChannel.orExplain(event).ifPresent(schoolClass -> {
                if ("add".equals(event.getSubcommandName())) {
                    addTeacher(event, schoolClass);
                } else {
                    removeTeacher(event, schoolClass);
                }
            });
            return;
        }
        if (PartnerCommands.handles(event.getSubcommandName())) {
            classChannel.orExplain(event).ifPresent(schoolClass -> partners.handle(event, schoolClass));
            return;
        }
        switch (event.getSubcommandName()) {
            case "setup" -> setUp(event);
            case "takeover" -> takeOver(event);
            case "overview" -> classChannel.orExplain(event).ifPresent(c -> overview.show(event, c));
            case "archive" -> classChannel.orExplain(event).ifPresent(c -> askToArchive(event, c));
            default -> classChannel.orExplain(event).ifPresent(schoolClass -> info(event, schoolClass));
        }
    }

    private void setUp(SlashCommandInteractionEvent event) {
        ClassRoster.SetUp result = roster.setUp(
                event.getGuild().getIdLong(),
                event.getChannel().getIdLong(),
                event.getOption("name", OptionMapping::getAsString),
                Optional.ofNullable(event.getOption("language", OptionMapping::getAsString)),
                Optional.ofNullable(event.getOption("timezone", OptionMapping::getAsString)),
                event.getUser().getIdLong(),
                event.getMember().getEffectiveName());
        SchoolClass schoolClass;
        if (result instanceof ClassRoster.SetUp.Created created) {
            schoolClass = created.schoolClass();
        } else if (result instanceof ClassRoster.SetUp.Updated updated) {
            schoolClass = updated.schoolClass();
        } else if (result instanceof ClassRoster.SetUp.NotYours notYours) {
            Respond.privately(event, texts.forClass(notYours.schoolClass(), "teacher.not-your-class", Map.of()));
            return;
        } else {
            Respond.privately(event, invalid(result));
            return;
        }
        Respond.privately(
                event,
                texts.forClass(
                        schoolClass,
                        "teacher.class.setup-done",
                        Map.of(
                                "class", schoolClass.name(),
                                "language", schoolClass.language().nativeName(),
                                "timezone", schoolClass.timezone().getId())));
    }

    private String invalid(ClassRoster.SetUp result) {
        if (result instanceof ClassRoster.SetUp.LanguageInvalid) {
            return texts.forSchool(
                    "teacher.option-invalid", Map.of("option", "language", "expected", Language.codes()));
        }
        if (result instanceof ClassRoster.SetUp.TimezoneInvalid) {
            return texts.forSchool(
                    "teacher.option-invalid", Map.of("option", "timezone", "expected", "Europe/Amsterdam"));
        }
        return texts.forSchool(
                "teacher.option-invalid", Map.of("option", "name", "expected", "1-" + ClassRoster.MAX_CLASS_NAME));
    }

    private void info(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        Respond.privately(
                event,
                texts.forClass(
                        schoolClass,
                        "teacher.class.info",
                        Map.of(
                                "class", schoolClass.name(),
                                "channel", "#" + event.getChannel().getName(),
                                "language", schoolClass.language().nativeName(),
                                "timezone", schoolClass.timezone().getId(),
                                "teachers",
                                        teachers.of(schoolClass).stream()
                                                .map(ClassTeacher::name)
                                                .collect(Collectors.joining(", ")),
                                "students", students.inClass(schoolClass.id()).size(),
                                "guardians", guardians.inClass(schoolClass.id()).size())));
    }

    private void addTeacher(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        Member member = event.getOption("user", OptionMapping::getAsMember);
        if (member == null || !teacherCheck.isTeacher(member)) {
            Respond.privately(
                    event,
                    texts.forClass(schoolClass, "teacher.class.teacher-cannot", Map.of("teacher", shownName(event))));
            return;
        }
        var result = teachers.add(
                schoolClass, teacherCheck.caller(event.getMember()), member.getIdLong(), member.getEffectiveName());
        String key;
        if (result instanceof ClassTeachers.TeacherAdded.Added) {
            key = "teacher.class.teacher-added";
        } else if (result instanceof ClassTeachers.TeacherAdded.AlreadyTeacher) {
            key = "teacher.class.teacher-already";
        } else {
            key = "teacher.class.teacher-not-owner";
        }
        Respond.privately(
                event,
                texts.forClass(
                        schoolClass,
                        key,
                        Map.of("teacher", member.getEffectiveName(), "owner", schoolClass.teacherName())));
    }

    private void removeTeacher(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        long userId = event.getOption("user", OptionMapping::getAsLong);
        var result = teachers.remove(schoolClass, teacherCheck.caller(event.getMember()), userId);
        String key;
        if (result instanceof ClassTeachers.TeacherRemoved.Removed) {
            key = "teacher.class.teacher-removed";
        } else if (result instanceof ClassTeachers.TeacherRemoved.NotATeacher) {
            key = "teacher.class.teacher-unknown";
        } else if (result instanceof ClassTeachers.TeacherRemoved.IsOwner) {
            key = "teacher.class.teacher-owner";
        } else {
            key = "teacher.class.teacher-not-owner";
        }
        Respond.privately(
                event,
                texts.forClass(
                        schoolClass, key, Map.of("teacher", shownName(event), "owner", schoolClass.teacherName())));
    }

    private void takeOver(SlashCommandInteractionEvent event) {
        var result = teachers.takeOver(event.getChannel().getIdLong(), teacherCheck.caller(event.getMember()));
        if (result instanceof ClassTeachers.TakeOver.TakenOver taken) {
            Respond.privately(
                    event,
                    texts.forClass(
                            taken.schoolClass(),
                            "teacher.class.takeover-done",
                            Map.of("class", taken.schoolClass().name(), "previous", taken.formerOwner())));
        } else if (result instanceof ClassTeachers.TakeOver.AlreadyOwner already) {
            Respond.privately(event, texts.forClass(already.schoolClass(), "teacher.class.takeover-already", Map.of()));
        } else if (result instanceof ClassTeachers.TakeOver.NotAdmin) {
            Respond.privately(event, texts.forSchool("teacher.class.takeover-not-admin", Map.of()));
        } else {
            Respond.privately(event, texts.forSchool("teacher.no-class", Map.of()));
        }
    }

    /** What archiving would remove, with the button that does it: for the owner only. */
    private void askToArchive(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        ClassArchive.Outcome preview = archive.preview(schoolClass, teacherCheck.caller(event.getMember()));
        if (preview instanceof ClassArchive.Outcome.Counted counted) {
            String button = DiscordLimits.customId(ARCHIVE_PREFIX + schoolClass.id() + ":"
                    + Long.toUnsignedString(event.getUser().getIdLong()));
            Respond.privately(
                    event,
                    texts.forClass(schoolClass, "archive.confirm", counts(schoolClass, counted.counts())),
                    List.of(ActionRow.of(Button.danger(
                            button,
                            DiscordLimits.fit(
                                    texts.forClass(schoolClass, "archive.button", Map.of()),
                                    DiscordLimits.BUTTON_LABEL)))));
        } else {
            notOwner(event, schoolClass, (ClassArchive.Outcome.NotOwner) preview);
        }
    }

    @Override
    public boolean owns(String id) {
        return id.startsWith(ARCHIVE_PREFIX);
    }

    /** The archive button: only in its class's channel, only for the teacher it was made for. */
    @Override
    public void button(ButtonInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            Matcher id = ARCHIVE_ID.matcher(event.getComponentId());
            if (!id.matches()
                    || Long.parseLong(id.group(1)) != schoolClass.id()
                    || !id.group(2).equals(Long.toUnsignedString(event.getUser().getIdLong()))) {
                Respond.privately(event, texts.forClass(schoolClass, "archive.not-yours", Map.of()));
                return;
            }
            ClassArchive.Outcome done = archive.archive(schoolClass, teacherCheck.caller(event.getMember()));
            if (done instanceof ClassArchive.Outcome.Counted counted) {
                Respond.inPlace(
                        event, texts.forClass(schoolClass, "archive.done", counts(schoolClass, counted.counts())));
            } else {
                notOwner(event, schoolClass, (ClassArchive.Outcome.NotOwner) done);
            }
        });
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
    }

    private void notOwner(
            net.dv8tion.jda.api.interactions.callbacks.IReplyCallback event,
            SchoolClass schoolClass,
            ClassArchive.Outcome.NotOwner refused) {
        Respond.privately(event, texts.forClass(schoolClass, "archive.not-owner", Map.of("owner", refused.owner())));
    }

    private static Map<String, Object> counts(SchoolClass schoolClass, ClassArchiveRepository.Counts counts) {
        return Map.ofEntries(
                Map.entry("class", schoolClass.name()),
                Map.entry("children", counts.children()),
                Map.entry("links", counts.links()),
                Map.entry("guardians", counts.guardians()),
                Map.entry("rounds", counts.rounds()),
                Map.entry("answers", counts.answers()),
                Map.entry("conversations", counts.conversations()),
                Map.entry("agreements", counts.agreements()),
                Map.entry("highlights", counts.highlights()),
                Map.entry("invites", counts.invites()),
                Map.entry("deliveries", counts.deliveries()));
    }

    /** The name of the member an option names, as the server shows it. */
    private static String shownName(SlashCommandInteractionEvent event) {
        OptionMapping option = event.getOption("user");
        Member member = option.getAsMember();
        return member != null ? member.getEffectiveName() : option.getAsUser().getEffectiveName();
    }
}
