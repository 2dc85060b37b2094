package org.civicloop.audit.domain;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.audit.AuditTrail;
import org.civicloop.shared.Batches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit rows into the keyed hash chain, checkpoints its head outside the database
 * and verifies it.
 *
 * <p>Chaining runs every second on whichever node wins a PostgreSQL advisory lock, in batches, so
 * the chain has exactly one writer however many nodes run. Rows are chained in the order they
 * become visible (committed), which is why the chain has its own sequence rather than using ids.
 *
 * <p>Rows are never re-linked: before linking, the writer checks that the head it wrote last (in
 * memory) and the newest checkpoint (on disk) are still in the chain with the same hash. If
 * someone cleared chain columns to have the application seal a forged row, the writer stops
 * linking and verification names the break; new rows are still recorded, only left unchained.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditChain implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    /** Arbitrary but fixed: the advisory lock that elects the single chain writer. */
    private static final long CHAIN_LOCK = 0x43495649434C4F4FL;
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditKey key;
    private final ChainCheckpoints checkpoints;
    /** The head this process linked last: a checkpoint in memory. */
    private volatile ChainCheckpoints.Checkpoint written;
    private volatile String refusal;

    record Epoch(long keyedFrom, String keyCheck) {
    }

    private record Head(long seq, String hash) {
    }

    @Scheduled(fixedDelayString = "${civicloop.audit.chain-interval:1s}", initialDelayString = "${civicloop.audit.chain-interval:1s}")
    void scheduledChaining() {
        int chained = chainPending();
        if (chained > 0) {
            log.debug("Chained {} audit rows", chained);
        }
    }

    @Scheduled(fixedDelayString = "${civicloop.audit.checkpoint-interval:1m}",
            initialDelayString = "${civicloop.audit.checkpoint-interval:1m}")
    void scheduledCheckpoint() {
        checkpoint();
    }

    @PreDestroy
    void checkpointAtShutdown() {
        try {
            chainPending();
            checkpoint();
        } catch (RuntimeException e) {
            log.warn("No audit checkpoint at shutdown: {}", e.getMessage());
        }
    }

    @Override
    public int chainPending() {
        return Batches.untilShort(BATCH, this::chainBatch);
    }

    /**
     * Appends the chain head to the checkpoint file when it moved since the last checkpoint, and
     * only when the chain still holds the previous checkpoint: a tampered chain is never vouched for.
     */
    @Override
    public boolean checkpoint() {
        Epoch epoch = epoch();
        if (!keyMatches(epoch)) {
            return false;
        }
        Head head = head();
        if (head == null) {
            return false;
        }
        ChainCheckpoints.Checkpoint last = checkpoints.last();
        if (last != null && last.seq() == head.seq() && last.hash().equals(head.hash())) {
            return false;
        }
        String problem = stillHolds(epoch);
        if (problem != null) {
            refuse(problem);
            return false;
        }
        checkpoints.append(head.seq(), head.hash(), epoch.keyedFrom());
        return true;
    }

    private int chainBatch() {
        Integer chained = tx.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query(Boolean.class).single()) {
                return 0;
            }
            Epoch epoch = epoch();
            if (!keyMatches(epoch)) {
                return 0;
            }
            List<ChainHash.Row> pending = jdbc.sql("select " + ChainHash.ROW_COLUMNS
                            + " from audit_entry where chain_seq is null order by id limit :batch")
                    .param("batch", BATCH).query(ChainHash.Row::map).list();
            if (pending.isEmpty()) {
                return 0;
            }
            String problem = stillHolds(epoch);
            if (problem != null) {
                refuse(problem);
                return 0;
            }
            Head head = head();
            long seq = head == null ? 0L : head.seq();
            String previous = head == null ? null : head.hash();
            Mac mac = key.mac();
            int n = pending.size();
            Long[] ids = new Long[n];
            Long[] seqs = new Long[n];
            String[] prevs = new String[n];
            String[] hashes = new String[n];
            for (int i = 0; i < n; i++) {
                ChainHash.Row row = pending.get(i);
                seq++;
                String hash = seq >= epoch.keyedFrom() ? ChainHash.keyed(mac, previous, seq, row) : ChainHash.of(previous, seq, row);
                ids[i] = row.id();
                seqs[i] = seq;
                prevs[i] = previous;
                hashes[i] = hash;
                previous = hash;
            }
            // one statement for the batch, not one round trip per row (issue 14: the chain writer
            // competed with submissions for the database while catching up)
            jdbc.sql("""
                            update audit_entry a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
                              from unnest(cast(:ids as bigint[]), cast(:seqs as bigint[]), cast(:prevs as text[]),
                                          cast(:hashes as text[])) as v(id, seq, prev, hash)
                             where a.id = v.id""")
                    .param("ids", ids).param("seqs", seqs).param("prevs", prevs).param("hashes", hashes).update();
            final long headSeq = seq;
            final String headHash = previous;
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            written = new ChainCheckpoints.Checkpoint(java.time.Instant.now(), headSeq, headHash, epoch.keyedFrom());
                        }
                    });
            return pending.size();
        });
        return chained == null ? 0 : chained;
    }

    /**
     * Null when the head this process wrote last and the newest checkpoint are still in the chain
     * unchanged; otherwise what went wrong. Linking on top of a chain that lost them would re-seal it.
     */
    private String stillHolds(Epoch epoch) {
        for (ChainCheckpoints.Checkpoint known : new ChainCheckpoints.Checkpoint[] {written, checkpoints.last()}) {
            if (known == null) {
                continue;
            }
            if (known.keyedFrom() != epoch.keyedFrom()) {
                return "epoch";
            }
            String hash = jdbc.sql("select hash from audit_entry where chain_seq = :seq").param("seq", known.seq())
                    .query(String.class).optional().orElse(null);
            if (hash == null) {
                return "truncated";
            }
            if (!hash.equals(known.hash())) {
                return "resealed";
            }
        }
        return null;
    }

    private void refuse(String problem) {
        if (!problem.equals(refusal) && "key".equals(problem)) {
            log.error("The audit key does not match the key this chain was sealed with (audit_chain_epoch.key_check): "
                    + "no rows are linked. Configure the original civicloop.audit.key or restore its key file");
        } else if (!problem.equals(refusal)) {
            log.error("Audit chain tampering detected ({}): rows already linked or checkpointed are gone or changed. "
                    + "New audit rows are still recorded but no longer linked; run verify-audit and restore from a backup", problem);
        }
        refusal = problem;
    }

    private boolean keyMatches(Epoch epoch) {
        String check = key.check();
        if (epoch.keyCheck() == null) {
            jdbc.sql("update audit_chain_epoch set key_check = :check where id = 1 and key_check is null")
                    .param("check", check).update();
            return true;
        }
        if (!epoch.keyCheck().equals(check)) {
            refuse("key");
            return false;
        }
        return true;
    }

    private Epoch epoch() {
        return jdbc.sql("select keyed_from, key_check from audit_chain_epoch where id = 1")
                .query((rs, n) -> new Epoch(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Epoch(1, null));
    }

    private Head head() {
        return jdbc.sql("select chain_seq, hash from audit_entry where chain_seq is not null order by chain_seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(null);
    }

    @Override
    public Verification verify() {
        Epoch epoch = epoch();
        ChainCheckpoints.Read read = checkpoints.read();
        long compared = read.valid().size();
        if (epoch.keyCheck() != null && !epoch.keyCheck().equals(key.check())) {
            return failed(0, null, null, "key", compared);
        }
        if (read.invalid() > 0) {
            return failed(0, null, null, "checkpoints", compared);
        }
        Map<Long, String> expected = new TreeMap<>();
        long highest = 0;
        for (ChainCheckpoints.Checkpoint c : read.valid()) {
            if (c.keyedFrom() != epoch.keyedFrom()) {
                return failed(0, null, null, "epoch", compared);
            }
            expected.put(c.seq(), c.hash());
            highest = Math.max(highest, c.seq());
        }
        ChainCheckpoints.Checkpoint mine = written;
        if (mine != null) {
            expected.putIfAbsent(mine.seq(), mine.hash());
            highest = Math.max(highest, mine.seq());
        }
        Mac mac = key.mac();
        long expectedSeq = 1;
        String previous = null;
        long checked = 0;
        while (true) {
            List<ChainHash.Row> rows = jdbc.sql("select " + ChainHash.ROW_COLUMNS
                            + " from audit_entry where chain_seq >= :from order by chain_seq limit 1000")
                    .param("from", expectedSeq).query(ChainHash.Row::map).list();
            if (rows.isEmpty()) {
                break;
            }
            for (ChainHash.Row row : rows) {
                if (row.chainSeq() != expectedSeq) {
                    return broken(checked, row, "gap", compared);
                }
                if (!Objects.equals(row.prevHash(), previous)) {
                    return broken(checked, row, "link", compared);
                }
                String hash = expectedSeq >= epoch.keyedFrom() ? ChainHash.keyed(mac, previous, expectedSeq, row)
                        : ChainHash.of(previous, expectedSeq, row);
                if (!hash.equals(row.hash())) {
                    return broken(checked, row, "hash", compared);
                }
                String checkpointed = expected.get(expectedSeq);
                if (checkpointed != null && !checkpointed.equals(row.hash())) {
                    return broken(checked, row, "resealed", compared);
                }
                previous = row.hash();
                expectedSeq++;
                checked++;
            }
        }
        if (highest >= expectedSeq) {
            return failed(checked, null, expectedSeq, "truncated", compared);
        }
        return new Verification(checked, pending(), null, null, null, compared);
    }

    private Verification broken(long checked, ChainHash.Row row, String problem, long compared) {
        return failed(checked, row.id(), row.chainSeq(), problem, compared);
    }

    private Verification failed(long checked, Long id, Long seq, String problem, long compared) {
        log.warn("Audit chain broken at row id {} (chain position {}): {}", id, seq, problem);
        return new Verification(checked, pending(), id, seq, problem, compared);
    }

    private long pending() {
        return jdbc.sql("select count(*) from audit_entry where chain_seq is null").query(Long.class).single();
    }
}
