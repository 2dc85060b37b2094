package org.civicloop.opinions.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.civicloop.language.SqlTextSource;
import org.civicloop.language.TextVectors;
import org.civicloop.opinions.OpinionEvents.WorkOrderAssigned;
import org.civicloop.opinions.OpinionEvents.WorkOrderReplied;
import org.civicloop.opinions.OpinionEvents.WorkOrderReturnApproved;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The routing history, a read model of the opinions module: every matter that went to a handling
 * unit. Fed in the forwarding transaction by the module's own {@link WorkOrderAssigned} (the office's
 * actual choice, whether or not it took the suggestion) and by imported ledgers; offered to the
 * language module as the {@link org.civicloop.language.TextSource} of kind {@code routed}, whose vectors are asked for after
 * commit, off the request path.
 */
@Component
public class RoutingHistory extends SqlTextSource {

    public static final String KIND = "routed";

    private final JdbcClient jdbc;
    private final OpinionsProperties properties;
    private final ObjectProvider<TextVectors> vectors;

    RoutingHistory(JdbcClient jdbc, OpinionsProperties properties, ObjectProvider<TextVectors> vectors) {
        super(jdbc, KIND, "routing_history", "text", "district", "routed_at", "true");
        this.jdbc = jdbc;
        this.properties = properties;
        this.vectors = vectors;
    }

    /** One routed matter, as suggestions read it. */
    public record Entry(long id, String source, Long sourceId, String text, String placeCode, String category,
                        long unitId, Instant routedAt, String outcome) {
    }

    @EventListener
    void assigned(WorkOrderAssigned event) {
        Long id = jdbc.sql("""
                        insert into routing_history (source, source_id, district, text, place_code, category, unit_id, routed_at)
                        select 'OPINION', o.id, :district, o.content, o.place_code, o.category, :unit, now()
                        from opinion o where o.id = :opinion
                        returning id""")
                .param("district", properties.districtCode()).param("unit", event.unit().value())
                .param("opinion", event.opinion().value()).query(Long.class).optional().orElse(null);
        jdbc.sql("""
                        update routing_suggestion s set chosen_unit_id = :unit, chosen_category = o.category, decided_at = now(),
                            taken_unchanged = (s.suggested_unit_id = :unit and (s.suggested_category is null or s.suggested_category = o.category))
                        from opinion o where o.id = s.opinion_id and s.opinion_id = :opinion and s.decided_at is null""")
                .param("unit", event.unit().value()).param("opinion", event.opinion().value()).update();
        if (id != null) {
            refreshAfterCommit(List.of(id));
        }
    }

    @EventListener
    void returned(WorkOrderReturnApproved event) {
        outcome(event.opinion().value(), event.unit().value(), "RETURNED");
    }

    @EventListener
    void replied(WorkOrderReplied event) {
        outcome(event.opinion().value(), event.unit().value(), "REPLIED");
    }

    private void outcome(long opinionId, long unitId, String outcome) {
        jdbc.sql("""
                        update routing_history set outcome = :outcome where id = (select max(id) from routing_history
                            where source = 'OPINION' and source_id = :opinion and unit_id = :unit)""")
                .param("outcome", outcome).param("opinion", opinionId).param("unit", unitId).update();
    }

    /** Asks the language module for these rows' vectors once the current transaction has committed. */
    void refreshAfterCommit(List<Long> ids) {
        TextVectors v = vectors.getIfAvailable();
        if (v != null) {
            v.refreshAfterCommit(KIND, ids);
        }
    }

    /** These rows, as suggestions read them. */
    public List<Entry> entries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(jdbc.sql("""
                        select id, source, source_id, text, place_code, category, unit_id, routed_at, outcome
                        from routing_history where id = any(:ids)""")
                .param("ids", ids.toArray(Long[]::new)).query(RoutingHistory::entry).list());
    }

    /** The ids of the most recent rows, newest first (an index-only read: no text travels). */
    List<Long> recentIds(int limit, Long excludeOpinion) {
        return jdbc.sql("""
                        select id from routing_history
                        where not (source = 'OPINION' and source_id is not distinct from :exclude)
                        order by id desc limit :limit""")
                .param("limit", limit).param("exclude", excludeOpinion).query(Long.class).list();
    }

    /** The most recent rows of the district, for matching by words while the model is not ready. */
    List<Entry> recent(int limit, Long excludeOpinion) {
        return jdbc.sql("""
                        select id, source, source_id, text, place_code, category, unit_id, routed_at, outcome
                        from routing_history
                        where not (source = 'OPINION' and source_id is not distinct from :exclude)
                        order by id desc limit :limit""")
                .param("limit", limit).param("exclude", excludeOpinion).query(RoutingHistory::entry).list();
    }

    long size() {
        return jdbc.sql("select count(*) from routing_history").query(Long.class).single();
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("routed_at");
        long sid = rs.getLong("source_id");
        Long sourceId = rs.wasNull() ? null : sid;
        return new Entry(rs.getLong("id"), rs.getString("source"), sourceId, rs.getString("text"),
                rs.getString("place_code"), rs.getString("category"), rs.getLong("unit_id"), at.toInstant(),
                rs.getString("outcome"));
    }
}
