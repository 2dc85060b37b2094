package org.civicloop.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL keeps its data across restarts, including after its JVM was killed hard,
 * and accepts only its generated password.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            execute(db, "create table kept (v text); insert into kept values ('花溪')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            assertThat(query(db, "select v from kept")).isEqualTo("花溪");
            assertThat(query(db, "show shared_buffers")).as("PostgreSQL's default").isEqualTo("128MB");
        }
        // the page cache is a start setting: given, it holds from the next start on
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "48MB")) {
            assertThat(query(db, "show shared_buffers")).isEqualTo("48MB");
        }
    }

    @Test
    void aStalePidFileOfADeadProcessIsRemoved() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            execute(db, "create table kept (v text); insert into kept values ('stale')");
        }
        // a pid that cannot be alive: above the kernel's pid_max
        Files.writeString(pgdata.resolve("postmaster.pid"), "99999999\n" + pgdata + "\n0\n5432\n");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            assertThat(query(db, "select v from kept")).isEqualTo("stale");
        }
    }

    @Test
    void aSecondStartBesideARunningOneAttachesToIt() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            execute(first, "create table shared (v text); insert into shared values ('one')");
            EmbeddedDatabase second = EmbeddedDatabase.startOrAttach(pgdata, 0, "");
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(query(second, "select v from shared")).isEqualTo("one");
            second.close(); // closing an attached instance must leave the owner's server running
            assertThat(query(first, "select count(*) from shared")).isEqualTo("1");
        }
    }

    @Test
    void startsAfterItsPreviousJvmWasKilledHard() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), pgdata.toString())
                .redirectErrorStream(true).start();
        int port = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    port = Integer.parseInt(line.substring(6).trim());
                    break;
                }
            }
        }
        assertThat(port).as("the child JVM started its database").isPositive();
        String password = Files.readString(EmbeddedDatabase.passwordFile(pgdata)).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/civicloop", "postgres", password);
             Statement s = c.createStatement()) {
            s.execute("create table survived (v text); insert into survived values ('after kill -9')");
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).as("the orphaned postmaster lives on")
                .contains(true);
        assertThat(pgdata.resolve("postmaster.pid")).exists();

        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            assertThat(query(db, "select v from survived")).isEqualTo("after kill -9");
            assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void onlyTheGeneratedPasswordIsAccepted() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            Path passwordFile = dataDir.resolve("secrets").resolve("db.password");
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(db.password()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(Files.readString(passwordFile).strip());
            assertRefused(db.jdbcUrl(), "");
            assertRefused(db.jdbcUrl(), "postgres");
            assertRefused(db.jdbcUrl().replace("/civicloop", "/postgres"), "wrong-password");
            assertThat(query(db, "select current_setting('password_encryption')")).isEqualTo("scram-sha-256");
            assertThat(Files.readAllLines(pgdata.resolve("pg_hba.conf")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))).allMatch(l -> l.endsWith("scram-sha-256"));
        }
    }

    /** A data directory created before passwords (initdb -A trust) is converted at its next start. */
    @Test
    void aDataDirectoryThatTrustedLocalConnectionsIsGivenThePassword() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8").start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database civicloop");
        }
        assertThat(Files.readString(pgdata.resolve("pg_hba.conf"))).contains("trust");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            execute(db, "create table kept (v text); insert into kept values ('converted')");
            assertRefused(db.jdbcUrl(), "");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(pgdata, 0, "")) {
            assertThat(query(db, "select v from kept")).isEqualTo("converted");
            assertRefused(db.jdbcUrl(), "");
            assertThat(Files.readString(pgdata.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    private static void execute(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", db.password()); Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) {
                s.execute(statement);
            }
        }
    }

    private static String query(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
