package nl.classbridge.checkin;

import nl.classbridge.domain.CheckinRequest;

/** What the teacher must hear about a check-in that the families' channels cannot settle. */
public interface TeacherAlerts {
    /** A reply for this request came from an address that is not the family's: it was not stored. */
    void replyFromOtherAddress(CheckinRequest request);
}
