package org.civicloop.records.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.opinions.Opinions;
import org.civicloop.organization.CivicUser;
import org.civicloop.records.DutyRecords;
import org.civicloop.records.RecordEvents;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty records and points: a deputy's lines for a year with the rule each counted under, the ranking,
 * the points rules and their history, and manual entries with their review. Points are counted when asked
 * ({@link PointCount}), never stored, so a rule added with a past valid-from date recounts the lines after it.
 */
@Service
@Transactional
public class DutyRecordService implements DutyRecords {

    public static final int TITLE_MAX = 100;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int REASON_MAX = 500;
    public static final int NOTE_MAX = 200;
    public static final int POINTS_MAX = 1000;
    public static final int CAP_MAX = 100000;
    /** The earliest date a line or a rule may carry. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final JdbcClient jdbc;
    private final Deputies deputies;
    private final DeputyRoster roster;
    private final ApplicationEventPublisher events;
    private final Opinions opinions;
    private final ZoneId zone;

    DutyRecordService(JdbcClient jdbc, Deputies deputies, DeputyRoster roster, ApplicationEventPublisher events,
                      Opinions opinions, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.deputies = deputies;
        this.roster = roster;
        this.events = events;
        this.opinions = opinions;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    // --- the public face ---

    @Override
    @Transactional(readOnly = true)
    public int points(long deputyId, int year) {
        return PointCount.total(lines(deputyId, year));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DutyEntry> entries(long deputyId, int year) {
        List<PointLine> lines = new ArrayList<>(lines(deputyId, year));
        lines.sort(Comparator.comparing(PointLine::on).thenComparingLong(PointLine::entryId).reversed());
        return lines.stream().map(l -> new DutyEntry(l.on(), l.kind().name(), l.title(), l.points())).toList();
    }

    // --- records and points ---

    /** The deputy's counted lines of {@code year}, in date order, each with its rule; categories named in Chinese. */
    @Transactional(readOnly = true)
    public List<PointLine> lines(long deputyId, int year) {
        return lines(deputyId, year, Locale.SIMPLIFIED_CHINESE);
    }

    /** The deputy's counted lines of {@code year}, in date order, each with its rule; categories named for {@code locale}. */
    @Transactional(readOnly = true)
    public List<PointLine> lines(long deputyId, int year, Locale locale) {
        List<PointCount.Activity> activities = activities(deputyId, year).getOrDefault(deputyId, List.of());
        return PointCount.count(categoriesNamed(activities, locale), rules());
    }

    /**
     * A line about an opinion names its category in the reader's language, as every other page does. A line
     * written before the category's code was kept is known by the Chinese name it was written with.
     */
    private List<PointCount.Activity> categoriesNamed(List<PointCount.Activity> activities, Locale locale) {
        if (activities.stream().noneMatch(a -> RecordEntries.OPINION.equals(a.source()))) {
            return activities;
        }
        Map<String, Opinions.Category> byCode = new HashMap<>();
        Map<String, Opinions.Category> byName = new HashMap<>();
        for (Opinions.Category c : opinions.categories()) {
            byCode.put(c.code(), c);
            byName.putIfAbsent(c.nameZh(), c);
        }
        return activities.stream().map(a -> {
            if (!RecordEntries.OPINION.equals(a.source())) {
                return a;
            }
            Opinions.Category c = a.category() != null ? byCode.get(a.category()) : a.title() == null ? null : byName.get(a.title());
            return c == null ? a : a.withTitle(c.label(locale));
        }).toList();
    }

    /** One line of the ranking: a deputy, their points and number of activities in a year. */
    public record Standing(int rank, DeputySummary deputy, int points, int activities) {
    }

