package nl.classbridge.domain;

/** The way one outgoing message travels. */
public enum DeliveryChannel implements Coded {
    DISCORD_DM("discord-dm"),
    DISCORD_CHANNEL("discord-channel"),
    EMAIL("email");

    private final String code;

    DeliveryChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
