package org.civicloop.audit.domain;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit rows into the hash chain and verifies it.
 *
 * <p>Chaining runs every second on whichever node wins a PostgreSQL advisory lock, in batches, so
 * the chain has exactly one writer however many nodes run. Rows are chained in the order they
 * become visible (committed), which is why the chain has its own sequence rather than using ids.
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

    @Scheduled(fixedDelayString = "${civicloop.audit.chain-interval:1s}", initialDelayString = "${civicloop.audit.chain-interval:1s}")
    void scheduledChaining() {
        int chained = chainPending();
        if (chained > 0) {
            log.debug("Chained {} audit rows", chained);
        }
    }

    @Override
    public int chainPending() {
        int total = 0;
        int chained;
        do {
            chained = chainBatch();
            total += chained;
        } while (chained == BATCH);
        return total;
    }

    private int chainBatch() {
        Integer chained = tx.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query(Boolean.class).single()) {
                return 0;
            }
            List<ChainHash.Row> pending = jdbc.sql("select " + ChainHash.ROW_COLUMNS
                            + " from audit_entry where chain_seq is null order by id limit :batch")
                    .param("batch", BATCH).query(ChainHash.Row::map).list();
            if (pending.isEmpty()) {
                return 0;
            }
            var head = jdbc.sql("select chain_seq, hash from audit_entry where chain_seq is not null order by chain_seq desc limit 1")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
            long seq = head.map(h -> (Long) h[0]).orElse(0L);
            String previous = head.map(h -> (String) h[1]).orElse(null);
            for (ChainHash.Row row : pending) {
                seq++;
                String hash = ChainHash.of(previous, seq, row);
                jdbc.sql("update audit_entry set chain_seq = :seq, prev_hash = :prev, hash = :hash where id = :id")
                        .param("seq", seq).param("prev", previous).param("hash", hash).param("id", row.id()).update();
                previous = hash;
            }
            return pending.size();
        });
        return chained == null ? 0 : chained;
    }

    @Override
    public Verification verify() {
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
                    return broken(checked, row, "gap");
                }
                if (!java.util.Objects.equals(row.prevHash(), previous)) {
                    return broken(checked, row, "link");
                }
                if (!ChainHash.of(previous, expectedSeq, row).equals(row.hash())) {
                    return broken(checked, row, "hash");
                }
                previous = row.hash();
                expectedSeq++;
                checked++;
            }
        }
        return new Verification(checked, pending(), null, null, null);
    }

    private Verification broken(long checked, ChainHash.Row row, String problem) {
        log.warn("Audit chain broken at row id {} (chain position {}): {}", row.id(), row.chainSeq(), problem);
        return new Verification(checked, pending(), row.id(), row.chainSeq(), problem);
    }

    private long pending() {
        return jdbc.sql("select count(*) from audit_entry where chain_seq is null").query(Long.class).single();
    }
}
