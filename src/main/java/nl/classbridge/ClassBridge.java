package nl.classbridge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.EmailFollowUp;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.config.Settings;
import nl.classbridge.delivery.DispatchLoop;
import nl.classbridge.delivery.Dispatcher;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.Sender;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.CommandRouter;
import nl.classbridge.discord.DiscordBot;
import nl.classbridge.discord.TeacherCheck;
import nl.classbridge.messages.Texts;
import nl.classbridge.discord.UserStripes;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.discord.checkin.CheckinHandOff;
import nl.classbridge.discord.checkin.CheckinInteractions;
import nl.classbridge.discord.checkin.DiscordDmSender;
import nl.classbridge.discord.checkin.StepView;
import nl.classbridge.discord.checkin.TeacherNotices;
import nl.classbridge.discord.commands.CheckinCommand;
import nl.classbridge.discord.commands.ClassCommand;
import nl.classbridge.discord.commands.GuardianCommand;
import nl.classbridge.discord.commands.InviteCommand;
import nl.classbridge.discord.commands.JoinCommand;
import nl.classbridge.discord.commands.StudentCommand;
import nl.classbridge.discord.commands.UpdateCommand;
import nl.classbridge.checkin.email.CheckinEmails;
import nl.classbridge.mail.SmtpSender;
import nl.classbridge.mail.checkin.CheckinEmailComposer;
import nl.classbridge.mail.checkin.CheckinReplies;
import nl.classbridge.mail.inbox.ImapInbox;
import nl.classbridge.mail.inbox.InboxLoop;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.CommandTexts;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.InviteCode;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.HighlightRepository;
import nl.classbridge.store.Housekeeping;
import nl.classbridge.store.InviteRepository;
import nl.classbridge.store.JoinAttemptRepository;
import nl.classbridge.store.MailSeenRepository;
import nl.classbridge.store.QuestionnaireRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: wires config, store, services and Discord by hand with constructors, in that
 * order, and stops them in reverse. No singletons: everything a part needs is handed to it here.
 */
