package nl.classbridge.sandbox;

import java.nio.file.Path;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.Settings;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.mail.LocalMail;

/** What {@link Sandbox#start} has started so far, stopped in reverse order; parts not started are null. */
final class SandboxParts implements AutoCloseable {
    final Path database;
    /** The database was new at this start: the school was set up in it now. */
    boolean fresh;

    SandboxClock clock;
    LocalDiscord discord;
    SandboxSchool school;
    LocalMail mail;
    Settings settings;
    ClassBridge bot;
    Sandbox.Page page;

    SandboxParts(Path database) {
        this.database = database;
    }

    @Override
    public synchronized void close() {
        if (page != null) {
            page.close();
            page = null;
        }
        if (bot != null) {
            bot.close();
            bot = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (discord != null) {
            discord.close();
            discord = null;
        }
    }
}
