package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.TeacherRole;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherScopeMigrationTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN a class made before per-class teachers WHEN the database is upgraded"
            + " THEN the teacher stored with it owns it, and nobody else is its teacher")
    void existingClassKeepsItsTeacher() throws Exception {
        // GIVEN a database at version 4 with a class
        Path file = folder.resolve("classbridge.db");
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO school_class (id, name, guild_id, channel_id, language, timezone, teacher_user_id,
                                              created_at, teacher_name)
                    VALUES (7, 'Groep 5', 11, 12, 'nl', 'Europe/Amsterdam', 13, 1000, 'Juf Anna')""");
        }

        // WHEN it is opened by this version
        try (Database upgraded = Database.open(file)) {
            // THEN
            assertThat(new ClassTeacherRepository(upgraded).ofClass(7))
                    .singleElement()
                    .satisfies(owner -> assertThat(owner)
                            .isEqualTo(new ClassTeacher(
                                    7, 13, "Juf Anna", TeacherRole.OWNER, 13, java.time.Instant.ofEpochMilli(1000))));
        }
    }
}
