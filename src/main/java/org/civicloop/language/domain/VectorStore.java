package org.civicloop.language.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.civicloop.language.TextSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The vectors in PostgreSQL ({@code text_vector}) and where each kind's backfill stands. */
@Component
class VectorStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    VectorStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record Stored(long id, String district, Instant at, float[] vector, Instant computedAt) {
    }

    long cursor(String kind, String model) {
        return jdbc.sql("select cursor_id from text_vector_backfill where kind = :kind and model = :model")
                .param("kind", kind).param("model", model).query(Long.class).optional().orElse(0L);
    }

    /** Of these ids, those whose vector was computed by {@code model}. */
    Set<Long> current(String kind, String model, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select source_id from text_vector where kind = :kind and model = :model and source_id = any(:ids)")
                .param("kind", kind).param("model", model).param("ids", ids.toArray(Long[]::new)).query(Long.class).list());
    }

    /** A batch stored: its rows' {@code computed_at} and its transaction (null when it wrote nothing). */
    record Saved(Instant computedAt, Long xid) {
    }

    /**
     * Stores the vectors and, when {@code cursor} is not null, moves the kind's backfill to it: one
     * transaction, so the cursor never runs ahead of the vectors nor behind them.
     */
    Saved save(String kind, String model, List<Embedded> vectors, Long cursor) {
        return tx.execute(status -> {
            for (Embedded e : vectors) {
                jdbc.sql("""
                                insert into text_vector (kind, source_id, model, district_code, at, vector, computed_at)
                                values (:kind, :id, :model, :district, :at, :vector, now())
                                on conflict (kind, source_id) do update set model = excluded.model,
                                    district_code = excluded.district_code, at = excluded.at, vector = excluded.vector,
                                    computed_at = excluded.computed_at, written_xid = excluded.written_xid""")
                        .param("kind", kind).param("id", e.text().id()).param("model", model)
                        .param("district", e.text().district())
                        .param("at", e.text().at() == null ? null : Timestamp.from(e.text().at()))
                        .param("vector", bytes(e.vector())).update();
            }
            if (cursor != null) {
                jdbc.sql("""
                                insert into text_vector_backfill (kind, model, cursor_id, updated_at) values (:kind, :model, :cursor, now())
                                on conflict (kind, model) do update set cursor_id = greatest(text_vector_backfill.cursor_id, excluded.cursor_id),
                                    updated_at = excluded.updated_at""")
                        .param("kind", kind).param("model", model).param("cursor", cursor).update();
            }
            // now() is the transaction's start: the computed_at of every row above
            return jdbc.sql("select now(), pg_current_xact_id_if_assigned()::text").query((rs, n) -> new Saved(
                    rs.getTimestamp(1).toInstant(), rs.getString(2) == null ? null : Long.parseLong(rs.getString(2))))
                    .single();
        });
    }

    /** The vectors of these ids computed by {@code model}. */
    Map<Long, float[]> vectors(String kind, String model, Collection<Long> ids) {
        Map<Long, float[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select source_id, vector from text_vector where kind = :kind and model = :model and source_id = any(:ids)")
                .param("kind", kind).param("model", model).param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong(1), floats(rs.getBytes(2)))).list();
        return out;
    }

    /** Those of these ids whose vector by {@code model} was computed before {@code before}. */
    Set<Long> computedBefore(String kind, String model, Collection<Long> ids, Instant before) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select source_id from text_vector
                         where kind = :kind and model = :model and source_id = any(:ids) and computed_at < :before""")
                .param("kind", kind).param("model", model).param("ids", ids.toArray(Long[]::new))
                .param("before", Timestamp.from(before)).query(Long.class).list());
    }

    /**
     * Those of these ids whose vector by {@code model} {@code snapshot} saw, or one of the transactions {@code own}
     * wrote; or, written before transactions were recorded (2026-12-07), computed before {@code before}.
     */
    Set<Long> seen(String kind, String model, Collection<Long> ids, String snapshot, Collection<Long> own,
                   Instant before) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select source_id from text_vector
                         where kind = :kind and model = :model and source_id = any(:ids)
                           and (pg_visible_in_snapshot(written_xid, cast(:snapshot as pg_snapshot))
                                or written_xid = any(cast(:own as xid8[]))
                                or (written_xid is null and computed_at < :before))""")
                .param("kind", kind).param("model", model).param("ids", ids.toArray(Long[]::new))
                .param("snapshot", snapshot).param("own", xids(own)).param("before", Timestamp.from(before))
                .query(Long.class).list());
    }

    /**
     * Whether the kind has a vector by {@code model} that {@code snapshot} did not see, written by a transaction other
     * than {@code own}.
     */
    boolean unseen(String kind, String model, String snapshot, Collection<Long> own) {
        return jdbc.sql("""
                        select exists (select 1 from text_vector
                         where kind = :kind and model = :model
                           and written_xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                           and not pg_visible_in_snapshot(written_xid, cast(:snapshot as pg_snapshot))
                           and written_xid <> all(cast(:own as xid8[])))""")
                .param("kind", kind).param("model", model).param("snapshot", snapshot).param("own", xids(own))
                .query(Boolean.class).single();
    }

    private static String[] xids(Collection<Long> xids) {
        return xids.stream().map(String::valueOf).toArray(String[]::new);
    }

    /** The newest {@code computed_at} of the kind's vectors by {@code model}, or null when there are none. */
    Instant newest(String kind, String model) {
        List<Timestamp> t = jdbc.sql("select max(computed_at) from text_vector where kind = :kind and model = :model")
                .param("kind", kind).param("model", model).query(Timestamp.class).list();
        return t.isEmpty() || t.get(0) == null ? null : t.get(0).toInstant();
    }

    long count(String kind, String model) {
        return jdbc.sql("select count(*) from text_vector where kind = :kind and model = :model")
                .param("kind", kind).param("model", model).query(Long.class).single();
    }

    /** Every vector of a kind computed by {@code model} at or after {@code since}, in id order, a page at a time. */
    void each(String kind, String model, Instant since, Consumer<Stored> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Stored> page = jdbc.sql("""
                            select source_id, district_code, at, vector, computed_at from text_vector
                            where kind = :kind and model = :model and computed_at >= :since and source_id > :after
                            order by source_id limit 2000""")
                    .param("kind", kind).param("model", model).param("since", Timestamp.from(since)).param("after", after)
                    .query((rs, n) -> stored(rs)).list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * The database's snapshot now ({@code xmin:xmax:in-progress}): what a read begun after it sees at least. A
     * transaction it does not see (in progress, or begun since) is read by {@link #eachWrittenAfter} however long it
     * takes to commit.
     */
    String snapshot() {
        return jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
    }

    /** The oldest transaction a snapshot saw in progress (every older one had ended): its {@code xmin}. */
    static long oldest(String snapshot) {
        return Long.parseLong(snapshot.substring(0, snapshot.indexOf(':')));
    }

    /**
     * Whether a snapshot was taken on this database: false for one whose transactions lie ahead of every
     * transaction this database has begun (an index built beside another database).
     */
    boolean fromThisDatabase(String snapshot) {
        return jdbc.sql("select pg_snapshot_xmin(cast(:s as pg_snapshot)) <= pg_snapshot_xmax(pg_current_snapshot())")
                .param("s", snapshot).query(Boolean.class).single();
    }

    /**
     * Every vector of a kind by {@code model} that {@code snapshot} did not see (written by a transaction then in
     * progress or begun since), but those written by the transactions {@code except}; in the order written, a page
     * at a time.
     */
    void eachWrittenAfter(String kind, String model, String snapshot, Collection<Long> except, Consumer<Stored> consumer) {
        // paged along the index (kind, model, written_xid, source_id): every page is a range of it, however many
        // rows there are and whatever the planner's statistics say (a million generated in one transaction)
        String[] skipped = xids(except);
        String xid = String.valueOf(oldest(snapshot));
        long after = Long.MIN_VALUE;
        while (true) {
            String[] last = new String[1];
            List<Stored> page = jdbc.sql("""
                            select source_id, district_code, at, vector, computed_at, written_xid::text as xid from text_vector
                            where kind = :kind and model = :model and (written_xid, source_id) > (cast(:xid as xid8), :after)
                              and not pg_visible_in_snapshot(written_xid, cast(:snapshot as pg_snapshot))
                              and written_xid <> all(cast(:skipped as xid8[]))
                            order by written_xid, source_id limit 2000""")
                    .param("kind", kind).param("model", model).param("xid", xid).param("after", after)
                    .param("snapshot", snapshot).param("skipped", skipped)
                    .query((rs, n) -> {
                        last[0] = rs.getString("xid");
                        return stored(rs);
                    }).list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            xid = last[0];
            after = page.get(page.size() - 1).id();
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("at");
        return new Stored(rs.getLong("source_id"), rs.getString("district_code"), at == null ? null : at.toInstant(),
                floats(rs.getBytes("vector")), rs.getTimestamp("computed_at").toInstant());
    }

    record Embedded(TextSource.Text text, float[] vector) {
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
