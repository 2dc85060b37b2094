package org.civicloop.backup;

import java.nio.file.Path;
import org.civicloop.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar civicloop.jar backup <file>} and {@code java -jar civicloop.jar restore <file>}
 * (the main class turns them into {@code civicloop.backup.file} / {@code civicloop.restore.file}).
 * A restore happens where Flyway would migrate, before anything else reads the database; the chain
 * is verified afterwards and the exit code says whether it holds (0) or not (1).
 */
@Configuration(proxyBeanMethods = false)
class BackupCommands {

    @Bean
    @ConditionalOnProperty("civicloop.restore.file")
    RestoreStrategy restoreStrategy(@Value("${civicloop.restore.file}") Path archive,
                                    @Value("${civicloop.audit.key-file:${civicloop.data-dir:./data}/secrets/audit.key}") Path keyFile,
                                    @Value("${civicloop.audit.checkpoint-file:${civicloop.data-dir:./data}/audit/checkpoints.log}") Path checkpointFile,
                                    @Value("${civicloop.data-dir:./data}") Path dataDir) {
        return new RestoreStrategy(new DatabaseRestore(archive, keyFile, checkpointFile, dataDir));
    }

    @Bean
    @ConditionalOnProperty("civicloop.restore.file")
    RestoreCommand restoreCommand(RestoreStrategy strategy, AuditTrail trail) {
        return new RestoreCommand(strategy, trail);
    }

    @Bean
    @ConditionalOnProperty("civicloop.backup.file")
    BackupCommand backupCommand(DatabaseBackup backup, @Value("${civicloop.backup.file}") Path file) {
        return new BackupCommand(backup, file);
    }

    static final class RestoreStrategy implements FlywayMigrationStrategy {
        private final DatabaseRestore restore;
        private DatabaseRestore.Summary summary;

        RestoreStrategy(DatabaseRestore restore) {
            this.restore = restore;
        }

        @Override
        public void migrate(org.flywaydb.core.Flyway flyway) {
            summary = restore.restore(flyway);
        }
    }

    static final class RestoreCommand implements ApplicationRunner, ExitCodeGenerator {
        private final RestoreStrategy strategy;
        private final AuditTrail trail;
        private int exitCode = 1;

        RestoreCommand(RestoreStrategy strategy, AuditTrail trail) {
            this.strategy = strategy;
            this.trail = trail;
        }

        @Override
        public void run(ApplicationArguments args) {
            DatabaseRestore.Summary s = strategy.summary;
            System.out.printf("restored %d tables, %d rows (audit chain head at position %d)%n", s.tables(), s.rows(),
                    s.auditHeadSeq());
            AuditTrail.Verification v = trail.verify();
            if (v.intact()) {
                System.out.printf("audit chain intact: %d rows verified, %d not yet chained, %d checkpoints compared%n",
                        v.checked(), v.pending(), v.checkpoints());
                exitCode = 0;
            } else {
                System.out.printf("audit chain BROKEN after restore: %s at chain position %s (row id %s)%n", v.problem(),
                        v.firstBadSeq(), v.firstBadId());
            }
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }

    static final class BackupCommand implements ApplicationRunner, ExitCodeGenerator {
        private final DatabaseBackup backup;
        private final Path file;
        private int exitCode = 1;

        BackupCommand(DatabaseBackup backup, Path file) {
            this.backup = backup;
            this.file = file;
        }

        @Override
        public void run(ApplicationArguments args) {
            DatabaseBackup.Summary s = backup.backup(file);
            System.out.printf("backup written to %s: %d tables, %d rows, audit chain head at position %d%n",
                    s.file().toAbsolutePath(), s.tables(), s.rows(), s.auditHeadSeq());
            exitCode = 0;
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
