package org.civicloop.suggestions.bulletin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinGenerated;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinPublished;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.KpiSet;
import org.civicloop.suggestions.kpi.SuggestionKpis;
import org.civicloop.suggestions.kpi.UnitKpis;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collective notices (集中通报): the office creates one for a period, which computes the figures
 * through {@link SuggestionKpis} and stores them; it may compute them again until it publishes; once
 * published the stored figures never change (the database refuses it too) and the public sees them.
 * Generating and publishing are audited.
 */
@Service
@Transactional
public class Bulletins {

    /** More overdue items than this in one bulletin would be a list nobody reads; the count stays exact. */
    static final int MAX_OVERDUE_LISTED = 2000;

    private final SuggestionKpis kpis;
    private final BulletinRepository repository;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Bulletins(SuggestionKpis kpis, BulletinRepository repository, JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, ApplicationEventPublisher events) {
        this.kpis = kpis;
        this.repository = repository;
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.events = events;
    }

    public long create(String title, KpiPeriod period, String foreword, CivicUser user) {
        return create(title, period, foreword, user, Instant.now());
    }

    /** A new bulletin with its figures as of {@code now}. */
    public long create(String title, KpiPeriod period, String foreword, CivicUser user, Instant now) {
        requireOffice(user);
        Bulletin b = repository.save(Bulletin.create(title, period, foreword, user.getUsername(), now));
        generate(b, user, now);
        return b.id();
    }

    public void regenerate(long id, CivicUser user) {
        regenerate(id, user, Instant.now());
    }

    /** The figures again, as of {@code now}; refused once published. */
    public void regenerate(long id, CivicUser user, Instant now) {
        requireOffice(user);
        generate(lock(id), user, now);
    }

    public void publish(long id, CivicUser user) {
        publish(id, user, Instant.now());
    }

    public void publish(long id, CivicUser user, Instant now) {
        requireOffice(user);
        Bulletin b = lock(id);
        BulletinPublished published = b.publish(user.getUsername(), now);
        repository.save(b);
        events.publishEvent(published);
    }

