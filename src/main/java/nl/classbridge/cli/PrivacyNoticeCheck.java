package nl.classbridge.cli;

import java.util.ArrayList;
import java.util.List;
import nl.classbridge.config.Settings;
import nl.classbridge.privacy.PrivacyNotice;

/**
 * Where the privacy text for parents would not match this school's settings, one line each, said by
 * {@code privacy-notice} and {@code check-config}: the text is the school's promise to parents, so
 * a setting that changes what it promises should change the text too.
 */
final class PrivacyNoticeCheck {
    private PrivacyNoticeCheck() {}

    static List<String> of(Settings settings) {
        List<String> lines = new ArrayList<>();
        String where = "privacy-notice.yml in " + settings.texts().messagesFolder();
        if (settings.school().privacyContact().isEmpty()) {
            lines.add("school.privacy-contact is not set: the privacy text for parents (privacy-notice) tells them"
                    + " to ask the teacher; name whom they can ask, e.g. the school's privacy officer");
        }
        if (settings.retention().months() != PrivacyNotice.RETENTION_MONTHS_IN_TEXT) {
            lines.add("the privacy text for parents says answers are kept " + PrivacyNotice.RETENTION_MONTHS_IN_TEXT
                    + " months, but retention.months is " + settings.retention().months()
                    + ": change the setting or the text (" + where + ")");
        }
        if (settings.mail().imap().keepDays() != PrivacyNotice.MAIL_KEEP_DAYS_IN_TEXT) {
            lines.add("the privacy text for parents says read mail is kept " + PrivacyNotice.MAIL_KEEP_DAYS_IN_TEXT
                    + " days, but mail.imap.keep-days is "
                    + settings.mail().imap().keepDays()
                    + ": change the setting or the text (" + where + ")");
        }
        return lines;
    }
}
