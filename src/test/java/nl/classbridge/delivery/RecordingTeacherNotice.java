package nl.classbridge.delivery;

import java.util.ArrayList;
import java.util.List;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;

/** Stands for the Discord side that tells the teacher; remembers what it was told. */
final class RecordingTeacherNotice implements TeacherNotice {
    record Notice(long guardianId, DeliveryChannel channel, String reason) {}

    private final List<Notice> notices = new ArrayList<>();

    @Override
    public void guardianUnreachable(Guardian guardian, DeliveryChannel channel, String reason) {
        notices.add(new Notice(guardian.id(), channel, reason));
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }
}
