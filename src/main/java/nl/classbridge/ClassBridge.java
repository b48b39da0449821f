package nl.classbridge;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.config.Settings;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.Housekeeping;
import nl.classbridge.store.InviteRepository;
import nl.classbridge.store.JoinAttemptRepository;
import nl.classbridge.store.QuestionnaireRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: wires config, store and features by hand with constructors, in that order, and
 * stops them in reverse. No singletons: everything a part needs is handed to it here.
 */
public final class ClassBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClassBridge.class);

    private final Database database;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ClassBridge(Database database, ScheduledExecutorService scheduler) {
        this.database = database;
        this.scheduler = scheduler;
    }

    /**
     * Loads the texts, opens the store, brings it up to date and starts the scheduled jobs. A
     * message catalogue that cannot be read stops start-up before anything runs; a broken
     * questionnaire is left out with a warning.
     */
    public static ClassBridge start(Settings settings, Clock clock) throws CatalogueException {
        MessageCatalogue catalogue = MessageCatalogue.load(settings.texts().messagesFolder());
        catalogue.inconsistencies().forEach(problem -> LOG.warn("Message catalogue: {}", problem));
        Database database = Database.open(settings.database().path());
        ActiveQuestionnaires questionnaires = ActiveQuestionnaires.load(settings.texts().questionnairesFolder(),
                new QuestionnaireRepository(database), clock);
        questionnaires.problems().forEach(problem -> LOG.warn("Questionnaire: {}", problem));
        LOG.info("Questionnaires ready: {}", questionnaires.ids());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "classbridge-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        Housekeeping housekeeping = new Housekeeping(database, new CheckinRepository(database),
                new DeliveryRepository(database), new AuditLog(database), new InviteRepository(database),
                new JoinAttemptRepository(database), settings.retention().months(), clock);
        scheduler.scheduleWithFixedDelay(() -> runSafely("housekeeping", housekeeping::run), 0, 6, TimeUnit.HOURS);
        LOG.info("ClassBridge started for {} with its database at {}", settings.school().name(), database.file());
        return new ClassBridge(database, scheduler);
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
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("ClassBridge stopping");
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
