package org.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.civicloop.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar civicloop.jar verify-audit} for real: no web server, the shared test database
 * as an external PostgreSQL, the exit code a monitor would read.
 */
class VerifyAuditCommandTests {

    @Test
    void theCommandStartsWithoutAWebServerAndReportsTheChain() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = CivicLoopApplication.runCommand(new String[] {"verify-audit",
                    "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--civicloop.scheduler.enabled=false",
                    // the key and the checkpoints of the shared test contexts, which sealed this database's chain
                    "--civicloop.data-dir=" + TestDatabase.dataDir(),
                    "--civicloop.audit.checkpoint-file=" + TestDatabase.auditCheckpointFile(),
                    // logging is JVM-wide: keep the level the other tests in this JVM expect
                    "--logging.level.root=INFO"});
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit chain intact");
        assertThat(exit).isZero();
    }
}
