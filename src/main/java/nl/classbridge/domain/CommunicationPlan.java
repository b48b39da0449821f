package nl.classbridge.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a family and the teacher agreed on contact: through which channel, in which language, and
 * when. Made at the start of the year, changed whenever the family asks.
 *
 * @param channel      Discord, email or both
 * @param language     the family's language; empty means the class language
 * @param quietHours    the family's own quiet hours; empty means the school's
 * @param contactTimes the best times to reach the family, as they chose them (a questionnaire
 *                     option id such as {@code after-school}); for the teacher to read
 */
public record CommunicationPlan(
        ContactChannel channel,
        Optional<Language> language,
        Optional<QuietHours> quietHours,
        Optional<String> contactTimes) {

    public CommunicationPlan {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(contactTimes, "contactTimes");
    }

    /** A plan for a family that has not said anything yet. */
    public static CommunicationPlan defaultFor(ContactChannel channel) {
        return new CommunicationPlan(channel, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The language to speak: the family's own, else the class's. */
    public Language languageOr(Language classLanguage) {
        return language.orElse(classLanguage);
    }

    public CommunicationPlan withChannel(ContactChannel newChannel) {
        return new CommunicationPlan(newChannel, language, quietHours, contactTimes);
    }

    public CommunicationPlan withLanguage(Language newLanguage) {
        return new CommunicationPlan(channel, Optional.of(newLanguage), quietHours, contactTimes);
    }

    public CommunicationPlan withContactTimes(String newContactTimes) {
        return new CommunicationPlan(channel, language, quietHours, Optional.of(newContactTimes));
    }

    public CommunicationPlan withQuietHours(QuietHours newQuietHours) {
        return new CommunicationPlan(channel, language, Optional.of(newQuietHours), contactTimes);
    }
}