public final class ClassBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClassBridge.class);
    /** Threads answering Discord events; SQLite writes are serialised anyway, rendering is not. */
    private static final int EVENT_THREADS = 4;

    private final Database database;
    private final ScheduledExecutorService scheduler;
    private final Optional<DiscordBot> discord;
    private final Optional<DispatchLoop> dispatchLoop;
    private final Optional<UserStripes> eventThreads;
    private final Optional<InboxLoop> inboxLoop;
    private final Optional<SmtpSender> smtp;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ClassBridge(Database database, ScheduledExecutorService scheduler, Optional<DiscordBot> discord,
            Optional<DispatchLoop> dispatchLoop, Optional<UserStripes> eventThreads, Optional<InboxLoop> inboxLoop,
            Optional<SmtpSender> smtp) {
        this.database = database;
        this.scheduler = scheduler;
        this.discord = discord;
        this.dispatchLoop = dispatchLoop;
        this.eventThreads = eventThreads;
        this.inboxLoop = inboxLoop;
        this.smtp = smtp;
    }

    /**
     * Loads the texts, opens the store, brings it up to date, starts the scheduled jobs and, with a
     * Discord token, logs in and starts sending. A message catalogue that cannot be read stops
     * start-up before anything runs; a broken questionnaire is left out with a warning.
     */
    public static ClassBridge start(Settings settings, Clock clock) throws CatalogueException, InterruptedException {
        MessageCatalogue catalogue = MessageCatalogue.load(settings.texts().messagesFolder());
        catalogue.inconsistencies().forEach(problem -> LOG.warn("Message catalogue: {}", problem));
        CommandTexts commandTexts = CommandTexts.load(settings.texts().messagesFolder().resolve("commands.yml"));
        Texts texts = new Texts(new Messages(catalogue, settings.school().defaultLanguage()));

        Database database = Database.open(settings.database().path());
        SchoolClassRepository classes = new SchoolClassRepository(database);
        StudentRepository students = new StudentRepository(database);
        GuardianRepository guardians = new GuardianRepository(database);
        InviteRepository invites = new InviteRepository(database);
        JoinAttemptRepository joinAttempts = new JoinAttemptRepository(database);
        CheckinRepository checkins = new CheckinRepository(database);
        DeliveryRepository deliveries = new DeliveryRepository(database);
        QuestionnaireRepository questionnaireVersions = new QuestionnaireRepository(database);
        AuditLog auditLog = new AuditLog(database);

        ActiveQuestionnaires questionnaires = ActiveQuestionnaires.load(settings.texts().questionnairesFolder(),
                questionnaireVersions, clock);
        questionnaires.problems().forEach(problem -> LOG.warn("Questionnaire: {}", problem));
        LOG.info("Questionnaires ready: {}", questionnaires.ids());

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "classbridge-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        Housekeeping housekeeping = new Housekeeping(database, checkins, deliveries, auditLog, invites, joinAttempts,
                settings.retention().months(), clock);
        scheduler.scheduleWithFixedDelay(() -> runSafely("housekeeping", housekeeping::run), 0, 6, TimeUnit.HOURS);

        Optional<DiscordBot> discord = Optional.empty();
        Optional<DispatchLoop> dispatchLoop = Optional.empty();
        Optional<UserStripes> eventThreads = Optional.empty();
        Optional<InboxLoop> inboxLoop = Optional.empty();
        Optional<SmtpSender> smtp = Optional.empty();
        if (settings.discord().token().isPresent()) {
            UserStripes stripes = new UserStripes(EVENT_THREADS);
            eventThreads = Optional.of(stripes);
            QuestionnaireVersions versions = new QuestionnaireVersions(questionnaireVersions);
            Outbox outbox = new Outbox(database, deliveries, guardians, clock, settings.quietHours(),
                    settings.school().timezone());
            ClassRoster roster = new ClassRoster(database, classes, students, guardians, auditLog,
                    settings.school().defaultLanguage(), settings.school().timezone(), clock);
            Enrolment enrolment = new Enrolment(database, students, guardians, invites, joinAttempts, new InviteCode(),
                    clock);
            CheckinRounds rounds = new CheckinRounds(database, checkins, students, guardians, questionnaires, versions,
                    auditLog, clock);
            Conversations conversations = new Conversations(database, checkins, guardians, versions, clock);
            CheckinContexts contexts = new CheckinContexts(checkins, students, guardians, classes, versions, texts);
            StepView stepView = new StepView(texts.messages());
            ClassChannel classChannel = new ClassChannel(classes, texts);

            CommandRouter router = new CommandRouter(List.of(
                    new ClassCommand(roster, classChannel, students, guardians, texts),
                    new StudentCommand(roster, classChannel, students, texts),
                    new InviteCommand(enrolment, roster, classChannel, students, texts, settings.school().name()),
                    new GuardianCommand(roster, classChannel, students, texts),
                    new CheckinCommand(rounds, questionnaires, outbox, database, classChannel, guardians, deliveries,
                            checkins, students, texts),
                    new JoinCommand(enrolment, classes, texts),
                    new UpdateCommand(new HighlightRepository(database), classChannel, texts, clock)),
                    new CheckinInteractions(conversations, checkins, guardians, contexts, stepView, texts),
                    new TeacherCheck(settings.discord().teacherRole()), texts, stripes);
            DiscordBot bot = DiscordBot.connect(settings.discord(), router, new CommandDefinitions(commandTexts));
            discord = Optional.of(bot);

            TeacherNotices notices = new TeacherNotices(outbox, students, classes, texts);
            List<Sender> senders = new ArrayList<>();
            senders.add(new DiscordDmSender(bot.jda(), deliveries, guardians, checkins, contexts, stepView, texts));
            SmtpSender email = new SmtpSender(settings.mail(), new CheckinEmailComposer(checkins, guardians, deliveries,
                    contexts, new CheckinEmails(texts.messages(), settings.school().name()), clock), deliveries, clock);
            if (email.configured()) {
                senders.add(email);
                smtp = Optional.of(email);
            } else {
                LOG.warn("mail.smtp.host is not set: emails stay queued in the outbox until SMTP is configured");
            }
            Dispatcher dispatcher = new Dispatcher(outbox, deliveries, guardians, senders, new CheckinHandOff(checkins),
                    notices, clock, settings.discord().dmPerSecond(), Dispatcher.DEFAULT_MAX_ATTEMPTS);
            if (settings.mail().imap().configured()) {
                ImapInbox inbox = new ImapInbox(settings.mail().imap(), new MailSeenRepository(database),
                        new CheckinReplies(database, deliveries, checkins, guardians, conversations, contexts,
                                texts.messages(), outbox, notices, notices, clock), clock);
                InboxLoop loop = new InboxLoop(inbox, Duration.ofSeconds(settings.mail().imap().pollSeconds()));
                loop.start();
                inboxLoop = Optional.of(loop);
            } else {
                LOG.warn("mail.imap.host is not set: email replies from families are not read");
            }
            EmailFollowUp followUp = new EmailFollowUp(checkins, guardians, outbox,
                    Duration.ofHours(settings.checkin().emailAfterHours()), clock);
            scheduler.scheduleWithFixedDelay(() -> runSafely("email follow-up", followUp::run), 1, 60, TimeUnit.MINUTES);
            DispatchLoop loop = new DispatchLoop(dispatcher, clock);
            outbox.whenEnqueued(loop::wake);
            loop.start();
            dispatchLoop = Optional.of(loop);
            LOG.info("Connected to Discord as {}", bot.jda().getSelfUser().getName());
        }
        LOG.info("ClassBridge started for {} with its database at {}", settings.school().name(), database.file());
        return new ClassBridge(database, scheduler, discord, dispatchLoop, eventThreads, inboxLoop, smtp);
    }

    /** Blocks until {@link #close} is called (from the shutdown hook on SIGTERM or Ctrl-C). */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("ClassBridge stopping");
        try {
            if (inboxLoop.isPresent()) {
                inboxLoop.get().stop();
            }
            if (dispatchLoop.isPresent()) {
                dispatchLoop.get().stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        smtp.ifPresent(SmtpSender::close);
        discord.ifPresent(DiscordBot::close);
        eventThreads.ifPresent(UserStripes::close);
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        stopped.countDown();
    }

    /** A failing job is logged and tried again at its next turn; it never stops the scheduler. */
    private static void runSafely(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Scheduled job {} failed; it runs again at its next turn", job, e);
        }
    }
}
