package org.civicloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.audit.AuditTrail;
import org.civicloop.backup.DatabaseBackup;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, item 10: {@code backup <file>} from the running installation (the demo data set on the
 * shared test database, an external PostgreSQL to CivicLoop), then {@code restore <file>} into a
 * fresh data directory, which starts its own embedded PostgreSQL: every row comes back, the audit
 * key and checkpoints come along, and the restored audit chain verifies.
 */
@IntegrationTest
class BackupRestoreIntegrationTests {

    @Autowired
    DatabaseBackup backup;
    @Autowired
    AuditTrail trail;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aBackupRestoresIntoAFreshDataDirectoryWithItsAuditChainIntact() throws Exception {
        accounts.create("backup" + System.nanoTime() % 1_000_000, new AccountDetails("备份测试", null, null,
                Set.of(Role.DEPUTY), true), "Backup2026x", false);
        // an uploaded file in the data directory (a briefing's material) travels with the database
        Path material = Path.of(TestDatabase.dataDir(), "briefings/backup-test/" + System.nanoTime() + "-材料.pdf");
        Files.createDirectories(material.getParent());
        Files.write(material, "%PDF-1.4 备份测试".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path archive = dir.resolve("civicloop.zip");
        DatabaseBackup.Summary summary;
        try {
            summary = backup.backup(archive);
        } finally {
            Files.delete(material);
        }
        try (var zip = new java.util.zip.ZipFile(archive.toFile())) {
            List<String> names = java.util.Collections.list(zip.entries()).stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("data/briefings/backup-test/" + material.getFileName())
                    .noneMatch(n -> n.startsWith("data/pgdata/") || n.equals("data/secrets/db.password")
                            || n.equals("data/secrets/audit.key"));
            // a transaction id names a transaction of this cluster only: restored, the rows take the restore's
            java.util.Properties manifest = new java.util.Properties();
            manifest.load(zip.getInputStream(zip.getEntry("manifest.properties")));
            assertThat(manifest.getProperty("columns.text_vector")).contains("vector", "computed_at")
                    .doesNotContain("written_xid");
        }
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(summary.auditHeadSeq()).isPositive();
        long opinions = jdbc.sql("select count(*) from opinion").query(Long.class).single();

        Path fresh = dir.resolve("restored");
        Run restore = run("restore", archive.toString(), "--civicloop.data-dir=" + fresh);
        assertThat(restore.exit).as(restore.text).isZero();
        assertThat(restore.text).contains("restored " + summary.tables() + " tables, " + summary.rows() + " rows");
        Matcher verified = Pattern.compile("audit chain intact: (\\d+) rows verified, \\d+ not yet chained, (\\d+) checkpoints")
                .matcher(restore.text);
        assertThat(verified.find()).as(restore.text).isTrue();
        assertThat(Long.parseLong(verified.group(1))).isGreaterThanOrEqualTo(summary.auditHeadSeq());
        assertThat(Long.parseLong(verified.group(2))).as("the checkpoints came along").isPositive();
        assertThat(fresh.resolve("secrets/audit.key")).hasSameBinaryContentAs(Path.of(TestDatabase.dataDir(), "secrets/audit.key"));
        assertThat(Files.getPosixFilePermissions(fresh.resolve("secrets/audit.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(fresh.resolve("briefings/backup-test/" + material.getFileName())).content(java.nio.charset.StandardCharsets.UTF_8)
                .isEqualTo("%PDF-1.4 备份测试");

        // the restored installation starts again on its own, with the same data
        Run verify = run("verify-audit", "--civicloop.data-dir=" + fresh);
        assertThat(verify.exit).as(verify.text).isZero();
        assertThat(verify.text).contains("audit chain intact");
        assertThat(opinions).isPositive();
        assertThat(summary.rows()).isGreaterThan(opinions);

        // a restore never overwrites: the same data directory now holds a database
        assertThatThrownBy(() -> run("restore", archive.toString(), "--civicloop.data-dir=" + fresh))
                .hasStackTraceContaining("only into an empty database");
    }

    record Run(int exit, String text) {
    }

    private static Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--civicloop.scheduler.enabled=false";
        all[args.length + 1] = "--logging.level.root=INFO"; // logging is JVM-wide: keep the tests' level
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = CivicLoopApplication.runCommand(all);
        } finally {
            System.setOut(original);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }
}
