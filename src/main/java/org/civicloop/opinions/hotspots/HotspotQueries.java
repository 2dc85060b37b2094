package org.civicloop.opinions.hotspots;

import org.civicloop.opinions.domain.OpinionQueries;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.DirectoryNames;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 热点: the month's same-matter clusters by the number of people who raised them, with their channels,
 * towns and the trend against the month before, and a cluster's opinions. Everything counts only the
 * opinions the viewer may read (the rules of {@link OpinionPermissions}, in SQL): a viewer never learns
 * of an opinion outside their scope through a cluster's figures. A person is a phone number or e-mail
 * address where the voter left one, otherwise each opinion counts as one person.
 */
@Component
public class HotspotQueries {

    /** The condition on {@code o} for what the viewer may read, as in {@code OpinionQueries}. */
    static final String SCOPE = " " + """
            (:all
             or (o.addressee_kind = 'DEPUTY' and o.addressee_id = :deputyId)
             or (o.addressee_kind = 'SITE' and o.addressee_id in (:siteIds))
             or exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :myUnit))""";
    static final int TOP = 30;

    private final JdbcClient jdbc;
    private final Addressing addressing;
    private final OpinionPermissions permissions;
    private final DirectoryNames names;
    private final HotspotProperties properties;
    private final ZoneId zone;

    HotspotQueries(JdbcClient jdbc, Addressing addressing, DirectoryNames names, HotspotProperties properties,
                   @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.addressing = addressing;
        this.permissions = new OpinionPermissions();
        this.names = names;
        this.properties = properties;
        this.zone = zone;
    }

    /**
     * A hot spot of the month: its cluster, the opinion that heads it (the earliest the viewer may read
     * this month) with a display excerpt, people, opinions, channels and towns this month, and people
     * the month before (0 when new).
     */
    public record Hotspot(long clusterId, long headId, String headReceiptCode, String excerpt, int people, int opinions,
                          int channels, int towns, List<String> townNames, int peopleLastMonth) {
        /** UP, DOWN, SAME or NEW against the month before. */
        public String trend() {
            if (peopleLastMonth == 0) {
                return "NEW";
            }
            return people > peopleLastMonth ? "UP" : people < peopleLastMonth ? "DOWN" : "SAME";
        }
    }

    /** A town with the people and matters of the month's hot spots there. */
    public record TownCount(String town, int people, int matters) {
    }

    public record Month(YearMonth month, List<Hotspot> hotspots, List<TownCount> towns, int maxTownPeople) {
    }

