package nl.classbridge.sandbox.page;

import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.discord.LocalUser;

/**
 * A family as the page shows it: read from the bot's store, named as the sandbox's school names it.
 *
 * @param guardianId  the guardian's id in the store; the page's handle for them
 * @param name        the name shown
 * @param discordUser their Discord user on the local server, if they are on Discord
 * @param email       their address, if the school has one
 * @param language    the language the bot writes to them in
 * @param children    their children in the class, by first name
 * @param dmsClosed   whether their Discord blocks the bot's private messages
 */
record Family(
        long guardianId,
        String name,
        Optional<LocalUser> discordUser,
        Optional<String> email,
        Language language,
        List<String> children,
        boolean dmsClosed) {

    /** The actor id in the page's addresses: {@code /act/<actor>/press}. */
    String actor() {
        return "g" + guardianId;
    }
}
