package nl.classbridge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.classbridge.agreements.AgreementHandOff;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.agreements.AlignmentReminders;
import nl.classbridge.agreements.ClassOverview;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.checkin.CheckinHandOff;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.ClassOffers;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.EmailFollowUp;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.RoundOverview;
import nl.classbridge.checkin.TypedMessages;
import nl.classbridge.checkin.email.CheckinEmails;
import nl.classbridge.config.Settings;
import nl.classbridge.delivery.DispatchLoop;
import nl.classbridge.delivery.Dispatcher;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.Sender;
import nl.classbridge.discord.ChannelPostSender;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.CommandRouter;
import nl.classbridge.discord.DiscordBot;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.discord.InMyLanguage;
import nl.classbridge.discord.TeacherCheck;
import nl.classbridge.discord.Texts;
import nl.classbridge.discord.UserStripes;
import nl.classbridge.discord.agreements.AgreementDmSender;
import nl.classbridge.discord.agreements.AgreementInteractions;
import nl.classbridge.discord.agreements.AgreementList;
import nl.classbridge.discord.agreements.AgreementView;
import nl.classbridge.discord.agreements.FamilyConversations;
import nl.classbridge.discord.agreements.OverviewReply;
import nl.classbridge.discord.agreements.OverviewText;
import nl.classbridge.discord.checkin.CheckinInteractions;
import nl.classbridge.discord.checkin.DiscordDmSender;
import nl.classbridge.discord.checkin.StepView;
import nl.classbridge.discord.commands.AgreementCommand;
import nl.classbridge.discord.commands.CheckinCommand;
import nl.classbridge.discord.commands.ClassCommand;
import nl.classbridge.discord.commands.ConversationCommand;
import nl.classbridge.discord.commands.ExportCommand;
import nl.classbridge.discord.commands.ForgetMeCommand;
import nl.classbridge.discord.commands.GuardianCommand;
import nl.classbridge.discord.commands.InviteCommand;
import nl.classbridge.discord.commands.JoinCommand;
import nl.classbridge.discord.commands.MyDataCommand;
import nl.classbridge.discord.commands.PartnerCommands;
import nl.classbridge.discord.commands.PrepCommand;
import nl.classbridge.discord.commands.PrivacyAudit;
import nl.classbridge.discord.commands.PrivacyCommand;
import nl.classbridge.discord.commands.PrivacyRequest;
import nl.classbridge.discord.commands.StudentCommand;
import nl.classbridge.discord.commands.UpdateCommand;
import nl.classbridge.discord.preferences.PreferenceInteractions;
import nl.classbridge.discord.preferences.PreferencesCommand;
import nl.classbridge.health.HealthCheck;
import nl.classbridge.health.Pulse;
import nl.classbridge.logs.Failure;
import nl.classbridge.mail.EmailComposers;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.mail.SmtpSender;
import nl.classbridge.mail.agreements.AgreementEmailComposer;
import nl.classbridge.mail.agreements.AgreementReplies;
import nl.classbridge.mail.checkin.CheckinEmailComposer;
import nl.classbridge.mail.checkin.CheckinReplies;
import nl.classbridge.mail.inbox.ImapInbox;
import nl.classbridge.mail.inbox.ImapMailbox;
import nl.classbridge.mail.inbox.InboxLoop;
import nl.classbridge.mail.preferences.PreferenceEmailComposer;
import nl.classbridge.mail.privacy.ForgetMeByMail;
import nl.classbridge.mail.privacy.MyDataByMail;
import nl.classbridge.mail.privacy.PrivacyEmailComposer;
import nl.classbridge.mail.trust.MailCommand;
import nl.classbridge.mail.trust.PreferencesByMail;
import nl.classbridge.mail.trust.ReceivedMail;
import nl.classbridge.mail.updates.UpdateEmailComposer;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.CommandTexts;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.ops.HealthServer;
import nl.classbridge.preferences.ContactTimes;
import nl.classbridge.preferences.MailedPreferences;
import nl.classbridge.preferences.PreferenceTexts;
import nl.classbridge.preferences.PreferenceWords;
import nl.classbridge.preferences.Preferences;
import nl.classbridge.prep.Preparation;
import nl.classbridge.prep.TeacherAsks;
import nl.classbridge.privacy.AnswersExport;
import nl.classbridge.privacy.AuditTrail;
import nl.classbridge.privacy.ConfirmationCodes;
import nl.classbridge.privacy.FamilyKeywords;
import nl.classbridge.privacy.FamilyRequests;
import nl.classbridge.privacy.ForgetMe;
import nl.classbridge.privacy.MyData;
import nl.classbridge.privacy.PrivacyEmails;
import nl.classbridge.privacy.PrivacyRequests;
import nl.classbridge.roster.ClassArchive;
import nl.classbridge.roster.ClassNeeds;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.ClassTeachers;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.Invitations;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.ClassArchiveRepository;
import nl.classbridge.store.ClassNeedsRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.FamilyDataRepository;
import nl.classbridge.store.HealthRepository;
import nl.classbridge.store.Housekeeping;
import nl.classbridge.store.Repositories;
import nl.classbridge.translation.FamilyWords;
import nl.classbridge.translation.ForTheTeacher;
import nl.classbridge.translation.FreeText;
import nl.classbridge.translation.TranslatedText;
import nl.classbridge.translation.Translations;
import nl.classbridge.translation.Translator;
import nl.classbridge.translators.Translators;
import nl.classbridge.updates.Highlights;
import nl.classbridge.updates.PostInMyLanguage;
import nl.classbridge.updates.UpdatePost;
import nl.classbridge.updates.UpdateRuns;
import nl.classbridge.updates.UpdateSchedules;
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
    private final Repositories store;
    private final ScheduledExecutorService scheduler;
    /** The jobs that act on the time of day, in the order they were scheduled; see {@link #clockMoved}. */
    private final List<Job> timedJobs = new CopyOnWriteArrayList<>();

    private final Running running;
    /** What the running parts report about themselves, for the heartbeat and the health endpoint. */
    private final Pulse pulse;

    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ClassBridge(
            Database database,
            Repositories store,
            ScheduledExecutorService scheduler,
            Running running,
            Pulse pulse,
            Clock clock) {
        this.database = database;
        this.store = store;
        this.scheduler = scheduler;
        this.running = running;
        this.pulse = pulse;
        this.clock = clock;
    }

    /** A job the scheduler runs every so often; it finds its own work in the store. */
    private record Job(String name, Runnable work) {
        void runSafely() {
            ClassBridge.runSafely(name, work);
        }
    }

    /**
     * Loads the texts, opens the store, brings it up to date, starts the scheduled jobs and, with a
     * Discord token, logs in and starts sending and reading mail. A message catalogue that cannot
     * be read stops start-up before anything runs; a broken questionnaire is left out with a
     * warning; a failure halfway stops what was started, so nothing is left running half.
     */
    public static ClassBridge start(Settings settings, Clock clock) throws CatalogueException, InterruptedException {
        // The configured translator: none (the default) sends nothing anywhere.
        return start(settings, clock, Translators.of(settings.translation(), clock));
    }

    /** As {@link #start(Settings, Clock)}, with {@code translator} for free text (tests give their own). */
    public static ClassBridge start(Settings settings, Clock clock, Translator translator)
            throws CatalogueException, InterruptedException {
        MessageCatalogue catalogue = MessageCatalogue.load(settings.texts().messagesFolder());
        catalogue.inconsistencies().forEach(problem -> LOG.warn("Message catalogue: {}", problem));
        CommandTexts commandTexts =
                CommandTexts.load(settings.texts().messagesFolder().resolve("commands.yml"));
        Texts texts = new Texts(new Messages(catalogue, settings.school().defaultLanguage()));

        Database database = Database.open(settings.database().path());
        Repositories store = Repositories.over(database);
        ActiveQuestionnaires questionnaires =
                ActiveQuestionnaires.load(settings.texts().questionnairesFolder(), store.questionnaires(), clock);
        questionnaires.problems().forEach(problem -> LOG.warn("Questionnaire: {}", problem));
        LOG.info("Questionnaires ready: {}", questionnaires.ids());

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "classbridge-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        Housekeeping housekeeping = new Housekeeping(
                store, settings.retention().months(), settings.retention().highlightMonths(), clock);

        Pulse pulse = new Pulse(
                clock.instant(),
                settings.discord().token().isPresent(),
                settings.mail().imap().configured()
                        ? Optional.of(Duration.ofSeconds(settings.mail().imap().pollSeconds()))
                        : Optional.empty(),
                settings.mail().smtp().configured());
        ClassBridge bridge = new ClassBridge(database, store, scheduler, new Running(), pulse, clock);
        // The heartbeat `classbridge status` reads, written from the start (Discord counts as not
        // connected until it is); the health endpoint, when ops.port asks for it.
        HealthRepository figures = new HealthRepository(database);
        HealthCheck health = new HealthCheck(figures, database.file(), clock);
        Runnable heartbeat = () -> figures.save(pulse.beat(clock.instant()));
        bridge.every(HealthCheck.HEARTBEAT_EVERY, Duration.ZERO, new Job("heartbeat", heartbeat));
        if (settings.ops().endpointOn()) {
            try {
                bridge.running.health = HealthServer.start(
                        settings.ops().port(), () -> health.check(true, Optional.of(pulse.beat(clock.instant()))));
            } catch (RuntimeException e) {
                bridge.close();
                throw e;
            }
        }
        // Retention: at start-up, then once a day.
        bridge.every(Duration.ofDays(1), Duration.ZERO, new Job("housekeeping", housekeeping::run));
        if (settings.discord().token().isPresent()) {
            try {
                bridge.startFeatures(settings, clock, texts, commandTexts, questionnaires, translator);
                heartbeat.run(); // connected now: `status` need not wait for the next beat to say so
            } catch (RuntimeException | InterruptedException e) {
                bridge.close();
                throw e;
            }
        }
        LOG.info(
                "ClassBridge started for {} with its database at {}",
                settings.school().name(),
                database.file());
        return bridge;
    }

    /** Discord, the outbox and email: built by hand, recorded in {@link #running} as each starts. */
    private void startFeatures(
            Settings settings,
            Clock clock,
            Texts texts,
            CommandTexts commandTexts,
            ActiveQuestionnaires questionnaires,
            Translator translator)
            throws InterruptedException {
        CoreServices core = CoreServices.wire(database, store, settings, questionnaires, clock);
        // Free text across languages, both ways (issue 15): teachers' texts to families, families' to teachers.
        Translations translations = new Translations(
                translator, store.translations(), settings.translation().timeout(), clock);
        running.translations = translations;
        TranslatedText translatedText = new TranslatedText(texts.messages());
        // To families: highlights, agreements and the needs statement, translated as each message is composed.
        FreeText toFamilies = new FreeText(translations, translatedText, store.translations());
        QuestionnaireVersions versions = core.versions();
        Outbox outbox = core.outbox();
        ClassRoster roster = core.roster();
        Enrolment enrolment = core.enrolment();
        CheckinRounds rounds = core.rounds();
        RoundOverview overview = new RoundOverview(
                store.checkins(),
                store.students(),
                store.guardians(),
                store.deliveries(),
                versions,
                store.auditLog(),
                clock,
                new FamilyWords(translations));
        Conversations conversations = core.conversations();
        // The family's own plan (/preferences on Discord, PREFERENCES by email), one service for both.
        PreferenceTexts preferenceTexts = new PreferenceTexts(
                texts.messages(),
                ContactTimes.of(questionnaires),
                settings.quietHours(),
                settings.school().name());
        Preferences preferences = new Preferences(
                database,
                store.guardians(),
                store.students(),
                store.classes(),
                new ConfirmationCodes(store.confirmations(), clock),
                outbox,
                store.auditLog(),
                ContactTimes.of(questionnaires),
                settings.quietHours(),
                clock);
        PreferenceWords preferenceWords = new PreferenceWords(texts.messages());
        CheckinContexts contexts = new CheckinContexts(
                store.checkins(), store.classes(), versions, texts.messages(), store.conversations(), toFamilies);
        StepView stepView = new StepView(texts.messages());
        UpdatePost updatePost =
                new UpdatePost(texts.messages(), settings.school().name(), toFamilies);
        TeacherNotices notices = core.notices();
        AgreementTexts agreementTexts =
                new AgreementTexts(texts.messages(), settings.school().name(), toFamilies);
        Agreements agreements = core.agreements();
        AgreementView agreementView = new AgreementView(agreementTexts);
        ClassTeachers teachers =
                new ClassTeachers(database, store.classes(), store.classTeachers(), store.auditLog(), notices, clock);
        ClassChannel classChannel = new ClassChannel(teachers, texts);
        TeacherCheck teacherCheck = new TeacherCheck(settings.discord().teacherRole());
        UpdateRuns updates = new UpdateRuns(
                database,
                store.classes(),
                store.schedules(),
                store.highlights(),
                store.guardians(),
                outbox,
                updatePost,
                notices,
                store.auditLog(),
                settings.updates(),
                DiscordText.MARKDOWN,
                clock);

        // A family's own data: /my-data, /forget-me, MY DATA and FORGET ME by email, /privacy request.
        FamilyDataRepository familyData = new FamilyDataRepository(database);
        MyData myData = new MyData(
                familyData,
                store.students(),
                store.classes(),
                store.checkins(),
                store.questionnaires(),
                versions,
                store.agreements(),
                store.conversations(),
                store.deliveries(),
                texts.messages(),
                settings.school().timezone(),
                clock);
        ForgetMe forgetMe = new ForgetMe(
                database,
                familyData,
                store.students(),
                store.classes(),
                store.classTeachers(),
                notices,
                store.auditLog(),
                ImapMailbox.of(settings.mail().imap()),
                clock);
        FamilyRequests familyRequests =
                new FamilyRequests(outbox, new ConfirmationCodes(store.confirmations(), clock), forgetMe, clock);
        FamilyKeywords keywords = new FamilyKeywords(texts.messages());
        PrivacyEmails privacyEmails = new PrivacyEmails(
                texts.messages(), settings.school().name(), store.students(), store.classes(), keywords);

        running.stripes = new UserStripes(EVENT_THREADS);
        CommandRouter router = new CommandRouter(
                List.of(
                        new ClassCommand(
                                roster,
                                teachers,
                                classChannel,
                                teacherCheck,
                                store.students(),
                                store.guardians(),
                                texts,
                                new PartnerCommands(
                                        new ClassNeeds(
                                                database, new ClassNeedsRepository(database), store.auditLog(), clock),
                                        new ClassOffers(overview, store.auditLog(), clock),
                                        roster,
                                        texts),
                                new OverviewReply(
                                        new ClassOverview(
                                                store.students(),
                                                store.agreements(),
                                                store.conversations(),
                                                store.checkins(),
                                                versions,
                                                overview,
                                                store.auditLog(),
                                                clock),
                                        new OverviewText(texts)),
                                new ClassArchive(
                                        database,
                                        new ClassArchiveRepository(database),
                                        store.classTeachers(),
                                        store.auditLog(),
                                        clock)),
                        new AgreementCommand(
                                agreements,
                                new AgreementList(texts, new FamilyWords(translations)),
                                classChannel,
                                store.students(),
                                texts,
                                clock),
                        new StudentCommand(roster, classChannel, store.students(), texts),
                        new InviteCommand(
                                new Invitations(
                                        enrolment,
                                        roster,
                                        texts.messages(),
                                        commandTexts,
                                        settings.school().name()),
                                classChannel,
                                store.students(),
                                texts),
                        new GuardianCommand(roster, classChannel, store.students(), texts),
                        new CheckinCommand(rounds, overview, questionnaires, classChannel, store.students(), texts),
                        new ConversationCommand(
                                core.plans(),
                                core.childViews(),
                                core.reflections(),
                                classChannel,
                                store.students(),
                                texts),
                        new JoinCommand(enrolment, store.classes(), texts, commandTexts),
                        new PrepCommand(
                                new Preparation(
                                        store.students(),
                                        store.guardians(),
                                        store.checkins(),
                                        store.conversations(),
                                        store.agreements(),
                                        store.highlights(),
                                        versions,
                                        questionnaires,
                                        TeacherAsks.inOwnWords(new ClassNeedsRepository(database), questionnaires),
                                        store.auditLog(),
                                        clock),
                                classChannel,
                                store.students(),
                                texts,
                                new FamilyWords(translations)),
                        new ExportCommand(
                                new AnswersExport(
                                        store.students(),
                                        store.guardians(),
                                        store.checkins(),
                                        store.questionnaires(),
                                        versions,
                                        texts.messages(),
                                        store.auditLog(),
                                        clock),
                                classChannel,
                                store.students(),
                                texts),
                        new MyDataCommand(myData, store.guardians(), privacyEmails, texts),
                        new ForgetMeCommand(familyRequests, forgetMe, store.guardians(), privacyEmails, texts),
                        new PrivacyCommand(List.of(
                                new PrivacyAudit(
                                        new AuditTrail(store.auditLog(), clock),
                                        teacherCheck,
                                        texts,
                                        settings.school().timezone()),
                                new PrivacyRequest(
                                        new PrivacyRequests(
                                                store.guardians(),
                                                familyData,
                                                myData,
                                                forgetMe,
                                                familyRequests,
                                                store.auditLog(),
                                                clock),
                                        classChannel,
                                        texts))),
                        new UpdateCommand(
                                new Highlights(database, store.highlights(), store.auditLog(), clock),
                                new UpdateSchedules(database, store.schedules(), store.auditLog(), clock),
                                updates,
                                classChannel,
                                texts,
                                clock),
                        new PreferencesCommand(preferences, preferenceTexts, texts)),
                new InMyLanguage(
                        new PostInMyLanguage(
                                store.deliveries(), store.classes(), store.guardians(), store.highlights(), updatePost),
                        texts,
                        new PreferenceInteractions(
                                preferences,
                                preferenceWords,
                                preferenceTexts,
                                texts,
                                new FamilyConversations(
                                        new CheckinInteractions(
                                                conversations,
                                                new TypedMessages(
                                                        database,
                                                        store.guardians(),
                                                        store.checkins(),
                                                        store.deliveries(),
                                                        conversations,
                                                        outbox),
                                                store.checkins(),
                                                store.guardians(),
                                                contexts,
                                                stepView,
                                                texts),
                                        new AgreementInteractions(
                                                agreements, store.guardians(), agreementView, texts)))),
                teacherCheck,
                settings.discord()::serves,
                texts,
                running.stripes);
        running.bot = DiscordBot.connect(settings.discord(), router, new CommandDefinitions(commandTexts));
        pulse.discord(running.bot);

        List<Sender> senders = new ArrayList<>();
        senders.add(new AgreementDmSender(
                new DiscordDmSender(
                        running.bot.directMessages(),
                        store.guardians(),
                        store.checkins(),
                        store.classes(),
                        contexts,
                        conversations,
                        stepView,
                        texts),
                running.bot.directMessages(),
                agreements,
                store.guardians(),
                agreementTexts,
                agreementView));
        senders.add(new ChannelPostSender(running.bot.shards(), store.classes(), Optional.of(texts)));
        ReplyTokens replyTokens = new ReplyTokens(store.replyTokens(), clock);
        SmtpSender email = new SmtpSender(
                settings.mail(),
                new EmailComposers(List.of(
                        new CheckinEmailComposer(
                                store.checkins(),
                                store.guardians(),
                                store.deliveries(),
                                contexts,
                                new CheckinEmails(
                                        texts.messages(), settings.school().name()),
                                replyTokens,
                                clock),
                        new UpdateEmailComposer(
                                store.classes(), store.guardians(), store.highlights(), updatePost, replyTokens),
                        new AgreementEmailComposer(agreements, store.guardians(), agreementTexts, replyTokens),
                        new PreferenceEmailComposer(preferences, preferenceTexts, keywords, replyTokens),
                        new PrivacyEmailComposer(
                                store.guardians(), myData, forgetMe, familyRequests, privacyEmails, replyTokens))),
                store.deliveries(),
                clock);
        if (email.configured()) {
            senders.add(email);
            running.smtp = email;
        } else {
            LOG.warn("mail.smtp.host is not set: emails stay queued in the outbox until SMTP is configured");
        }
        Dispatcher dispatcher = new Dispatcher(
                outbox,
                store.deliveries(),
                store.guardians(),
                senders,
                new AgreementHandOff(new CheckinHandOff(store.checkins())),
                notices,
                clock,
                settings.discord().dmPerSecond(),
                Dispatcher.DEFAULT_MAX_ATTEMPTS);
        if (settings.mail().imap().configured()) {
            CheckinReplies replies = new CheckinReplies(
                    database,
                    store.checkins(),
                    store.guardians(),
                    conversations,
                    contexts,
                    texts.messages(),
                    outbox,
                    clock);
            // What families ask for by email with a keyword from the footer (privacy.FamilyKeywords).
            List<MailCommand> mailCommands = new ArrayList<>();
            mailCommands.add(new PreferencesByMail(keywords, new MailedPreferences(preferences, preferenceWords)));
            mailCommands.add(new MyDataByMail(keywords, familyRequests));
            mailCommands.add(new ForgetMeByMail(keywords, familyRequests));
            ImapInbox inbox = new ImapInbox(
                    settings.mail().imap(),
                    store.mailSeen(),
                    new ReceivedMail(
                            replyTokens,
                            store.guardians(),
                            store.checkins(),
                            store.deliveries(),
                            store.students(),
                            store.classes(),
                            replies,
                            notices,
                            notices,
                            settings.mail().imap().trustedAuthservId(),
                            new AgreementReplies(agreements),
                            mailCommands,
                            new ForTheTeacher(new FamilyWords(translations), texts.messages())),
                    clock);
            running.inbox = new InboxLoop(
                    inbox,
                    Duration.ofSeconds(settings.mail().imap().pollSeconds()),
                    () -> pulse.mailRead(clock.instant()));
            running.inbox.start();
        } else {
            LOG.warn("mail.imap.host is not set: email replies from families are not read");
        }
        EmailFollowUp followUp = new EmailFollowUp(
                store.checkins(),
                store.guardians(),
                outbox,
                Duration.ofHours(settings.checkin().emailAfterHours()),
                clock);
        every(Duration.ofHours(1), Duration.ofMinutes(1), new Job("email follow-up", followUp::run));
        every(Duration.ofMinutes(1), Duration.ZERO, new Job("class updates", updates::runDue));
        AlignmentReminders alignments = core.alignments();
        every(Duration.ofMinutes(1), Duration.ZERO, new Job("align-again reminders", alignments::run));
        running.dispatch = new DispatchLoop(dispatcher, clock);
        outbox.whenEnqueued(running.dispatch::wake);
        running.dispatch.start();
        LOG.info(
                "Connected to Discord as {}",
                running.bot.directMessages().getSelfUser().getName());
    }

    /** Schedules {@code job}; each run tells the {@link Pulse} when the next one is, for the status. */
    private void every(Duration period, Duration firstAfter, Job job) {
        Job told = new Job(job.name(), () -> {
            try {
                job.work().run();
            } finally {
                pulse.nextRun(job.name(), clock.instant().plus(period));
            }
        });
        timedJobs.add(told);
        pulse.nextRun(job.name(), clock.instant().plus(firstAfter));
        scheduler.scheduleWithFixedDelay(
                told::runSafely, firstAfter.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The clock was moved forward (the sandbox's clock control): the time-driven jobs (class updates
     * and their reminders, the email follow-up, retention) run now rather than at their next turn, and
     * the outbox looks again at what is due and at quiet hours. Scheduled work sees a jump within a
     * second instead of an hour.
     */
    public void clockMoved() {
        try {
            scheduler.execute(() -> timedJobs.forEach(Job::runSafely));
        } catch (RejectedExecutionException stopping) {
            return; // the bot is stopping; nothing is due any more
        }
        DispatchLoop dispatch = running.dispatch;
        if (dispatch != null) {
            dispatch.wake();
        }
    }

    /** The repositories over this bot's database: the sandbox page reads what it shows through them. */
    public Repositories store() {
        return store;
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
        running.close();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        LOG.info("ClassBridge stopped; the database is closed");
        stopped.countDown();
    }

    /** What was started besides the store, stopped in reverse order; parts not started are null. */
    private static final class Running implements AutoCloseable {
        HealthServer health;
        Translations translations;
        UserStripes stripes;
        DiscordBot bot;
        SmtpSender smtp;
        InboxLoop inbox;
        volatile DispatchLoop dispatch;

        @Override
        public void close() {
            try {
                // The outbox first: it takes no new message from the moment the stop begins, while
                // the inbox may take a while to finish its pass (what that pass queues waits for
                // the next start).
                if (dispatch != null) {
                    dispatch.stop();
                }
                if (inbox != null) {
                    inbox.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (smtp != null) {
                smtp.close();
            }
            if (bot != null) {
                bot.close();
            }
            if (stripes != null) {
                stripes.close();
            }
            if (translations != null) {
                translations.close();
            }
            if (health != null) {
                health.close();
            }
        }
    }

    /** A failing job is logged and tried again at its next turn; it never stops the scheduler. */
    private static void runSafely(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error(
                    "Scheduled job {} failed ({}); it runs again at its next turn",
                    job,
                    Failure.code(e),
                    Failure.withoutText(e));
        }
    }
}