    public Month month(YearMonth month, CivicUser user) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant before = month.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        record Raw(long clusterId, long headId, String headReceiptCode, String excerpt, int people, int opinions,
                   int channels, String places) {
        }
        List<Raw> rows = scoped(jdbc.sql("""
                        with cur as (
                            select m.cluster_id, o.id, o.receipt_code, o.channel, o.place_code, o.submitted_at,
                                   """ + OpinionQueries.PERSON + """
                                    as person
                              from opinion_cluster_member m join opinion o on o.id = m.opinion_id
                             where o.submitted_at >= :from and o.submitted_at < :to and o.status <> 'REJECTED'
                               and """ + SCOPE + """
                        )
                        select c.cluster_id, h.id as head_id, h.receipt_code as head_receipt_code,
                               left(h.content, 120) as excerpt, c.people, c.opinions, c.channels, c.places
                          from (select cluster_id, count(distinct person) as people, count(*) as opinions,
                                       count(distinct channel) as channels, string_agg(distinct place_code, ',') as places,
                                       (array_agg(id order by submitted_at, id))[1] as head
                                  from cur group by cluster_id
                                having count(distinct person) >= :minPeople) c
                          join opinion h on h.id = c.head
                         order by c.people desc, c.opinions desc, c.cluster_id
                         limit :top"""), user)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("minPeople", properties.minPeople()).param("top", TOP)
                .query(Raw.class).list();
        Map<Long, Integer> lastMonth = new HashMap<>();
        if (!rows.isEmpty()) {
            record Last(long clusterId, int people) {
            }
            scoped(jdbc.sql("""
                            select m.cluster_id, count(distinct """ + OpinionQueries.PERSON + """
                            ) as people
                              from opinion_cluster_member m join opinion o on o.id = m.opinion_id
                             where m.cluster_id in (:ids) and o.submitted_at >= :from and o.submitted_at < :to
                               and o.status <> 'REJECTED' and """ + SCOPE + """
                             group by m.cluster_id"""), user)
                    .param("ids", rows.stream().map(Raw::clusterId).toList())
                    .param("from", Timestamp.from(before)).param("to", Timestamp.from(from))
                    .query(Last.class).list().forEach(l -> lastMonth.put(l.clusterId(), l.people()));
        }
        DirectoryNames.Places places = names.places();
        List<Hotspot> hotspots = new ArrayList<>();
        Map<String, int[]> byTown = new LinkedHashMap<>();
        for (Raw r : rows) {
            List<String> towns = java.util.Arrays.stream(r.places().split(",")).map(places::ledgerTown)
                    .map(t -> t == null ? "" : t).distinct().sorted().toList();
            hotspots.add(new Hotspot(r.clusterId(), r.headId(), r.headReceiptCode(), r.excerpt(), r.people(), r.opinions(),
                    r.channels(), towns.size(), towns.stream().filter(t -> !t.isEmpty()).toList(),
                    lastMonth.getOrDefault(r.clusterId(), 0)));
        }
        if (!rows.isEmpty()) {
            record PerTown(String placeCode, long clusterId, int people) {
            }
            List<PerTown> perPlace = scoped(jdbc.sql("""
                            select o.place_code, m.cluster_id, count(distinct """ + OpinionQueries.PERSON + """
                            ) as people
                              from opinion_cluster_member m join opinion o on o.id = m.opinion_id
                             where m.cluster_id in (:ids) and o.submitted_at >= :from and o.submitted_at < :to
                               and o.status <> 'REJECTED' and """ + SCOPE + """
                             group by o.place_code, m.cluster_id"""), user)
                    .param("ids", rows.stream().map(Raw::clusterId).toList())
                    .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .query(PerTown.class).list();
            Map<String, java.util.Set<Long>> matters = new HashMap<>();
            for (PerTown p : perPlace) {
                String town = Optional.ofNullable(places.ledgerTown(p.placeCode())).orElse("");
                byTown.computeIfAbsent(town, k -> new int[1])[0] += p.people();
                matters.computeIfAbsent(town, k -> new java.util.HashSet<>()).add(p.clusterId());
            }
            List<TownCount> towns = byTown.entrySet().stream()
                    .map(e -> new TownCount(e.getKey(), e.getValue()[0], matters.get(e.getKey()).size()))
                    .sorted(Comparator.comparingInt(TownCount::people).reversed().thenComparing(TownCount::town)).toList();
            return new Month(month, hotspots, towns, towns.stream().mapToInt(TownCount::people).max().orElse(0));
        }
        return new Month(month, hotspots, List.of(), 0);
    }

    /** One of a cluster's opinions as the viewer may read it; the excerpt only shortens the text for the list. */
    public record Member(long id, String receiptCode, String channel, String placeName, String townName, String excerpt,
                         String status, Instant submittedAt, double similarity) {
    }

    public record Cluster(long id, int people, int opinions, List<Member> members) {
    }

    /** The cluster's opinions the viewer may read, newest first; empty when they may read none of them. */
    public Optional<Cluster> cluster(long clusterId, CivicUser user) {
        record Raw(long id, String receiptCode, String channel, String placeCode, String excerpt, String status,
                   Instant submittedAt, double similarity, String person) {
        }
        List<Raw> rows = scoped(jdbc.sql("""
                        select o.id, o.receipt_code, o.channel, o.place_code, left(o.content, 100) as excerpt, o.status,
                               o.submitted_at, m.similarity, """ + OpinionQueries.PERSON + """
                         as person
                          from opinion_cluster_member m join opinion o on o.id = m.opinion_id
                         where m.cluster_id = :c and o.status <> 'REJECTED' and """ + SCOPE + """
                         order by o.submitted_at desc, o.id desc
                         limit 500"""), user)
                .param("c", clusterId).query(Raw.class).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DirectoryNames.Places places = names.places();
        List<Member> members = rows.stream().map(r -> new Member(r.id(), r.receiptCode(), r.channel(),
                places.name(r.placeCode()), places.ledgerTown(r.placeCode()), r.excerpt(), r.status(), r.submittedAt(),
                r.similarity())).toList();
        int people = (int) rows.stream().map(Raw::person).distinct().count();
        return Optional.of(new Cluster(clusterId, people, rows.size(), members));
    }

    private JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, CivicUser user) {
        Addressing.Addressees mine = addressing.of(user);
        return spec.param("all", permissions.viewsAll(user)).param("deputyId", mine.deputyId())
                .param("siteIds", mine.siteIds())
                .param("myUnit", user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null ? user.unitId() : -1L);
    }
}