    /** Every serving deputy's points for {@code year}, most first (equal points share a rank), then by name. */
    @Transactional(readOnly = true)
    public List<Standing> ranking(int year) {
        Map<Long, List<PointCount.Activity>> all = activities(null, year);
        List<PointRule> rules = rules();
        record Scored(DeputySummary d, int points, int activities) {
        }
        List<Scored> scored = new ArrayList<>();
        for (DeputySummary d : roster.active()) {
            List<PointCount.Activity> a = all.getOrDefault(d.id(), List.of());
            scored.add(new Scored(d, PointCount.total(PointCount.count(a, rules)), a.size()));
        }
        scored.sort(Comparator.comparingInt(Scored::points).reversed().thenComparing(s -> s.d().name()));
        List<Standing> standings = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).points() == s.points() ? standings.get(i - 1).rank() : i + 1;
            standings.add(new Standing(rank, s.d(), s.points(), s.activities()));
        }
        return standings;
    }

    /** The years that have lines, newest first, with the current year always among them. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        List<Integer> years = new ArrayList<>(jdbc.sql("""
                select distinct extract(year from occurred_on)::int from record_entry order by 1 desc""")
                .query(Integer.class).list());
        if (!years.contains(today().getYear())) {
            years.add(0, today().getYear());
        }
        years.sort(Comparator.reverseOrder());
        return years;
    }

    private Map<Long, List<PointCount.Activity>> activities(Long deputyId, int year) {
        Map<Long, List<PointCount.Activity>> byDeputy = new HashMap<>();
        // Every line about one suggestion follows one rule: a confidential one's lines show no title, and the others
        // all show it (a line written before the filing that brings the title was handled takes another line's).
        jdbc.sql("""
                        select e.id, e.deputy_id, e.occurred_on, e.kind,
                               case when c.suggestion_id is not null then null
                                    when e.title is null and e.source in (:suggestion) then
                                        (select t.title from record_entry t where t.source in (:suggestion)
                                            and t.source_id = e.source_id and t.title is not null limit 1)
                                    else e.title end,
                               c.suggestion_id is not null, e.source, e.source_id, e.category
                          from record_entry e
                          left join record_confidential_suggestion c on e.source in (:suggestion) and c.suggestion_id = e.source_id
                         where e.occurred_on >= :from and e.occurred_on < :to and (cast(:d as bigint) is null or e.deputy_id = :d)""")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .param("d", deputyId).param("suggestion", List.of(RecordEntries.SUGGESTION, RecordEntries.SUGGESTION_CLASS_A))
                .query((rs, n) -> {
                    ActivityKind kind = ActivityKind.parse(rs.getString(4));
                    if (kind != null) {
                        byDeputy.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new PointCount.Activity(
                                rs.getLong(1), rs.getDate(3).toLocalDate(), kind, rs.getString(5), rs.getBoolean(6),
                                rs.getString(7), rs.getLong(8), rs.getString(9)));
                    }
                    return null;
                }).list();
        return byDeputy;
    }

    // --- rules ---

    /** Every rule ever set, by kind and then newest first. */
    @Transactional(readOnly = true)
    public List<PointRule> rules() {
        return jdbc.sql("select id, kind, points, yearly_cap, valid_from, note, created_by, created_at from record_point_rule")
                .query((rs, n) -> new PointRule(rs.getLong(1), ActivityKind.parse(rs.getString(2)), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list().stream().filter(r -> r.kind() != null)
                .sorted(Comparator.comparing(PointRule::kind).thenComparing(PointRule::validFrom, Comparator.reverseOrder()))
                .toList();
    }

    /** A rule change the office enters; every field is checked before anything is written. */
    public record RuleChange(String kind, Integer points, Integer yearlyCap, LocalDate validFrom, String note) {
    }

    public long addRule(RuleChange c, CivicUser user) {
        if (!RecordPermissions.manages(user)) {
            throw new AccessDeniedException("points rules");
        }
        return addRule(c, user.getUsername());
    }

    /** Adds a rule as {@code actor} (the demo loads its rules this way too). */
    public long addRule(RuleChange c, String actor) {
        List<Problem> problems = ruleProblems(c);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ActivityKind kind = ActivityKind.parse(c.kind());
        long id = jdbc.sql("""
                        insert into record_point_rule (kind, points, yearly_cap, valid_from, note, created_by)
                        values (:k, :p, :cap, :f, :n, :by) returning id""")
                .param("k", kind.name()).param("p", c.points()).param("cap", c.yearlyCap())
                .param("f", Date.valueOf(c.validFrom())).param("n", blankToNull(c.note())).param("by", actor)
                .query(Long.class).single();
        events.publishEvent(new RecordEvents.PointRuleAdded(id, kind.name(), c.points(), c.yearlyCap(), c.validFrom()));
        return id;
    }

    /** Every problem of a rule change (empty when none); nothing is written. */
    @Transactional(readOnly = true)
    public List<Problem> ruleProblems(RuleChange c) {
        List<Problem> problems = new ArrayList<>();
        ActivityKind kind = ActivityKind.parse(c.kind());
        if (kind == null) {
            problems.add(new Problem("kind", "record.error.kind"));
        }
        if (c.points() == null || c.points() < 0 || c.points() > POINTS_MAX) {
            problems.add(new Problem("points", "record.error.points", POINTS_MAX));
        }
        if (c.yearlyCap() != null && (c.yearlyCap() < 0 || c.yearlyCap() > CAP_MAX)) {
            problems.add(new Problem("yearlyCap", "record.error.cap", CAP_MAX));
        }
        if (c.validFrom() == null || c.validFrom().isBefore(EARLIEST) || c.validFrom().getYear() > today().getYear() + 1) {
            problems.add(new Problem("validFrom", "record.error.validFrom", today().getYear() + 1));
        }
        TextRules.check(problems, TextRules.line("note", NOTE_MAX), c.note());
        if (problems.isEmpty()) {
            boolean exists = jdbc.sql("select exists (select 1 from record_point_rule where kind = :k and valid_from = :f)")
                    .param("k", kind.name()).param("f", Date.valueOf(c.validFrom())).query(Boolean.class).single();
            if (exists) {
                problems.add(new Problem("validFrom", "record.error.ruleExists"));
            }
        }
        return problems;
    }

    // --- manual entries ---

    /** A manual entry as listed: for the review queue and the deputy's own page. */
    public record ManualEntry(long id, long deputyId, String deputyName, ActivityKind kind, LocalDate occurredOn, String title,
                              String description, String status, String submittedBy, Instant submittedAt, String decidedBy,
                              String refusalReason) {
    }

    /** A manual entry as typed: every field is checked before anything is written. */
    public record ManualDraft(Long deputyId, String kind, LocalDate occurredOn, String title, String description) {
    }

    /**
     * A deputy enters their own activity, or the office one for any serving deputy; it waits for review.
     */
    public long submitManual(ManualDraft d, CivicUser user) {
        List<Problem> problems = manualProblems(d, user);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Long deputyId = RecordPermissions.manages(user) ? d.deputyId() : ownDeputyId(user).orElseThrow();
        ActivityKind kind = ActivityKind.parse(d.kind());
        long id = jdbc.sql("""
                        insert into record_manual_entry (deputy_id, kind, occurred_on, title, description, status, submitted_by, submitted_at)
                        values (:d, :k, :on, :t, :desc, 'PENDING', :by, now()) returning id""")
                .param("d", deputyId).param("k", kind.name()).param("on", Date.valueOf(d.occurredOn()))
                .param("t", d.title().strip()).param("desc", blankToNull(d.description())).param("by", user.getUsername())
                .query(Long.class).single();
        events.publishEvent(new RecordEvents.ManualEntrySubmitted(id, deputyId, kind.name(), d.occurredOn()));
        return id;
    }

    /** Every problem of a manual entry by this user (empty when none); nothing is written. */
    @Transactional(readOnly = true)
    public List<Problem> manualProblems(ManualDraft d, CivicUser user) {
        Long own = ownDeputyId(user).orElse(null);
        boolean office = RecordPermissions.manages(user);
        if (!office && own == null) {
            throw new AccessDeniedException("manual entry");
        }
        List<Problem> problems = new ArrayList<>();
        if (office && !(d.deputyId() != null && deputies.find(d.deputyId()).isPresent())) {
            problems.add(new Problem("deputyId", "record.error.deputy"));
        }
        ActivityKind kind = ActivityKind.parse(d.kind());
        if (kind == null || !kind.manual()) {
            problems.add(new Problem("kind", "record.error.manualKind"));
        }
        if (d.occurredOn() == null || d.occurredOn().isBefore(EARLIEST) || d.occurredOn().isAfter(today())) {
            problems.add(new Problem("occurredOn", "record.error.occurredOn"));
        }
        TextRules.check(problems, TextRules.line("title", TITLE_MAX).atLeast(2), d.title());
        TextRules.check(problems, TextRules.text("description", DESCRIPTION_MAX), d.description());
        return problems;
    }

    /** The office approves a pending entry: it becomes a line of the record. */
    public void approve(long id, CivicUser user) {
        ManualEntry e = pendingForReview(id, user);
        decide(id, "APPROVED", null, user);
        jdbc.sql("""
                        insert into record_entry (deputy_id, kind, source, source_id, occurred_on, title)
                        values (:d, :k, :s, :id, :on, :t) on conflict (source, source_id, deputy_id) do nothing""")
                .param("d", e.deputyId()).param("k", e.kind().name()).param("s", RecordEntries.MANUAL).param("id", id)
                .param("on", Date.valueOf(e.occurredOn())).param("t", e.title()).update();
        events.publishEvent(new RecordEvents.ManualEntryApproved(id, e.deputyId()));
    }

    /** The office refuses a pending entry, with the reason the deputy reads. */
    public void refuse(long id, String reason, CivicUser user) {
        TextRules.require(TextRules.text("reason", REASON_MAX).atLeast(2), reason);
        ManualEntry e = pendingForReview(id, user);
        decide(id, "REFUSED", reason.strip(), user);
        events.publishEvent(new RecordEvents.ManualEntryRefused(id, e.deputyId(), reason.strip()));
    }

    private ManualEntry pendingForReview(long id, CivicUser user) {
        if (!RecordPermissions.manages(user)) {
            throw new AccessDeniedException("review");
        }
        ManualEntry e = manualEntry(id).orElseThrow(() -> new NotFoundException("manual-entry", id));
        if (!"PENDING".equals(e.status())) {
            throw BusinessException.conflict("record.error.alreadyDecided");
        }
        return e;
    }

    private void decide(long id, String status, String reason, CivicUser user) {
        int changed = jdbc.sql("""
                        update record_manual_entry set status = :st, decided_by = :by, decided_at = now(), refusal_reason = :r
                         where id = :id and status = 'PENDING'""")
                .param("st", status).param("by", user.getUsername()).param("r", reason).param("id", id).update();
        if (changed != 1) {
            throw BusinessException.conflict("record.error.alreadyDecided");
        }
    }

    @Transactional(readOnly = true)
    public Optional<ManualEntry> manualEntry(long id) {
        return manualEntries("where m.id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<ManualEntry> pending() {
        return manualEntries("where m.status = 'PENDING' order by m.submitted_at", Map.of());
    }

    @Transactional(readOnly = true)
    public List<ManualEntry> manualEntriesOf(long deputyId) {
        return manualEntries("where m.deputy_id = :d order by m.submitted_at desc limit 50", Map.of("d", deputyId));
    }

    private List<ManualEntry> manualEntries(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select m.id, m.deputy_id, m.kind, m.occurred_on, m.title, m.description, m.status, m.submitted_by,
                       m.submitted_at, m.decided_by, m.refusal_reason from record_manual_entry m
                """ + where);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> {
            long deputyId = rs.getLong(2);
            return new ManualEntry(rs.getLong(1), deputyId, deputies.find(deputyId).map(DeputySummary::name).orElse(""),
                    ActivityKind.parse(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11));
        }).list();
    }

    /** The deputy linked to this login, if any. */
    public Optional<Long> ownDeputyId(CivicUser user) {
        return RecordPermissions.isDeputy(user) ? deputies.forAccount(user.accountId()).map(DeputySummary::id) : Optional.empty();
    }

    public Optional<DeputySummary> deputy(long id) {
        return deputies.find(id);
    }

    private static String blankToNull(String s) {
        return s == null || TextRules.isBlank(s) ? null : s.strip();
    }

}
