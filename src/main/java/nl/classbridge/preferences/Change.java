package nl.classbridge.preferences;

/** What came of one change a family asked for; the adapters say it in the family's language. */
public sealed interface Change {
    /** The part of the plan a change is about; its code names it in the audit log. */
    enum Field {
        LANGUAGE("language"),
        CHANNEL("channel"),
        QUIET_HOURS("quiet-hours"),
        CONTACT_TIMES("contact-times"),
        EMAIL("email");

        private final String code;

        Field(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The field now holds the new value (also when it already did). */
    record Saved(Field field) implements Change {}

    /** The value could not be read as one for this field (a typo, or a forged id). */
    record Invalid(Field field) implements Change {}

    /** Email was asked for, but there is no address that works: a new one must be confirmed first. */
    record NeedsEmail() implements Change {}

    /** Discord was asked for, but the family has not joined on Discord (or DMs to them fail). */
    record NeedsDiscord() implements Change {}

    /** The address is already theirs and in use: nothing to confirm. */
    record SameEmail() implements Change {}

    /** A code went to {@code address}; the address is used once the code comes back. */
    record CodeSent(String address) implements Change {}

    /** Too many codes were asked for today: no new mail goes out (an address is not bombarded). */
    record TooManyCodes() implements Change {}

    /** A wrong code; {@code triesLeft} more tries before the request is dropped. */
    record WrongCode(int triesLeft) implements Change {}

    /** No code is waiting: never asked, expired, used, or dropped after too many tries. */
    record NoCodeOpen() implements Change {}

    /** The code was right: {@code address} is the family's address from now on. */
    record EmailConfirmed(String address) implements Change {}
}
