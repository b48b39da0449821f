package nl.classbridge.cli;

/** What to tell someone who starts the bot without a Discord token. */
final class MissingToken {
    static final String EXPLANATION = """
            ClassBridge cannot start: DISCORD_TOKEN is not set.

            The bot logs in to Discord with a bot token, which is read from the environment only
            (never from the config file). To get one:
              1. Open https://discord.com/developers/applications and choose "New Application".
              2. Under "Bot", choose "Reset Token" and copy the token.
              3. Start ClassBridge with the token in its environment:
                   DISCORD_TOKEN=your-token java -jar target/classbridge.jar
            README.md, section "Setting up the Discord application", has the invite link and the
            permissions the bot needs. Check the rest of the setup with:
                   java -jar target/classbridge.jar check-config""";

    private MissingToken() {}
}
