package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.suggestions.domain.SuggestionQueries.Entry;
import org.civicloop.suggestions.domain.SuggestionQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models of the supervision pages. Data scope is SQL: a unit's lists hold only its own unit's
 * items ({@code unit_id = :unit}), a leader's only those they are named on. Id filters use 0 and text
 * filters '' for "any".
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SupervisionQueries {

    private final JdbcClient jdbc;

    public record Page<T>(List<T> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public List<Entry> activityKinds() {
        return jdbc.sql("select code, name_zh, name_en from supervision_activity_kind where active order by sort, code")
                .query(Entry.class).list();
    }

    public record Pick(long id, String title) {
    }

    /** Registered suggestions (newest first) a resolution can cover. */
    public List<Pick> registeredSuggestions(int limit) {
        return jdbc.sql("""
                select id, title from suggestion where status not in ('DRAFT', 'SUBMITTED', 'RETURNED', 'NOT_REGISTERED')
                 order by registered_at desc nulls last, id desc limit :limit""").param("limit", limit).query(Pick.class).list();
    }

    // ---- lead supervision of key suggestions

    /**
     * A key suggestion under lead supervision; {@code replyDueAt}/{@code replyWarnAt}: its running reply
     * deadline, as on every suggestion list ({@link SuggestionQueries#NEAREST_DUE}).
     */
    public record KeyRow(long suggestionId, String title, String status, Long leaderAccountId, LocalDate nextMilestone,
                         LocalDate lastActivityOn, int activities, Instant replyDueAt, Instant replyWarnAt) {
    }

    private static final String KEY_SELECT = """
            select s.id as suggestion_id, s.title, s.status, l.leader_account_id, l.next_milestone,
                   (select max(a.held_on) from supervision_activity a where a.suggestion_id = s.id) as last_activity_on,
                   (select count(*) from supervision_activity a where a.suggestion_id = s.id) as activities,
                   d.due_at as reply_due_at, d.warn_at as reply_warn_at
              from suggestion s left join supervision_lead l on l.suggestion_id = s.id""" + SuggestionQueries.NEAREST_DUE + """
             where s.key_suggestion and s.status not in ('DRAFT', 'SUBMITTED', 'RETURNED', 'NOT_REGISTERED')""";

    /** Key suggestions with their lead supervisor; {@code withoutLeader} keeps those still without one. */
    public Page<KeyRow> keySuggestions(String q, boolean withoutLeader, int page, int size) {
        String where = " and (:q = '' or s.title ilike '%' || :q || '%') and (not :without or l.suggestion_id is null)";
        long total = jdbc.sql("select count(*) from (" + KEY_SELECT + where + ") x").param("q", q).param("without", withoutLeader)
                .query(Long.class).single();
        List<KeyRow> rows = jdbc.sql(KEY_SELECT + where + " order by l.next_milestone nulls last, s.id desc limit :size offset :offset")
                .param("q", q).param("without", withoutLeader).param("size", size).param("offset", (long) page * size)
                .query(KeyRow.class).list();
        return new Page<>(rows, page, size, total);
    }

    /** One key suggestion with its lead supervisor and reply deadline, as the desk and the leader's list read it. */
    public Optional<KeyRow> keySuggestion(long suggestionId) {
        return jdbc.sql(KEY_SELECT + " and s.id = :id").param("id", suggestionId).query(KeyRow.class).optional();
    }

    /** The key suggestions a leader leads the supervision of, the nearest milestone first. */
    public List<KeyRow> keySuggestionsLedBy(long leaderAccountId) {
        return jdbc.sql(KEY_SELECT + " and l.leader_account_id = :l order by l.next_milestone nulls last, s.id desc limit 500")
                .param("l", leaderAccountId).query(KeyRow.class).list();
    }

    public record Lead(long leaderAccountId, LocalDate nextMilestone, Instant namedAt, String namedBy) {
    }

    public Optional<Lead> lead(long suggestionId) {
        return jdbc.sql("select leader_account_id, next_milestone, named_at, named_by from supervision_lead where suggestion_id = :s")
                .param("s", suggestionId).query(Lead.class).optional();
    }

    public record Activity(long id, String kind, String kindZh, String kindEn, LocalDate heldOn, String place, String participants,
                           String summary, LocalDate nextMilestone, long recordedByAccount, Instant recordedAt) {
        public String kindLabel(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? kindEn : kindZh;
        }
    }

    /** A suggestion's supervision activities, the latest first. */
    public List<Activity> activities(long suggestionId) {
        return jdbc.sql("""
                select a.id, a.kind, k.name_zh as kind_zh, k.name_en as kind_en, a.held_on, a.place, a.participants, a.summary,
                       a.next_milestone, a.recorded_by_account, a.recorded_at
                  from supervision_activity a join supervision_activity_kind k on k.code = a.kind
                 where a.suggestion_id = :s order by a.held_on desc, a.id desc""")
                .param("s", suggestionId).query(Activity.class).list();
    }

    // ---- continuous supervision

    public List<Integer> continuousYears() {
        return jdbc.sql("select distinct year from supervision_continuous_year order by year desc").query(Integer.class).list();
    }

    /**
     * One year's list. {@code solved}: the item was marked solved (in any year); {@code carriedOn}: it
     * is also on the next year's list; {@code reported}: the unit reported for this year.
     */
    public record ContinuousRow(long itemId, long suggestionId, String title, long unitId, String resultClass, int firstYear,
                                boolean carried, boolean reported, LocalDate solvedOn, boolean carriedOn) {
    }

    private static final String CONTINUOUS_SELECT = """
            select c.id as item_id, c.suggestion_id, s.title, c.unit_id, c.result_class, c.first_year, y.carried,
                   y.progress_report is not null as reported, c.solved_on,
                   exists (select 1 from supervision_continuous_year n where n.item_id = c.id and n.year = y.year + 1) as carried_on
              from supervision_continuous_year y join supervision_continuous c on c.id = y.item_id
              join suggestion s on s.id = c.suggestion_id
             where y.year = :year and (:unit = 0 or c.unit_id = :unit) and (:q = '' or s.title ilike '%' || :q || '%')
               and (:state = '' or (:state = 'OPEN' and c.solved_on is null) or (:state = 'SOLVED' and c.solved_on is not null))""";

    /** {@code state}: '' all, OPEN unsolved, SOLVED. */
    public Page<ContinuousRow> continuous(int year, long unitId, String q, String state, int page, int size) {
        long total = jdbc.sql("select count(*) from (" + CONTINUOUS_SELECT + ") x").param("year", year).param("unit", unitId)
                .param("q", q).param("state", state).query(Long.class).single();
        List<ContinuousRow> rows = jdbc.sql(CONTINUOUS_SELECT + " order by c.solved_on is not null, c.first_year, c.id limit :size offset :offset")
                .param("year", year).param("unit", unitId).param("q", q).param("state", state)
                .param("size", size).param("offset", (long) page * size).query(ContinuousRow.class).list();
        return new Page<>(rows, page, size, total);
    }

    public record ContinuousCounts(long items, long solved, long carriedOn) {
    }

    public ContinuousCounts continuousCounts(int year) {
        return jdbc.sql("select count(*) as items, count(*) filter (where solved_on is not null) as solved, "
                        + "count(*) filter (where carried_on) as carried_on from (" + CONTINUOUS_SELECT + ") x")
                .param("year", year).param("unit", 0L).param("q", "").param("state", "").query(ContinuousCounts.class).single();
    }

    public record ContinuousItem(long id, long suggestionId, String title, long unitId, String resultClass, int firstYear,
                                 LocalDate solvedOn, String solvedNote, String solvedBy) {
    }

    public Optional<ContinuousItem> continuousItem(long id) {
        return jdbc.sql("""
                select c.id, c.suggestion_id, s.title, c.unit_id, c.result_class, c.first_year, c.solved_on, c.solved_note, c.solved_by
                  from supervision_continuous c join suggestion s on s.id = c.suggestion_id where c.id = :id""")
                .param("id", id).query(ContinuousItem.class).optional();
    }

    public Optional<ContinuousItem> continuousItemOf(long suggestionId) {
        return jdbc.sql("select id from supervision_continuous where suggestion_id = :s").param("s", suggestionId)
                .query(Long.class).optional().flatMap(this::continuousItem);
    }

    public record YearRow(int year, boolean carried, String progressReport, Instant reportedAt, String reportedBy) {
    }

    /** The item's history, year by year, oldest first. */
    public List<YearRow> continuousHistory(long itemId) {
        return jdbc.sql("""
                select year, carried, progress_report, reported_at, reported_by from supervision_continuous_year
                 where item_id = :i order by year""").param("i", itemId).query(YearRow.class).list();
    }

    /** A unit's unsolved continuous items on the latest list each is on, to report on. */
    public List<ContinuousRow> continuousOfUnit(long unitId) {
        return jdbc.sql("""
                select c.id as item_id, c.suggestion_id, s.title, c.unit_id, c.result_class, c.first_year, y.carried,
                       y.progress_report is not null as reported, c.solved_on, false as carried_on
                  from supervision_continuous c join suggestion s on s.id = c.suggestion_id
                  join supervision_continuous_year y on y.item_id = c.id
                        and y.year = (select max(m.year) from supervision_continuous_year m where m.item_id = c.id)
                 where c.unit_id = :unit and c.solved_on is null
                 order by y.progress_report is not null, c.id limit 500""").param("unit", unitId).query(ContinuousRow.class).list();
    }

    // ---- tracking

    public record TrackingRow(long id, long suggestionId, String title, long unitId, Long leaderAccountId, int intervalMonths,
                              LocalDate startsOn, LocalDate nextDueOn, int reportsMade, String status) {
    }

    private static final String TRACKING_SELECT = """
            select t.id, t.suggestion_id, s.title, t.unit_id, t.leader_account_id, t.interval_months, t.starts_on, t.next_due_on,
                   t.reports_made, t.status
              from supervision_tracking t join suggestion s on s.id = t.suggestion_id""";

    /** The office's tracking list; {@code status} '' for all; {@code overdueOnly} those past their next due day. */
    public Page<TrackingRow> tracking(String status, long unitId, boolean overdueOnly, LocalDate today, int page, int size) {
        String where = " " + """
                where (:status = '' or t.status = :status) and (:unit = 0 or t.unit_id = :unit)
                  and (not :overdue or (t.status = 'OPEN' and t.next_due_on < :today))""";
        long total = jdbc.sql("select count(*) from supervision_tracking t" + where).param("status", status).param("unit", unitId)
                .param("overdue", overdueOnly).param("today", today).query(Long.class).single();
        List<TrackingRow> rows = jdbc.sql(TRACKING_SELECT + where + " order by t.status desc, t.next_due_on, t.id limit :size offset :offset")
                .param("status", status).param("unit", unitId).param("overdue", overdueOnly).param("today", today)
                .param("size", size).param("offset", (long) page * size).query(TrackingRow.class).list();
        return new Page<>(rows, page, size, total);
    }

    /** Open tracking items of one unit (data scope), the nearest due first. */
    public List<TrackingRow> trackingOfUnit(long unitId) {
        return jdbc.sql(TRACKING_SELECT + " where t.unit_id = :unit and t.status = 'OPEN' order by t.next_due_on, t.id limit 500")
                .param("unit", unitId).query(TrackingRow.class).list();
    }

    public List<TrackingRow> trackingLedBy(long leaderAccountId) {
        return jdbc.sql(TRACKING_SELECT + " where t.leader_account_id = :l and t.status = 'OPEN' order by t.next_due_on, t.id limit 500")
                .param("l", leaderAccountId).query(TrackingRow.class).list();
    }

    public List<TrackingRow> trackingOf(long suggestionId) {
        return jdbc.sql(TRACKING_SELECT + " where t.suggestion_id = :s order by t.id").param("s", suggestionId).query(TrackingRow.class).list();
    }

    public record TrackingDetail(long id, long suggestionId, String title, long unitId, Long leaderAccountId, int intervalMonths,
                                 LocalDate startsOn, LocalDate nextDueOn, int reportsMade, String status, String note,
                                 Instant openedAt, String openedBy, Instant closedAt, String closeNote) {
    }

    public Optional<TrackingDetail> trackingDetail(long id) {
        return jdbc.sql("""
                select t.id, t.suggestion_id, s.title, t.unit_id, t.leader_account_id, t.interval_months, t.starts_on, t.next_due_on,
                       t.reports_made, t.status, t.note, t.opened_at, t.opened_by, t.closed_at, t.close_note
                  from supervision_tracking t join suggestion s on s.id = t.suggestion_id where t.id = :id""")
                .param("id", id).query(TrackingDetail.class).optional();
    }

    public record TrackingReport(int period, LocalDate dueOn, String report, boolean late, Instant reportedAt, String reportedBy) {
    }

    public List<TrackingReport> trackingReports(long trackingId) {
        return jdbc.sql("""
                select period, due_on, report, late, reported_at, reported_by from supervision_tracking_report
                 where tracking_id = :t order by period""").param("t", trackingId).query(TrackingReport.class).list();
    }

    // ---- resolutions

    /** {@code unitsReported}: how many of its units have reported at least once. */
    public record ResolutionRow(long id, String number, String title, LocalDate adoptedOn, LocalDate dueOn, String status,
                                Long leaderAccountId, int units, int unitsReported) {
        public boolean allReported() {
            return unitsReported >= units;
        }
    }

    private static final String RESOLUTION_SELECT = """
            select r.id, r.number, r.title, r.adopted_on, r.due_on, r.status, r.leader_account_id,
                   (select count(*) from supervision_resolution_unit u where u.resolution_id = r.id) as units,
                   (select count(distinct p.unit_id) from supervision_resolution_report p where p.resolution_id = r.id) as units_reported
              from supervision_resolution r""";

    public Page<ResolutionRow> resolutions(String status, String q, int page, int size) {
        String where = " where (:status = '' or r.status = :status) and (:q = '' or r.title ilike '%' || :q || '%' or r.number ilike '%' || :q || '%')";
        long total = jdbc.sql("select count(*) from supervision_resolution r" + where).param("status", status).param("q", q)
                .query(Long.class).single();
        List<ResolutionRow> rows = jdbc.sql(RESOLUTION_SELECT + where + " order by r.status desc, r.due_on, r.id limit :size offset :offset")
                .param("status", status).param("q", q).param("size", size).param("offset", (long) page * size)
                .query(ResolutionRow.class).list();
        return new Page<>(rows, page, size, total);
    }

    public List<ResolutionRow> resolutionsLedBy(long leaderAccountId) {
        return jdbc.sql(RESOLUTION_SELECT + " where r.leader_account_id = :l and r.status = 'OPEN' order by r.due_on, r.id limit 500")
                .param("l", leaderAccountId).query(ResolutionRow.class).list();
    }

    public List<ResolutionRow> resolutionsCovering(long suggestionId) {
        return jdbc.sql(RESOLUTION_SELECT + " where exists (select 1 from supervision_resolution_suggestion x"
                        + " where x.resolution_id = r.id and x.suggestion_id = :s) order by r.adopted_on, r.id")
                .param("s", suggestionId).query(ResolutionRow.class).list();
    }

    /** Open resolutions naming a unit, with whether that unit has reported (data scope by unit). */
    public record UnitResolution(long id, String number, String title, LocalDate dueOn, boolean reported) {
    }

    public List<UnitResolution> resolutionsOfUnit(long unitId) {
        return jdbc.sql("""
                select r.id, r.number, r.title, r.due_on,
                       exists (select 1 from supervision_resolution_report p where p.resolution_id = r.id and p.unit_id = :unit) as reported
                  from supervision_resolution r join supervision_resolution_unit u on u.resolution_id = r.id and u.unit_id = :unit
                 where r.status = 'OPEN' order by reported, r.due_on, r.id limit 500""").param("unit", unitId).query(UnitResolution.class).list();
    }

    public record ResolutionDetail(long id, String number, String title, LocalDate adoptedOn, String text, String followUp,
                                   LocalDate dueOn, Long leaderAccountId, String status, Instant createdAt, String createdBy,
                                   Instant closedAt, String closeNote) {
    }

    public Optional<ResolutionDetail> resolution(long id) {
        return jdbc.sql("""
                select id, number, title, adopted_on, text, follow_up, due_on, leader_account_id, status, created_at, created_by,
                       closed_at, close_note from supervision_resolution where id = :id""").param("id", id).query(ResolutionDetail.class).optional();
    }

    public List<Pick> resolutionSuggestions(long id) {
        return jdbc.sql("""
                select s.id, s.title from supervision_resolution_suggestion x join suggestion s on s.id = x.suggestion_id
                 where x.resolution_id = :r order by s.id""").param("r", id).query(Pick.class).list();
    }

    public record UnitFollowUp(long unitId, int reports, Instant lastReportedAt) {
    }

    public List<UnitFollowUp> resolutionUnits(long id) {
        return jdbc.sql("""
                select u.unit_id, count(p.id) as reports, max(p.reported_at) as last_reported_at
                  from supervision_resolution_unit u
                  left join supervision_resolution_report p on p.resolution_id = u.resolution_id and p.unit_id = u.unit_id
                 where u.resolution_id = :r group by u.unit_id order by u.unit_id""").param("r", id).query(UnitFollowUp.class).list();
    }

    public record ResolutionReport(long unitId, String report, boolean late, Instant reportedAt, String reportedBy) {
    }

    public List<ResolutionReport> resolutionReports(long id) {
        return jdbc.sql("""
                select unit_id, report, late, reported_at, reported_by from supervision_resolution_report
                 where resolution_id = :r order by reported_at, id""").param("r", id).query(ResolutionReport.class).list();
    }
}
