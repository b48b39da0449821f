package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.classbridge.store.Backups;
import nl.classbridge.store.Database;
import nl.classbridge.store.Migrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backup}, {@code restore} and {@code migrate} in-process, with the shipped config. */
class BackupCommandsTest {
    @TempDir
    Path folder;

    record Result(int exitCode, String out, String err) {}

    private Path database() {
        return folder.resolve("data/classbridge.db");
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ClassBridgeCommand.commandLine(
                Map.of("CLASSBRIDGE_DATABASE_PATH", database().toString()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    @DisplayName("backup writes PATH and says where and how big; an existing PATH is refused without --force")
    void backup() throws Exception {
        try (Database open = Database.open(database())) {
            Path target = folder.resolve("copy.db");
            Result made = run("backup", target.toString());
            assertThat(made.exitCode()).as(made.err()).isZero();
            assertThat(made.out()).contains(target.toString(), " bytes");

            Result again = run("backup", target.toString());
            assertThat(again.exitCode()).isEqualTo(ExitCode.CONFIG);
            assertThat(again.err()).contains("--force");

            assertThat(run("backup", "--force", target.toString()).exitCode()).isZero();
        }
    }

    @Test
    @DisplayName("restore is refused while the database is open, and works once it is closed")
    void restore() {
        Path target = folder.resolve("copy.db");
        try (Database open = Database.open(database())) {
            assertThat(run("backup", target.toString()).exitCode()).isZero();
            Result refused = run("restore", target.toString());
            assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(refused.err()).contains("the bot is running");
        }
        Result restored = run("restore", target.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("classbridge.db.replaced-");
    }

    @Test
    @DisplayName(
            "migrate --dry-run on a V12 database (the previous release) lists exactly the pending migrations and changes nothing;"
                    + " migrate applies them after a backup")
    void migrate() throws Exception {
        Files.createDirectories(database().getParent());
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + database(), null, null)
                .locations("classpath:db/migration")
                .target("12")
                .load()
                .migrate();
        byte[] before = Files.readAllBytes(database());

        Result dryRun = run("migrate", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("V13  health").doesNotContain("V12 ", "V1 ");
        assertThat(dryRun.out().lines().filter(line -> line.startsWith("  V"))).hasSize(Migrations.latest() - 12);
        assertThat(Files.readAllBytes(database())).isEqualTo(before);
        assertThat(Backups.folderOf(database())).doesNotExist();

        Result applied = run("migrate");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("Backup from before the upgrade:", "classbridge-V12-");
        assertThat(Migrations.pending(database())).isEmpty();
        assertThat(run("migrate", "--dry-run").out()).contains("is up to date");
    }
}
