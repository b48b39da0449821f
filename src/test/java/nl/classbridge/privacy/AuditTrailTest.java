package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN entries of two servers, one too old and the daily retention WHEN a server's trail is read"
            + " THEN only that server's entries of the period, newest first; 0 and 401 days are refused")
    void oneServerOnePeriod() {
        try (TestStore store = new TestStore(folder)) {
            MutableClock clock = new MutableClock(TestStore.T0.plus(Duration.ofDays(60)));
            SchoolClass groep5 = store.aClass();
            SchoolClass elsewhere = store.classes.add(
                    "Elders", 42L, 43L, Language.NL, ZoneId.of("Europe/Amsterdam"), 44L, "Meester", TestStore.T0);
            record(store, groep5, 10, "read:prep");
            record(store, groep5, 50, "read:export");
            record(store, groep5, 55, "read:class-overview");
            record(store, elsewhere, 56, "read:prep");
            store.auditLog.record(new AuditEntry(
                    TestStore.T0.plus(Duration.ofDays(57)), 0L, Optional.empty(), "retention", "rounds=0"));
            AuditTrail trail = new AuditTrail(store.auditLog, clock);

            var found = (AuditTrail.Trail.Entries) trail.of(TestStore.GUILD, Optional.empty());

            assertThat(found.days()).isEqualTo(30);
            assertThat(found.cut()).isFalse();
            assertThat(found.entries())
                    .extracting(one -> one.entry().action(), AuditLog.OfClass::className)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("read:class-overview", "Groep 5"),
                            org.assertj.core.groups.Tuple.tuple("read:export", "Groep 5"));
            assertThat(((AuditTrail.Trail.Entries) trail.of(TestStore.GUILD, Optional.of(400))).entries())
                    .hasSize(3);
            assertThat(trail.of(TestStore.GUILD, Optional.of(0))).isInstanceOf(AuditTrail.Trail.DaysInvalid.class);
            assertThat(trail.of(TestStore.GUILD, Optional.of(401))).isInstanceOf(AuditTrail.Trail.DaysInvalid.class);
        }
    }

    private static void record(TestStore store, SchoolClass schoolClass, int day, String action) {
        store.auditLog.record(new AuditEntry(
                TestStore.T0.plus(Duration.ofDays(day)),
                TestStore.TEACHER,
                Optional.of(schoolClass.id()),
                action,
                "student=1"));
    }
}
