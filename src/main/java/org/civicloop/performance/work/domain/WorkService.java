package org.civicloop.performance.work.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.DeadlineApproaching;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.notifications.Notifications;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.performance.work.WorkEvents.InstructionGiven;
import org.civicloop.performance.work.WorkEvents.MilestoneAdded;
import org.civicloop.performance.work.WorkEvents.MilestoneCompleted;
import org.civicloop.performance.work.WorkEvents.MilestoneMissed;
import org.civicloop.performance.work.WorkEvents.ProgressReported;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moves of tracked work: each loads (locked), asks {@link WorkPermissions}, moves, saves and
 * publishes in one transaction, so a refusal writes nothing. Milestones are clocks of the deadlines
 * module (subject {@value #MILESTONE}, rule {@value #RULE}); a missed one is escalated to the leading
 * leader and the evaluation office through the staff inbox.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WorkService {

    /** The clock subject of a milestone; its id is the milestone's. */
    public static final String MILESTONE = "performance-milestone";
    /** The deadline rule of milestones: due at the end of the day given (the next working day when that is a day of rest). */
    public static final String RULE = "performance.work.milestone";

    private final WorkRepository repository;
    private final WorkPermissions permissions = new WorkPermissions();
    private final Deadlines deadlines;
    private final WorkingCalendars calendars;
    private final Directory directory;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    public WorkPermissions permissions() {
        return permissions;
    }

    @Transactional
    public long create(NewWorkItem n, CivicUser user) {
        return create(n, user, Instant.now());
    }

    /** The evaluation office puts an item under tracking; an investment project starts at 线索. */
    @Transactional
    public long create(NewWorkItem n, CivicUser user, Instant now) {
        if (!permissions.isOffice(user)) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        if (n.ownerUnitId() == null || directory.unitName(n.ownerUnitId()).isEmpty()) {
            throw BusinessException.invalid("performance.work.error.required.ownerUnit");
        }
        if (n.leaderAccountId() == null || !directory.accountsWithRole(Role.LEADER).contains(n.leaderAccountId())) {
            throw BusinessException.invalid("performance.work.error.required.leader");
        }
        WorkItem item = WorkItem.create(n.kind(), n.year(), n.title(), n.description(), n.ownerUnitId(), n.leaderAccountId(),
                user.getUsername(), now);
        InvestmentProject check = item.kind() == WorkKind.INVESTMENT ? InvestmentProject.open(0, n.investor(), n.industry(), now) : null;
        if (repository.titleTaken(item.kind(), item.year(), item.title())) {
            throw BusinessException.conflict("performance.work.error.titleTaken");
        }
        repository.save(item);
        if (check != null) {
            repository.insert(InvestmentProject.open(item.id(), check.investor(), check.industry(), now));
        }
        events.publishEvent(item.created());
        return item.id();
    }

    /** A milestone due at the end of {@code dueOn} on the one clock (working-day aware); the evaluation office sets it. */
    @Transactional
    public long addMilestone(long itemId, String title, LocalDate dueOn, CivicUser user, Instant now) {
        WorkItem item = item(itemId, user);
        if (!permissions.isOffice(user)) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        String t = WorkItem.milestone(title, dueOn, now.atZone(zone).toLocalDate());
        return milestone(item, t, dueOn, user.getUsername(), now);
    }

    /** For the demo: a milestone set on an earlier day, possibly due already. */
    @Transactional
    public long addPastMilestone(long itemId, String title, LocalDate dueOn, String by, Instant setAt) {
        WorkItem item = repository.lockItem(itemId).orElseThrow(() -> new NotFoundException("performance-work-item", itemId));
        return milestone(item, WorkItem.milestone(title, dueOn, setAt.atZone(zone).toLocalDate()), dueOn, by, setAt);
    }

    private long milestone(WorkItem item, String title, LocalDate dueOn, String by, Instant now) {
        long id = repository.insertMilestone(item.id(), title, dueOn, now, by);
        // the clock runs one working day from the working day before the due day: it ends at the end of
        // the due day, or of the next working day when the due day is a day of rest (Civil Code art. 203)
        WorkingCalendar calendar = calendars.current();
        LocalDate before = calendar.plusWorkingDays(dueOn, -1);
        Instant startAt = before.atStartOfDay(zone).toInstant();
        ClockView clock = deadlines.start(MILESTONE, Long.toString(id), RULE, RULE, startAt);
        repository.milestoneClock(id, clock.dueAt(), clock.warnAt());
        events.publishEvent(new MilestoneAdded(item.id(), id, title, dueOn));
        return id;
    }

    /** The milestone is reached: its clock stops (keeping whether it was on time). */
    @Transactional
    public void completeMilestone(long itemId, long milestoneId, CivicUser user, Instant now) {
        WorkItem item = item(itemId, user);
        if (!permissions.mayWorkOn(user, item.ownerUnitId())) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        var m = repository.lockMilestone(milestoneId).filter(x -> x.itemId() == itemId)
                .orElseThrow(() -> new NotFoundException("performance-milestone", milestoneId));
        if (m.doneAt() != null) {
            throw BusinessException.conflict("performance.work.error.milestoneDone");
        }
        ClockView clock = deadlines.stop(MILESTONE, Long.toString(milestoneId), now);
        repository.milestoneDone(milestoneId, now, user.getUsername());
        events.publishEvent(new MilestoneCompleted(itemId, milestoneId, clock.overdue()));
    }

    /** The owner unit's report of a month (this month or the last); once per month. */
    @Transactional
    public long fileReport(long itemId, YearMonth month, String text, CivicUser user, Instant now) {
        WorkItem item = item(itemId, user);
        if (!permissions.mayReport(user, item.ownerUnitId())) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        return report(item, month, text, user.getUsername(), now);
    }

    /** For the demo: a report filed by the owner unit's account at an earlier time. */
    @Transactional
    public long fileReportAs(long itemId, YearMonth month, String text, String by, Instant at) {
        WorkItem item = repository.lockItem(itemId).orElseThrow(() -> new NotFoundException("performance-work-item", itemId));
        return report(item, month, text, by, at);
    }

    private long report(WorkItem item, YearMonth month, String text, String by, Instant now) {
        item.fileReport(month, text, by, now, zone);
        long id = repository.saveReports(item);
        events.publishEvent(new ProgressReported(item.id(), id, month.atDay(1)));
        return id;
    }

    /** A leader's comment or instruction (批示); the owner unit's staff are told. */
    @Transactional
    public long instruct(long itemId, String text, CivicUser user, Instant now) {
        WorkItem item = item(itemId, user);
        if (!permissions.mayInstruct(user)) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        long id = repository.insertInstruction(itemId, WorkItem.instruction(text), now, user.accountId());
        for (Long a : directory.accountsOfUnit(item.ownerUnitId(), Role.HANDLING_UNIT)) {
            notifications.notifyStaff(a, "performance.work.notice.instructed", List.of(item.title(), user.displayName()), link(item));
        }
        events.publishEvent(new InstructionGiven(itemId, id));
        return id;
    }

    /** Moves an investment project: forward one stage, pause, resume or terminate. */
    @Transactional
    public void moveProject(long itemId, ProjectStage to, BigDecimal contractValue, String note, CivicUser user, Instant now) {
        WorkItem item = item(itemId, user);
        if (!permissions.mayWorkOn(user, item.ownerUnitId())) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        InvestmentProject p = repository.lockProject(itemId).orElseThrow(() -> new NotFoundException("performance-project", itemId));
        var moved = p.moveTo(to, contractValue, note, user.getUsername(), now, zone);
        repository.update(p);
        events.publishEvent(moved);
    }

    /** For the demo: moves by the owner unit's account at an earlier time, along the line to {@code to}. */
    @Transactional
    public void moveProjectAs(long itemId, ProjectStage to, BigDecimal contractValue, String note, String by, Instant at,
                              LocalDate signedOn) {
        InvestmentProject p = repository.lockProject(itemId).orElseThrow(() -> new NotFoundException("performance-project", itemId));
        var moved = p.moveTo(to, contractValue, note, by, at, zone);
        if (to == ProjectStage.SIGNED && signedOn != null) {
            p.signedOn(signedOn);
        }
        repository.update(p);
        events.publishEvent(moved);
    }

    /** Funds in place received on a day, in 万元. */
    @Transactional
    public void recordFunds(long itemId, LocalDate receivedOn, BigDecimal amount, String note, CivicUser user, Instant now) {
        WorkItem item = item(itemId, user);
        if (!permissions.mayWorkOn(user, item.ownerUnitId())) {
            throw BusinessException.conflict("performance.work.error.notAllowed");
        }
        recordFundsAs(itemId, receivedOn, amount, note, user.getUsername(), now);
    }

    @Transactional
    public void recordFundsAs(long itemId, LocalDate receivedOn, BigDecimal amount, String note, String by, Instant now) {
        InvestmentProject p = repository.lockProject(itemId).orElseThrow(() -> new NotFoundException("performance-project", itemId));
        var recorded = p.recordFunds(receivedOn, amount, note, by, now, zone);
        repository.update(p);
        events.publishEvent(recorded);
    }

    /**
     * 逾期督办: a milestone's clock ran out while it was not reached. The milestone is marked missed
     * (once), and the leading leader and every evaluation-office account find it in their inbox, the
     * owner unit's staff too.
     */
    @EventListener
    @Transactional
    public void on(DeadlineMissed e) {
        if (!MILESTONE.equals(e.subjectType())) {
            return;
        }
        long milestoneId = Long.parseLong(e.subjectId());
        repository.lockMilestone(milestoneId).filter(m -> m.doneAt() == null && m.missedAt() == null).ifPresent(m -> {
            WorkItem item = repository.findItem(m.itemId()).orElseThrow();
            repository.milestoneMissed(milestoneId, Instant.now());
            Set<Long> told = new LinkedHashSet<>();
            told.add(item.leaderAccountId());
            told.addAll(directory.accountsWithRole(Role.EVALUATION_OFFICE));
            List<String> args = List.of(item.title(), m.title(), m.dueOn().toString(),
                    directory.unitName(item.ownerUnitId()).orElse(""));
            for (Long a : told) {
                notifications.notifyStaff(a, "performance.work.notice.missed", args, link(item));
            }
            for (Long a : directory.accountsOfUnit(item.ownerUnitId(), Role.HANDLING_UNIT)) {
                notifications.notifyStaff(a, "performance.work.notice.missedUnit", args, link(item));
            }
            events.publishEvent(new MilestoneMissed(item.id(), milestoneId, m.dueOn(), told.size()));
        });
    }

    /** A milestone entered its warning window: the owner unit's staff are reminded (催办), once per due time. */
    @EventListener
    @Transactional
    public void on(DeadlineApproaching e) {
        if (!MILESTONE.equals(e.subjectType())) {
            return;
        }
        repository.lockMilestone(Long.parseLong(e.subjectId())).filter(m -> m.doneAt() == null).ifPresent(m -> {
            WorkItem item = repository.findItem(m.itemId()).orElseThrow();
            List<String> args = List.of(item.title(), m.title(), m.dueOn().toString());
            for (Long a : directory.accountsOfUnit(item.ownerUnitId(), Role.HANDLING_UNIT)) {
                notifications.notifyStaff(a, "performance.work.notice.approaching", args, link(item));
            }
        });
    }

    /** The page of an item: investment projects under {@code /performance/projects}. */
    public static String link(WorkItem item) {
        return link(item.kind(), item.id());
    }

    public static String link(WorkKind kind, long id) {
        return (kind == WorkKind.INVESTMENT ? "/performance/projects/" : "/performance/work/items/") + id;
    }

    /** The item, locked, if the user may see it; otherwise as if it did not exist. */
    private WorkItem item(long itemId, CivicUser user) {
        WorkItem item = repository.lockItem(itemId).orElseThrow(() -> new NotFoundException("performance-work-item", itemId));
        if (!permissions.maySee(user, item.ownerUnitId())) {
            throw new NotFoundException("performance-work-item", itemId);
        }
        return item;
    }

    /** The item and (for an investment project) its project, for a page; absent when the user may not see it. */
    @Transactional(readOnly = true)
    public java.util.Optional<Loaded> load(long itemId, CivicUser user) {
        return repository.findItem(itemId).filter(i -> permissions.maySee(user, i.ownerUnitId()))
                .map(i -> new Loaded(i, i.kind() == WorkKind.INVESTMENT ? repository.findProject(itemId).orElse(null) : null));
    }

    public record Loaded(WorkItem item, InvestmentProject project) {
    }
}
