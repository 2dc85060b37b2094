package org.civicloop.opinions.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.Opinions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpinionsFacade implements Opinions {

    private final OpinionService service;
    private final OpinionQueries queries;
    private final JdbcClient jdbc;
    private final WorkOrderClocks clocks;
    private final DistrictPlaces districtPlaces;
    private final DirectoryNames names;

    @Override
    @Transactional
    public Submitted submit(Submission s) {
        Opinion saved = service.submit(opinion(s), List.of());
        return new Submitted(saved.id(), saved.receiptCode());
    }

    @Override
    @Transactional(readOnly = true)
    public List<org.civicloop.shared.InvalidInput.Problem> check(Submission s) {
        return service.check(opinion(s));
    }

    private static SubmitOpinion opinion(Submission s) {
        return SubmitOpinion.fromPartner(Channel.valueOf(s.channel().name()), s.externalRef(), s.sourceIp())
                .category(s.category()).content(s.content()).place(s.placeCode(), s.placeDetail())
                .voter(s.voterName(), s.voterPhone(), s.voterEmail()).consent(s.consent()).build();
    }

    @Override
    public Optional<View> find(long id) {
        return find(new Query(Set.of(id), null, null, null, null, null, 1)).stream().findFirst();
    }

    @Override
    public List<View> find(Query q) {
        List<Row> rows = jdbc.sql("""
                        select o.id, o.channel, o.category, o.content, o.status, o.place_code,
                               o.place_detail, o.submitted_at, o.updated_at, o.reply, o.replied_at,
                               (select w.unit_id from work_order w where w.opinion_id = o.id
                                   and w.status in\s""" + WorkOrderStatus.ACTIVE_SQL + """
                                   order by w.id desc limit 1) as handling_unit_id,
                               """ + OpinionQueries.ACTIVE_ORDER + """
                        from opinion o
                        where (:anyId or o.id in (:ids))
                          and (:category = '' or o.category = :category)
                          and (:anyStatus or o.status in (:statuses))
                          and (:channel = '' or o.channel = :channel)
                          and (cast(:from as timestamptz) is null or o.submitted_at >= :from)
                          and (cast(:to as timestamptz) is null or o.submitted_at <= :to)
                        order by o.submitted_at desc, o.id desc
                        limit :limit""")
                .param("anyId", q.ids() == null || q.ids().isEmpty())
                .param("ids", q.ids() == null || q.ids().isEmpty() ? Set.of(-1L) : q.ids())
                .param("category", q.category() == null ? "" : q.category())
                .param("anyStatus", q.statuses() == null || q.statuses().isEmpty())
                .param("statuses", q.statuses() == null || q.statuses().isEmpty() ? Set.of("-") : q.statuses())
                .param("channel", q.channel() == null ? "" : q.channel())
                .param("from", q.from() == null ? null : Timestamp.from(q.from()))
                .param("to", q.to() == null ? null : Timestamp.from(q.to()))
                .param("limit", Math.max(1, Math.min(q.limit(), 1000)))
                .query(Row.class).list();
        Map<Long, org.civicloop.deadlines.ClockView> due = clocks.find(rows.stream()
                .map(Row::activeOrderId).filter(java.util.Objects::nonNull).toList());
        List<View> views = new ArrayList<>();
        DirectoryNames.Places places = rows.isEmpty() ? null : names.places();
        DirectoryNames.Units units = names.units(rows.stream().map(Row::handlingUnitId).toList());
        for (Row r : rows) {
            var clock = r.activeOrderId() == null ? null : due.get(r.activeOrderId());
            View v = new View(r.id(), r.channel(), r.category(), r.content(), r.status(), r.placeCode(),
                    places.name(r.placeCode()), r.placeDetail(), r.submittedAt(), r.updatedAt(), r.reply(), r.repliedAt(),
                    units.name(r.handlingUnitId()), clock == null ? null : clock.dueAt());
            views.add(v);
        }
        return views;
    }

    @Override
    public List<Category> categories() {
        return queries.categories().stream().map(e -> new Category(e.code(), e.nameZh(), e.nameEn())).toList();
    }

    @Override
    public List<Place> places() {
        List<Place> out = new ArrayList<>();
        for (DistrictPlaces.Town t : districtPlaces.towns()) {
            out.add(new Place(t.town().code(), t.town().name(), t.town().level(), t.town().name()));
            t.villages().forEach(v -> out.add(new Place(v.code(), v.name(), v.level(), t.town().name())));
        }
        return out;
    }

    record Row(long id, String channel, String category, String content, String status, String placeCode,
               String placeDetail, Instant submittedAt, Instant updatedAt, String reply,
               Instant repliedAt, Long handlingUnitId, Long activeOrderId) {
    }
}
