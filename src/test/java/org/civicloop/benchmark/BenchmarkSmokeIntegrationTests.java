package org.civicloop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, item 5: the benchmark script's smoke run, attached to the suite's own application and
 * PostgreSQL (small data, a few requests a figure, pgbench for a second or three). It proves the
 * script, its load tool and pgbench work together and write the table with numbers; it asserts no
 * timing. Submissions are not sent when attached: the application under test keeps its real rate
 * limits, which other tests share.
 */
@IntegrationTest
class BenchmarkSmokeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void theSmokeRunWritesTheTableWithMeasuredFigures() throws Exception {
        assumeTrue(onPath("pgbench") && onPath("psql") && onPath("javac"), "needs psql, pgbench (postgresql-client) and javac");
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        URI db = URI.create(hikari.getJdbcUrl().substring("jdbc:".length()));
        Path out = dir.resolve("benchmarks.md");
        Files.writeString(out, "# Benchmarks\n\nearlier text stays\n");
        // the smoke run's sizes, smaller still: pgbench for one second, five requests a figure (any figure proves the tools ran)
        ProcessBuilder pb = new ProcessBuilder("bash", "scripts/benchmark", "--smoke", "--seconds=1", "--requests=5",
                "--attach=http://127.0.0.1:" + port, "--pg=" + db.getHost() + ":" + db.getPort() + db.getPath(),
                "--out=" + out, "--data-dir=" + dir.resolve("data")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        pb.environment().put("PGPASSWORD", java.util.Objects.requireNonNullElse(hikari.getPassword(), ""));
        pb.environment().put("PGUSER", hikari.getUsername());
        Process p = pb.start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        String log = Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as(log).isTrue();
        assertThat(p.exitValue()).as(log).isZero();

        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Benchmarks\n\nearlier text stays\n").contains("<!-- BENCHMARK:START -->");
        assertThat(md).containsPattern("\\| pgbench single-row INSERT, 8 clients, same PostgreSQL \\(ceiling\\) \\| — \\| [0-9.]+ tx/s \\|");
        // the database given a submission's own statements: a rate, with no error (a column renamed breaks it here)
        assertThat(md).containsPattern("\\| pgbench, a submission's own statements \\(rate limit; opinion, timeline step, audit row\\), "
                + "8 clients, same PostgreSQL \\| — \\| [0-9.]+ tx/s \\([0-9.]+ of the ceiling\\) \\|");
        assertThat(md).containsPattern("\\| a unit's worklist \\(filters \\+ keyset page of 50\\) p95, 2 clients \\| ≤ 20 ms \\| [0-9.]+ ms \\|");
        assertThat(md).containsPattern("\\| the same, one request at a time p95 \\| ≤ 20 ms \\| [0-9.]+ ms \\|");
        assertThat(md).containsPattern("\\| Chinese full-text search p95 \\| ≤ 150 ms \\| [0-9.]+ ms \\|");
        assertThat(md).containsPattern("\\| then the machine quiet \\(autovacuum, index merges\\) before the reads \\| — \\| n/a \\(attached\\) \\|");
        assertThat(md).containsPattern("\\| the machine quiet \\(the vector index's merges, autovacuum\\) before the submissions \\| — \\| n/a \\(attached\\) \\|");
        assertThat(md).containsPattern("\\| opinions dashboard \\(ledger\\), this year p95 \\| ≤ 100 ms \\| [0-9.]+ ms \\|");
        assertThat(md).containsPattern("\\| suggestions dashboard, all years p95 \\| ≤ 100 ms \\| [0-9.]+ ms \\|");
        assertThat(md).containsPattern("\\| similar check `POST /api/opinions/similar` p95, 2 clients \\| ≤ 50 ms \\| ([0-9.]+ ms|not in this branch \\(HTTP \\d+\\)) \\|");
        assertThat(md).containsPattern("\\| the same, one request at a time p95 \\| ≤ 50 ms \\| ([0-9.]+ ms|not in this branch \\(HTTP \\d+\\)) \\|");
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
