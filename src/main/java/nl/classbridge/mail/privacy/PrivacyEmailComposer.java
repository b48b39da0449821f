package nl.classbridge.mail.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.EmailComposer;
import nl.classbridge.mail.MailText;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.privacy.FamilyRequests;
import nl.classbridge.privacy.ForgetMe;
import nl.classbridge.privacy.MyData;
import nl.classbridge.privacy.PrivacyEmails;
import nl.classbridge.store.GuardianRepository;

/**
 * The answers to MY DATA and FORGET ME by email, made when they go out: the family's data as two
 * attachments (a readable text file and JSON) from what is stored at that moment, and the erasure's
 * code, issued now so that only its hash is ever stored. Both carry the family's own reply token, so
 * the reply with the code (or another keyword) is verified like any reply.
 */
public final class PrivacyEmailComposer implements EmailComposer {
    private final GuardianRepository guardians;
    private final MyData myData;
    private final ForgetMe forgetMe;
    private final FamilyRequests requests;
    private final PrivacyEmails emails;
    private final ReplyTokens tokens;

    public PrivacyEmailComposer(
            GuardianRepository guardians,
            MyData myData,
            ForgetMe forgetMe,
            FamilyRequests requests,
            PrivacyEmails emails,
            ReplyTokens tokens) {
        this.guardians = guardians;
        this.myData = myData;
        this.forgetMe = forgetMe;
        this.requests = requests;
        this.emails = emails;
        this.tokens = tokens;
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        boolean data = FamilyRequests.MY_DATA_KIND.equals(delivery.kind());
        boolean code = FamilyRequests.FORGET_ME_CODE_KIND.equals(delivery.kind());
        if ((!data && !code) || delivery.guardianId().isEmpty()) {
            return Optional.empty();
        }
        Optional<Guardian> found = guardians.find(delivery.guardianId().get()).filter(Guardian::reachableByEmail);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Guardian guardian = found.get();
        String to = guardian.email().orElseThrow();
        if (data) {
            MyData.Report report = myData.of(guardian);
            return Optional.of(MailText.compose(to, emails.myData(guardian, report))
                    .withReplyToken(tokens.forGuardian(guardian.id()))
                    .withAttachments(List.of(
                            new ComposedEmail.Attachment(
                                    "my-data.txt",
                                    "text/plain; charset=UTF-8",
                                    MailText.plain(report.text()).getBytes(StandardCharsets.UTF_8)),
                            new ComposedEmail.Attachment(
                                    "my-data.json",
                                    "application/json",
                                    report.json().getBytes(StandardCharsets.UTF_8)))));
        }
        ForgetMe.Preview preview = forgetMe.preview(guardian);
        String confirmation = requests.forgetMeCode(guardian);
        return Optional.of(MailText.compose(to, emails.forgetMeCode(guardian, preview, confirmation))
                .withReplyToken(tokens.forGuardian(guardian.id())));
    }
}
