package nl.classbridge.mail.preferences;

import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.EmailComposer;
import nl.classbridge.mail.MailText;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.preferences.PreferenceMail;
import nl.classbridge.preferences.PreferenceTexts;
import nl.classbridge.preferences.Preferences;
import nl.classbridge.privacy.FamilyKeywords;

/**
 * The emails of {@code /preferences}, rendered when they go out in the family's language: the code to
 * a new address (only while that code is still the open one), the notice to the old address, and the
 * answer to a PREFERENCES mail. Only the answer carries the family's reply token: a reply to the other
 * two comes from an address that is not (or no longer) theirs, and so reaches the teacher unverified.
 */
public final class PreferenceEmailComposer implements EmailComposer {
    private final Preferences preferences;
    private final PreferenceTexts texts;
    private final FamilyKeywords keywords;
    private final ReplyTokens tokens;

    public PreferenceEmailComposer(
            Preferences preferences, PreferenceTexts texts, FamilyKeywords keywords, ReplyTokens tokens) {
        this.preferences = preferences;
        this.texts = texts;
        this.keywords = keywords;
        this.tokens = tokens;
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        if (!PreferenceMail.isPreferences(delivery.kind())) {
            return Optional.empty();
        }
        if (PreferenceMail.CODE.equals(delivery.kind())) {
            return preferences
                    .codeMail(delivery.payload())
                    .map(mail -> MailText.compose(
                            mail.address(), texts.codeEmail(mail.family(), mail.code(), keyword(mail.family()))));
        }
        Optional<Preferences.Family> family = delivery.guardianId().flatMap(preferences::family);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        if (PreferenceMail.CHANGED.equals(delivery.kind())) {
            return Optional.of(MailText.compose(delivery.payload(), texts.changedEmail(family.get())));
        }
        Optional<String> to = family.get().guardian().email();
        return to.map(address -> MailText.compose(
                        address,
                        texts.replyEmail(
                                family.get(), PreferenceMail.replyParts(delivery.payload()), keyword(family.get())))
                .withReplyToken(tokens.forGuardian(family.get().guardian().id())));
    }

    private String keyword(Preferences.Family family) {
        return keywords.word(FamilyKeywords.Keyword.PREFERENCES, texts.language(family));
    }
}
