package org.civicloop.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's hash of one row: SHA-256 over the previous row's hash, the row's position and every
 * recorded field, each length-prefixed so that no two different rows serialise alike. The fields
 * are read back from PostgreSQL (jsonb as PostgreSQL prints it), so writer and verifier agree.
 */
final class ChainHash {

    static final String ROW_COLUMNS = "id, occurred_at, actor, actor_account_id, source_ip, module, action, "
            + "subject_type, subject_id, summary_before::text as summary_before, summary_after::text as summary_after, "
            + "chain_seq, prev_hash, hash";

    private ChainHash() {
    }

    record Row(long id, Instant occurredAt, String actor, Long actorAccountId, String sourceIp, String module,
               String action, String subjectType, String subjectId, String before, String after,
               Long chainSeq, String prevHash, String hash) {

        static Row map(ResultSet rs, int n) throws SQLException {
            return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                    (Long) rs.getObject("actor_account_id"), rs.getString("source_ip"), rs.getString("module"),
                    rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                    rs.getString("summary_before"), rs.getString("summary_after"),
                    (Long) rs.getObject("chain_seq"), rs.getString("prev_hash"), rs.getString("hash"));
        }
    }

    static String of(String previousHash, long seq, Row row) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            feed(digest, previousHash == null ? "" : previousHash);
            feed(digest, Long.toString(seq));
            feed(digest, Long.toString(row.id()));
            feed(digest, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, row.occurredAt())));
            feed(digest, row.actor());
            feed(digest, row.actorAccountId() == null ? "" : row.actorAccountId().toString());
            feed(digest, row.sourceIp() == null ? "" : row.sourceIp());
            feed(digest, row.module());
            feed(digest, row.action());
            feed(digest, row.subjectType());
            feed(digest, row.subjectId());
            feed(digest, row.before());
            feed(digest, row.after());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void feed(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        digest.update((byte) '|');
    }
}
