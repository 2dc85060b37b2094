package org.civicloop.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.crypto.Mac;

/**
 * The chain's hash of one row: HMAC-SHA256 under the audit key (plain SHA-256 for rows linked before
 * the chain was keyed) over the previous row's hash, the row's position and every recorded field, each length-prefixed so that no two different rows serialise alike. The fields
 * are read back from PostgreSQL (jsonb as PostgreSQL prints it), so writer and verifier agree.
 */
final class ChainHash {

    static final String ROW_COLUMNS = "id, occurred_at, actor, actor_account_id, source_ip, module, action, "
            + "subject_type, subject_id, summary_before::text as summary_before, summary_after::text as summary_after, "
            + "chain_seq, prev_hash, hash";

    private static final byte[] SEPARATOR = {'|'};

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

    /** The plain SHA-256 seal of rows linked before the chain was keyed (positions below keyed_from). */
    static String of(String previousHash, long seq, Row row) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            feedRow(digest::update, previousHash, seq, row);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The keyed seal: HMAC-SHA256 under the audit key over the same canonical content. */
    static String keyed(Mac mac, String previousHash, long seq, Row row) {
        mac.reset();
        feedRow(mac::update, previousHash, seq, row);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static void feedRow(Consumer<byte[]> digest, String previousHash, long seq, Row row) {
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
    }

    private static void feed(Consumer<byte[]> digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.accept((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.accept(bytes);
        digest.accept(SEPARATOR);
    }
}
