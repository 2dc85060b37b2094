package org.civicloop.audit.domain;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.civicloop.audit.AuditTrail;
import org.civicloop.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain on a database of its own (only the audit migrations), with its key and
 * checkpoint file in a directory of the test's choosing: tampering tests can break it at will
 * without touching the shared test database. Each {@link #trail()} is a fresh process's view
 * (nothing in memory), as after a restart.
 */
public final class IsolatedAuditChain {

    private final String database;
    private final PGSimpleDataSource dataSource;
    private final Path dir;
    private AuditChain running;

    private IsolatedAuditChain(String database, Path dir) {
        this.database = database;
        this.dir = dir;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabase.jdbcUrl().replace("/postgres?", "/" + database + "?"));
        dataSource.setUser("postgres");
    }

    /** A new database migrated up to {@code version} of the audit migrations (null: all of them). */
    public static IsolatedAuditChain create(Path dir, String version) throws SQLException {
        String database = "audit_" + Long.toHexString(System.nanoTime());
        try (Connection c = TestDatabase.connection(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        IsolatedAuditChain chain = new IsolatedAuditChain(database, dir);
        chain.migrate(version);
        return chain;
    }

    public void migrate(String version) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit");
        if (version != null) {
            config.target(version);
        }
        config.load().migrate();
    }

    /** The running application's chain (kept across calls, like the one bean of a running node). */
    public AuditTrail trail() {
        if (running == null) {
            running = restarted(keyFile());
        }
        return running;
    }

    /** The chain as a freshly started process sees it: only the database, the key and the checkpoints. */
    public AuditTrail restarted() {
        running = restarted(keyFile());
        return running;
    }

    /** A process configured with another key (for example a node whose key file was not copied). */
    public AuditTrail withKey(byte[] key) {
        return new AuditChain(jdbc(), tx(), new AuditKey(Base64.getEncoder().encodeToString(key), keyFile()),
                new ChainCheckpoints(checkpointFile(), new AuditKey(Base64.getEncoder().encodeToString(key), keyFile())));
    }

    private AuditChain restarted(Path keyFile) {
        AuditKey key = new AuditKey("", keyFile);
        return new AuditChain(jdbc(), tx(), key, new ChainCheckpoints(checkpointFile(), key));
    }

    public Path keyFile() {
        return dir.resolve("secrets/audit.key");
    }

    public Path checkpointFile() {
        return dir.resolve("audit/checkpoints.log");
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private TransactionTemplate tx() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Records an audit row the way {@code AuditRecorder} does. */
    public long record(String actor, String action) {
        return jdbc().sql("""
                        insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id,
                                                 summary_before, summary_after)
                        values (:at, :actor, 'organization', :action, 'account', '42', '{}'::jsonb,
                                cast(:after as jsonb)) returning id""")
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .param("actor", actor).param("action", action).param("after", "{\"displayName\": \"花溪\"}")
                .query(Long.class).single();
    }

    /** Seals every unchained row with plain SHA-256, as the application did before the key. */
    public void chainUnkeyed() {
        var pending = jdbc().sql("select " + ChainHash.ROW_COLUMNS + " from audit_entry where chain_seq is null order by id")
                .query(ChainHash.Row::map).list();
        var head = jdbc().sql("select chain_seq, hash from audit_entry where chain_seq is not null order by chain_seq desc limit 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = head.map(h -> (Long) h[0]).orElse(0L);
        String previous = head.map(h -> (String) h[1]).orElse(null);
        for (ChainHash.Row row : pending) {
            seq++;
            String hash = ChainHash.of(previous, seq, row);
            jdbc().sql("update audit_entry set chain_seq = :seq, prev_hash = :prev, hash = :hash where id = :id")
                    .param("seq", seq).param("prev", previous).param("hash", hash).param("id", row.id()).update();
            previous = hash;
        }
    }

    /**
     * What an attacker with the database superuser can do: switch triggers off and re-seal every
     * row from {@code fromSeq} on with plain SHA-256 (all they can compute without the key).
     */
    public void resealUnkeyedFrom(long fromSeq) throws SQLException {
        var rows = jdbc().sql("select " + ChainHash.ROW_COLUMNS + " from audit_entry where chain_seq >= :from order by chain_seq")
                .param("from", fromSeq).query(ChainHash.Row::map).list();
        String previous = jdbc().sql("select hash from audit_entry where chain_seq = :seq").param("seq", fromSeq - 1)
                .query(String.class).optional().orElse(null);
        StringBuilder sql = new StringBuilder();
        for (ChainHash.Row row : rows) {
            String hash = ChainHash.of(previous, row.chainSeq(), row);
            sql.append("update audit_entry set prev_hash = ").append(previous == null ? "null" : "'" + previous + "'")
                    .append(", hash = '").append(hash).append("' where id = ").append(row.id()).append(";");
            previous = hash;
        }
        asSuperuserWithoutTriggers(sql.toString());
    }

    /** Runs SQL in one transaction as the database superuser, with triggers switched off. */
    public void asSuperuserWithoutTriggers(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(dataSource.getURL(), "postgres", ""); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            s.execute(sql);
            c.commit();
        }
    }

    public String database() {
        return database;
    }
}
