package org.civicloop.performance.work.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.performance.work.WorkEvents.InstructionGiven;
import org.civicloop.performance.work.WorkEvents.WorkItemCreated;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.BusinessException;

/**
 * One item of tracked work (督办事项): what, of which kind and year, which unit owns it and which
 * leader leads it, and the months its owner unit has reported on (one report a month). Milestones
 * live on the one clock ({@link WorkService}); an investment project's stage and money in
 * {@link InvestmentProject}. Nothing here reads a clock or a database.
 */
public class WorkItem extends AggregateRoot {

    private final WorkKind kind;
    private final int year;
    private final String title;
    private final String description;
    private final long ownerUnitId;
    private final long leaderAccountId;
    private final Instant createdAt;
    private final String createdBy;
    private final Set<YearMonth> reportedMonths;
    private final List<Report> newReports = new ArrayList<>();

    /** A month's progress report, as filed. */
    public record Report(YearMonth month, String text, Instant at, String by) {
    }

    WorkItem(Long id, WorkKind kind, int year, String title, String description, long ownerUnitId, long leaderAccountId,
             Instant createdAt, String createdBy, Set<YearMonth> reportedMonths) {
        super(id);
        this.kind = kind;
        this.year = year;
        this.title = title;
        this.description = description;
        this.ownerUnitId = ownerUnitId;
        this.leaderAccountId = leaderAccountId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.reportedMonths = new TreeSet<>(reportedMonths);
    }

    /** A new item; whether the unit and the leader exist is the caller's to check (they are another module's data). */
    public static WorkItem create(WorkKind kind, Integer year, String title, String description, long ownerUnitId,
                                  long leaderAccountId, String by, Instant now) {
        if (kind == null) {
            throw BusinessException.invalid("performance.work.error.required.kind");
        }
        if (year == null || year < 2000 || year > 2100) {
            throw BusinessException.invalid("performance.work.error.year", 2000, 2100);
        }
        return new WorkItem(null, kind, year, Texts.required(title, 200, "title"), Texts.optional(description, 4000),
                ownerUnitId, leaderAccountId, now, by, Set.of());
    }

    /** The event of a new item, once it has its id. */
    public WorkItemCreated created() {
        return new WorkItemCreated(id(), kind.name(), year, title, ownerUnitId, leaderAccountId);
    }

    /**
     * The owner unit's progress report of a month: this month or the last (a late one), not a month
     * before the item existed, and once per month.
     */
    public Report fileReport(YearMonth month, String text, String by, Instant now, ZoneId zone) {
        YearMonth thisMonth = YearMonth.from(now.atZone(zone));
        if (month == null) {
            throw BusinessException.invalid("performance.work.error.monthRequired");
        }
        if (month.isAfter(thisMonth) || month.isBefore(thisMonth.minusMonths(1))
                || month.isBefore(YearMonth.from(createdAt.atZone(zone)))) {
            throw BusinessException.invalid("performance.work.error.month");
        }
        if (reportedMonths.contains(month)) {
            throw BusinessException.conflict("performance.work.error.monthReported", month.getYear(), month.getMonthValue());
        }
        Report report = new Report(month, Texts.required(text, 20000, "report"), now, by);
        reportedMonths.add(month);
        newReports.add(report);
        return report;
    }

    /** A leader's instruction (批示): checked text; the service stores it and publishes {@link InstructionGiven}. */
    public static String instruction(String text) {
        return Texts.required(text, 2000, "instruction");
    }

    /** How far ahead a milestone may be due. */
    static final int FURTHEST_YEARS = 10;

    /** A milestone's title and due day, checked: the day not before {@code today}. */
    public static String milestone(String title, LocalDate dueOn, LocalDate today) {
        String t = Texts.required(title, 200, "milestoneTitle");
        if (dueOn == null || dueOn.isBefore(today)) {
            throw BusinessException.invalid("performance.work.error.dueOn");
        }
        if (dueOn.isAfter(today.plusYears(FURTHEST_YEARS))) { // 9999-12-31 is a slip, not a plan
            throw BusinessException.invalid("performance.work.error.dueOnTooFar", FURTHEST_YEARS);
        }
        return t;
    }

    List<Report> takeNewReports() {
        List<Report> taken = List.copyOf(newReports);
        newReports.clear();
        return taken;
    }

    public WorkKind kind() { return kind; }
    public int year() { return year; }
    public String title() { return title; }
    public String description() { return description; }
    public long ownerUnitId() { return ownerUnitId; }
    public long leaderAccountId() { return leaderAccountId; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Set<YearMonth> reportedMonths() { return Set.copyOf(reportedMonths); }
}