    /** Computes the figures as of {@code now} and stores them in place of any before. */
    private void generate(Bulletin b, CivicUser user, Instant now) {
        KpiReport report = kpis.compute(b.period(), now);
        BulletinGenerated generated = b.generate(report, user.getUsername(), now);
        long id = b.id();
        repository.save(b);
        jdbc.sql("delete from suggestion_bulletin_unit where bulletin_id = :id").param("id", id).update();
        jdbc.sql("delete from suggestion_bulletin_overdue where bulletin_id = :id").param("id", id).update();
        List<SuggestionKpis.KpiItem> overdue = kpis.items(b.period(), null, KpiSet.OVERDUE, null, now, MAX_OVERDUE_LISTED);

        List<Object[]> units = new ArrayList<>();
        int position = 0;
        for (UnitKpis u : report.units()) {
            units.add(unitRow(id, position++, u));
        }
        units.add(unitRow(id, position, report.district()));
        batch.batchUpdate("""
                insert into suggestion_bulletin_unit (bulletin_id, position, unit_id, unit_name, suggestions, assigned, replied,
                    on_time, late, overdue, evaluated, satisfied, classified, solved, implemented, met, class_counts)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", units);

        ZoneId zone = kpis.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<Long, String> names = kpis.unitNames(overdue.stream().map(SuggestionKpis.KpiItem::unitId)
                .collect(java.util.stream.Collectors.toSet()));
        List<Object[]> rows = new ArrayList<>();
        position = 0;
        for (SuggestionKpis.KpiItem i : overdue) {
            int days = (int) Math.max(1, ChronoUnit.DAYS.between(i.dueAt().atZone(zone).toLocalDate(), today));
            rows.add(new Object[] {id, position++, i.suggestionId(), i.confidential() ? null : i.title(), i.confidential(),
                    i.unitId(), names.get(i.unitId()), i.role(), Timestamp.from(i.dueAt()), days});
        }
        batch.batchUpdate("""
                insert into suggestion_bulletin_overdue (bulletin_id, position, suggestion_id, title, confidential, unit_id,
                    unit_name, role, due_at, days_overdue)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        events.publishEvent(generated);
    }

    private Object[] unitRow(long id, int position, UnitKpis u) {
        return new Object[] {id, position, u.unitId(), u.district() ? "" : u.unitName(), u.suggestions(), u.assigned(), u.replied(),
                u.onTime(), u.late(), u.overdue(), u.evaluated(), u.satisfied(), u.classified(), u.solved(), u.implemented(),
                u.met(), json.writeValueAsString(u.classes())};
    }

    @Transactional(readOnly = true)
    public List<BulletinView.Summary> all() {
        return jdbc.sql("""
                select id, title, period_code, period_from, period_to, status, generated_at, published_at
                  from suggestion_bulletin order by created_at desc, id desc limit 500""").query(BulletinView.Summary.class).list();
    }

    /** Published bulletins, newest first: what the public may see. */
    @Transactional(readOnly = true)
    public List<BulletinView.Summary> published() {
        return jdbc.sql("""
                select id, title, period_code, period_from, period_to, status, generated_at, published_at
                  from suggestion_bulletin where status = 'PUBLISHED' order by published_at desc, id desc limit 500""")
                .query(BulletinView.Summary.class).list();
    }

    /** Any bulletin, for the office. */
    @Transactional(readOnly = true)
    public BulletinView find(long id) {
        return load(id).orElseThrow(() -> new NotFoundException("bulletin", id));
    }

    /** A published bulletin; an unpublished one does not exist for the public. */
    @Transactional(readOnly = true)
    public BulletinView findPublished(long id) {
        return load(id).filter(BulletinView::published).orElseThrow(() -> new NotFoundException("bulletin", id));
    }

    private record Header(long id, String title, String periodCode, LocalDate periodFrom, LocalDate periodTo, String foreword,
                          String status, String classes, String solvedClasses, String implementedClasses, Instant generatedAt,
                          String generatedBy, Instant publishedAt, String publishedBy) {
    }

    private Optional<BulletinView> load(long id) {
        Optional<Header> found = jdbc.sql("""
                select id, title, period_code, period_from, period_to, foreword, status, classes::text as classes,
                       solved_classes, implemented_classes, generated_at, generated_by, published_at, published_by
                  from suggestion_bulletin where id = :id""").param("id", id).query(Header.class).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Header h = found.get();
        List<UnitKpis> units = new ArrayList<>();
        UnitKpis[] district = {null};
        jdbc.sql("""
                select unit_id, unit_name, suggestions, assigned, replied, on_time, late, overdue, evaluated, satisfied,
                       classified, solved, implemented, met, class_counts::text as class_counts
                  from suggestion_bulletin_unit where bulletin_id = :id order by position""").param("id", id)
                .query((rs, i) -> new UnitKpis(rs.getObject("unit_id") == null ? null : rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getLong("suggestions"), rs.getLong("assigned"), rs.getLong("replied"),
                        rs.getLong("on_time"), rs.getLong("late"), rs.getLong("overdue"), rs.getLong("evaluated"),
                        rs.getLong("satisfied"), rs.getLong("classified"), rs.getLong("solved"), rs.getLong("implemented"),
                        rs.getLong("met"), classCounts(rs.getString("class_counts"))))
                .list().forEach(u -> {
                    if (u.district()) {
                        district[0] = u;
                    } else {
                        units.add(u);
                    }
                });
        List<BulletinView.Overdue> overdue = jdbc.sql("""
                select suggestion_id, title, confidential, unit_name, role, due_at, days_overdue
                  from suggestion_bulletin_overdue where bulletin_id = :id order by position""").param("id", id)
                .query(BulletinView.Overdue.class).list();
        List<KpiReport.ResultClass> classes = repository.classes(h.classes());
        return Optional.of(new BulletinView(h.id(), h.title(), new KpiPeriod(h.periodFrom(), h.periodTo(), h.periodCode()),
                h.foreword(), h.status(), classes, BulletinRepository.split(h.solvedClasses()), BulletinRepository.split(h.implementedClasses()), h.generatedAt(),
                h.generatedBy(), h.publishedAt(), h.publishedBy(), List.copyOf(units), district[0], overdue));
    }

    private Map<String, Long> classCounts(String text) {
        Map<String, Long> counts = json.readValue(text, new TypeReference<LinkedHashMap<String, Long>>() { });
        return Map.copyOf(counts);
    }


    private Bulletin lock(long id) {
        return repository.lock(id).orElseThrow(() -> new NotFoundException("bulletin", id));
    }

    private static void requireOffice(CivicUser user) {
        if (user == null || !user.hasRole(Role.CONGRESS_OFFICE)) {
            throw new AccessDeniedException("bulletin");
        }
    }
}
