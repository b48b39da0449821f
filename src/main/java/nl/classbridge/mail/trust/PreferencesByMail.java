package nl.classbridge.mail.trust;

import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.preferences.MailedPreferences;
import nl.classbridge.privacy.FamilyKeywords;

/**
 * A verified reply that opens with the PREFERENCES keyword (in any of the six languages): the lines
 * below it go to {@link MailedPreferences}, which changes what they ask and mails back the plan.
 */
public final class PreferencesByMail implements MailCommand {
    private final FamilyKeywords keywords;
    private final MailedPreferences preferences;

    public PreferencesByMail(FamilyKeywords keywords, MailedPreferences preferences) {
        this.keywords = keywords;
        this.preferences = preferences;
    }

    @Override
    public Optional<String> handle(Guardian guardian, ReplyToken token, String words) {
        return keywords.of(words)
                .filter(request -> request.keyword() == FamilyKeywords.Keyword.PREFERENCES)
                .map(request -> preferences.handle(guardian.id(), request.detail()));
    }
}
