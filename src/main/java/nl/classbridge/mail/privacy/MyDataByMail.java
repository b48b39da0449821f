package nl.classbridge.mail.privacy;

import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.mail.trust.MailCommand;
import nl.classbridge.privacy.FamilyKeywords;
import nl.classbridge.privacy.FamilyRequests;

/** MY DATA in a verified reply: the family's data goes to their address as two attachments. */
public final class MyDataByMail implements MailCommand {
    private final FamilyKeywords keywords;
    private final FamilyRequests requests;

    public MyDataByMail(FamilyKeywords keywords, FamilyRequests requests) {
        this.keywords = keywords;
        this.requests = requests;
    }

    @Override
    public Optional<String> handle(Guardian guardian, ReplyToken token, String words) {
        if (keywords.of(words)
                .filter(request -> request.keyword() == FamilyKeywords.Keyword.MY_DATA)
                .isEmpty()) {
            return Optional.empty();
        }
        requests.sendMyData(guardian);
        return Optional.of("my-data");
    }
}
