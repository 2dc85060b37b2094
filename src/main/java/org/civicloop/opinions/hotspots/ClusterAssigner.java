package org.civicloop.opinions.hotspots;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.language.TextVectors;
import org.civicloop.opinions.domain.SimilarMattersProperties;
import org.civicloop.shared.Batches;
import org.civicloop.shared.PlaceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts new opinions into same-matter clusters ({@code opinion_cluster}, {@code opinion_cluster_member}):
 * an opinion joins the cluster of its nearest already clustered opinion by sentence vector, within the
 * same district and the time window, from the configured similarity on, and — where both texts name
 * a place, or both chose a place (town, village) — only at the same place; otherwise it founds a cluster of its own.
 * Rejected opinions are never members (one rejected later leaves its cluster on the next run).
 *
 * <p>Opinions are taken in id order after a cursor ({@code opinion_cluster_cursor}), a batch at a time;
 * a batch's memberships, their clusters' figures and the cursor move in one transaction, so a run killed
 * half-way resumes where it stopped and a rerun changes nothing. It waits while the model is not loaded,
 * opinions still lack their vectors, or stored vectors are not in this node's index yet (a neighbour not yet
 * indexed would be missed, and the opinion would found a cluster of its own for good).
 *
 * <p>Opinions submitted before the horizon are passed over: no similar check looks back that far (its
 * window, {@code civicloop.language.similar.window}, and a cluster's own span before it), and hot spots
 * are this month's. A history import or a generated province of several years is clustered only where it
 * can be shown. The transactions commit without waiting for the disk: clusters are derived data, and
 * after a crash PostgreSQL has lost whole transactions at the end only, the cursor with its memberships,
 * which the next run assigns again.
 */
@Component
public class ClusterAssigner {

    static final String CURSOR = "hotspots";
    static final String KIND = "opinion";
    private static final Logger log = LoggerFactory.getLogger(ClusterAssigner.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<TextVectors> language;
    private final HotspotProperties properties;
    private final SimilarMattersProperties similar;
    private final TransactionTemplate tx;
    private TextVectors vectors;

    ClusterAssigner(JdbcClient jdbc, ObjectProvider<TextVectors> language, HotspotProperties properties,
                    SimilarMattersProperties similar, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.language = language;
        this.properties = properties;
        this.similar = similar;
        this.tx = tx;
    }

    /** An opinion as clustering reads it. */
    record Row(long id, String content, String placeCode, String districtCode, Instant submittedAt, String status) {
    }

    /** Everything there is to do now, a batch at a time; returns how many opinions were looked at. */
    public int runAll() {
        int total = Batches.untilShort(properties.batch(), () -> runOnce(properties.batch()));
        tx.executeWithoutResult(s -> leaveRejected());
        return total;
    }

    /**
     * At most {@code limit} opinions after the cursor, in one transaction; 0 when there is nothing to do or
     * the vectors are not ready.
     */
    public int runOnce(int limit) {
        vectors = language.getIfAvailable();
        if (vectors == null || !vectors.ready() || vectors.remaining(KIND) > 0 || !vectors.searchable(KIND)) {
            return 0;
        }
        long after = cursor();
        List<Row> rows = jdbc.sql("""
                        select id, content, place_code, district_code, submitted_at, status from opinion
                         where id > :after order by id limit :limit""")
                .param("after", after).param("limit", limit).query(Row.class).list();
        if (rows.isEmpty()) {
            return 0;
        }
        Instant horizon = Instant.now().minus(similar.window()).minus(properties.window());
        Integer done = tx.execute(s -> assign(rows, horizon));
        return done == null ? 0 : done;
    }

    long cursor() {
        return jdbc.sql("select last_id from opinion_cluster_cursor where name = :n").param("n", CURSOR)
                .query(Long.class).optional().orElse(0L);
    }

    /**
     * These opinions (in id order), in the caller's transaction, up to the first that cannot be done now;
     * the cursor moves past the ones done. Returns how many were done (or taken by another run).
     */
    int assign(List<Row> rows, Instant horizon) {
        jdbc.sql("set local synchronous_commit = off").update();
        Long last = jdbc.sql("select last_id from opinion_cluster_cursor where name = :n for update").param("n", CURSOR)
                .query(Long.class).optional().orElse(null);
        if (last == null) {
            return rows.size();
        }
        List<Long> ids = rows.stream().filter(r -> r.id() > last && !r.submittedAt().isBefore(horizon)
                && !"REJECTED".equals(r.status())).map(Row::id).toList();
        Set<Long> wanted = Set.copyOf(ids);
        Set<Long> members = ids.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(
                        "select opinion_id from opinion_cluster_member where opinion_id in (:ids)")
                .param("ids", ids).query(Long.class).list());
        // their stored vectors (all are stored before a run starts: see runOnce), else computed now; none read
        // for members (a generated province's opinions come clustered: DataGenerator)
        List<Long> toRead = ids.stream().filter(id -> !members.contains(id)).toList();
        Map<Long, float[]> stored = toRead.isEmpty() ? Map.of() : vectors.stored(KIND, toRead);
        long moved = last;
        int done = 0;
        for (Row r : rows) {
            if (wanted.contains(r.id()) && !members.contains(r.id())) {
                Optional<float[]> v = Optional.ofNullable(stored.get(r.id())).or(() -> vectors.embed(r.content()));
                if (v.isEmpty()) {
                    break;
                }
                Optional<Match> match = nearestMember(r, v.get());
                if (match.isPresent()) {
                    join(r, match.get());
                } else {
                    found(r);
                }
            }
            moved = Math.max(moved, r.id());
            done++;
        }
        if (moved > last) {
            jdbc.sql("update opinion_cluster_cursor set last_id = :id, updated_at = now() where name = :n")
                    .param("id", moved).param("n", CURSOR).update();
        }
        return done;
    }

    record Match(long clusterId, double similarity) {
    }

    private Optional<Match> nearestMember(Row r, float[] v) {
        var filter = new TextVectors.Filter(r.districtCode(), r.submittedAt().minus(properties.window()),
                r.submittedAt().plus(properties.window()), List.of(r.id()));
        List<TextVectors.Neighbour> near = vectors.nearest(KIND, v, properties.neighbours(), filter).stream()
                .filter(n -> n.id() != r.id() && n.similarity() >= properties.threshold()).toList();
        if (near.isEmpty()) {
            return Optional.empty();
        }
        record Member(long opinionId, long clusterId, String content, String placeCode, String districtCode,
                      Instant submittedAt) {
        }
        Map<Long, Member> members = new HashMap<>();
        jdbc.sql("""
                        select m.opinion_id, m.cluster_id, o.content, o.place_code, o.district_code, o.submitted_at
                          from opinion_cluster_member m join opinion o on o.id = m.opinion_id
                         where m.opinion_id in (:ids)""")
                .param("ids", near.stream().map(TextVectors.Neighbour::id).toList()).query(Member.class).list()
                .forEach(m -> members.put(m.opinionId(), m));
        List<PlaceNames.Place> places = PlaceNames.in(r.content());
        for (TextVectors.Neighbour n : near) {
            Member m = members.get(n.id());
            if (m != null && m.districtCode().equals(r.districtCode())
                    && !m.submittedAt().isBefore(r.submittedAt().minus(properties.window()))
                    && !m.submittedAt().isAfter(r.submittedAt().plus(properties.window()))
                    && !PlaceNames.codesDiffer(m.placeCode(), r.placeCode())
                    && !PlaceNames.compare(places, PlaceNames.in(m.content())).different()) {
                return Optional.of(new Match(m.clusterId(), n.similarity()));
            }
        }
        return Optional.empty();
    }

    private void join(Row r, Match m) {
        jdbc.sql("insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, :s)")
                .param("o", r.id()).param("c", m.clusterId()).param("s", (float) m.similarity()).update();
        jdbc.sql("""
                        update opinion_cluster set size = size + 1,
                               lead_opinion = case when :at < first_at then :o else lead_opinion end,
                               first_at = least(first_at, :at), last_at = greatest(last_at, :at), updated_at = now()
                         where id = :c""")
                .param("o", r.id()).param("at", Timestamp.from(r.submittedAt())).param("c", m.clusterId()).update();
    }

    private void found(Row r) {
        long cluster = jdbc.sql("""
                        insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                        values (:d, :o, 1, :at, :at) returning id""")
                .param("d", r.districtCode()).param("o", r.id()).param("at", Timestamp.from(r.submittedAt()))
                .query(Long.class).single();
        jdbc.sql("insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, 1)")
                .param("o", r.id()).param("c", cluster).update();
    }

    /**
     * Opinions rejected since they were clustered leave their clusters; each cluster's size, times and
     * lead (its earliest member) are computed again and an empty cluster goes. Changes nothing when
     * no member was rejected.
     */
    int leaveRejected() {
        List<Long> touched = jdbc.sql("""
                        delete from opinion_cluster_member m using opinion o
                         where o.id = m.opinion_id and o.status = 'REJECTED' returning m.cluster_id""")
                .query(Long.class).list();
        if (touched.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        update opinion_cluster c set size = s.size, first_at = s.first_at, last_at = s.last_at,
                               lead_opinion = s.lead, updated_at = now()
                          from (select m.cluster_id, count(*) as size, min(o.submitted_at) as first_at,
                                       max(o.submitted_at) as last_at,
                                       (array_agg(o.id order by o.submitted_at, o.id))[1] as lead
                                  from opinion_cluster_member m join opinion o on o.id = m.opinion_id
                                 where m.cluster_id in (:ids) group by m.cluster_id) s
                         where c.id = s.cluster_id""")
                .param("ids", touched).update();
        jdbc.sql("delete from opinion_cluster c where c.id in (:ids) and not exists (select 1 from opinion_cluster_member m where m.cluster_id = c.id)")
                .param("ids", touched).update();
        log.info("{} rejected opinions left their same-matter clusters", touched.size());
        return touched.size();
    }
}
