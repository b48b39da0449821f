package nl.classbridge.mail.privacy;

import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.mail.trust.MailCommand;
import nl.classbridge.privacy.FamilyKeywords;
import nl.classbridge.privacy.FamilyRequests;

/**
 * FORGET ME in a verified reply: without the right code, a mail with a code that says what will be
 * erased; with it ("FORGET ME ABCDE-FGHJK"), the family is erased and hears nothing more.
 */
public final class ForgetMeByMail implements MailCommand {
    private final FamilyKeywords keywords;
    private final FamilyRequests requests;

    public ForgetMeByMail(FamilyKeywords keywords, FamilyRequests requests) {
        this.keywords = keywords;
        this.requests = requests;
    }

    @Override
    public Optional<String> handle(Guardian guardian, ReplyToken token, String words) {
        Optional<FamilyKeywords.Request> request =
                keywords.of(words).filter(asked -> asked.keyword() == FamilyKeywords.Keyword.FORGET_ME);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        FamilyRequests.ForgetOutcome outcome =
                requests.forgetByEmail(guardian, request.get().detail());
        return Optional.of(outcome == FamilyRequests.ForgetOutcome.ERASED ? "forget-me-erased" : "forget-me-code");
    }
}
