package org.civicloop.deadlines.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.civicloop.deadlines.ClockState;
import org.civicloop.deadlines.ClockStatus;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.DeadlineEvents.ClockExtended;
import org.civicloop.deadlines.DeadlineEvents.ClockPaused;
import org.civicloop.deadlines.DeadlineEvents.ClockRestarted;
import org.civicloop.deadlines.DeadlineEvents.ClockResumed;
import org.civicloop.deadlines.DeadlineEvents.ClockStarted;
import org.civicloop.deadlines.DeadlineEvents.ClockStopped;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.shared.BusinessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The clock of one subject. Each state change is a named method that checks the status and returns
 * the event to publish; {@link ClockStatus#canTransitionTo} holds the allowed transitions.
 *
 * <p>The warning and miss marks set by the scan belong to a due time: when the due time moves later
 * (an extension, a resume) and the window or the due time is in the future again, the mark is
 * cleared, so a reminder comes again before the new deadline.
 */
@Table("deadline_clock")
public class DeadlineClock {

    @Id
    private Long id;
    private final String subjectType;
    private final String subjectId;
    private String ruleKey;
    private RuleUnit unit;
    private int amount;
    private int warnBefore;
    private ClockStatus status;
    private Instant startedAt;
    private Instant dueAt;
    private Instant warnAt;
    private Instant pausedAt;
    private int pausedDays;
    private int extensions;
    private Instant stoppedAt;
    private Instant warnedAt;
    private Instant missedAt;
    private int round;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    DeadlineClock(Long id, String subjectType, String subjectId, String ruleKey, RuleUnit unit, int amount, int warnBefore,
                  ClockStatus status, Instant startedAt, Instant dueAt, Instant warnAt, Instant pausedAt, int pausedDays,
                  int extensions, Instant stoppedAt, Instant warnedAt, Instant missedAt, int round, Instant createdAt,
                  Instant updatedAt, Integer version) {
        this.id = id;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.ruleKey = ruleKey;
        this.unit = unit;
        this.amount = amount;
        this.warnBefore = warnBefore;
        this.status = status;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.warnAt = warnAt;
        this.pausedAt = pausedAt;
        this.pausedDays = pausedDays;
        this.extensions = extensions;
        this.stoppedAt = stoppedAt;
        this.warnedAt = warnedAt;
        this.missedAt = missedAt;
        this.round = round;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static DeadlineClock start(String subjectType, String subjectId, DeadlineRule rule, Instant startAt,
                               WorkingCalendar calendar) {
        Instant now = micros(Instant.now());
        DeadlineClock clock = new DeadlineClock(null, subjectType, subjectId, null, null, 0, 0, null, null, null, null,
                null, 0, 0, null, null, null, 0, now, now, null);
        clock.begin(rule, startAt, calendar);
        return clock;
    }

    ClockStarted started() {
        return new ClockStarted(subjectType, subjectId, ruleKey, startedAt, dueAt);
    }

    /** Whether a repeated start asks for exactly this clock (then it is not a second start). */
    boolean startedAs(DeadlineRule rule, Instant startAt) {
        return round == 1 && status != ClockStatus.STOPPED && ruleKey.equals(rule.key()) && startedAt.equals(micros(startAt));
    }

    ClockPaused pause(Instant at) {
        transition(ClockStatus.PAUSED);
        pausedAt = micros(at);
        touch();
        return new ClockPaused(subjectType, subjectId, pausedAt, dueAt);
    }

    ClockResumed resume(WorkingCalendar calendar, Instant at) {
        transition(ClockStatus.RUNNING);
        Instant resumedAt = micros(at);
        Instant before = dueAt;
        int days = Math.max(0, calendar.workingDaysBetween(pausedAt, resumedAt));
        Duration paused = Duration.between(pausedAt, resumedAt);
        Instant newDue = unit == RuleUnit.HOURS
                ? dueAt.plus(paused.isNegative() ? Duration.ZERO : paused)
                : calendar.plusWorkingDays(dueAt, days);
        pausedDays += days;
        pausedAt = null;
        moveDue(newDue, calendar, resumedAt);
        touch();
        return new ClockResumed(subjectType, subjectId, days, before, dueAt);
    }

    ClockExtended extend(int workingDays, WorkingCalendar calendar, Instant at) {
        if (workingDays <= 0) {
            throw BusinessException.invalid("deadline.error.extensionNotPositive", workingDays);
        }
        return extendTo(calendar.plusWorkingDays(dueAt, workingDays), calendar, at);
    }

    ClockExtended extendTo(Instant newDue, WorkingCalendar calendar, Instant at) {
        if (status == ClockStatus.STOPPED) {
            throw BusinessException.conflict("deadline.error.stopped", subjectType, subjectId);
        }
        Instant due = micros(newDue);
        if (!due.isAfter(dueAt)) {
            throw BusinessException.invalid("deadline.error.extensionNotLater");
        }
        Instant before = dueAt;
        extensions++;
        moveDue(due, calendar, micros(at));
        touch();
        return new ClockExtended(subjectType, subjectId, before, dueAt, extensions);
    }

    ClockStopped stop(Instant at) {
        transition(ClockStatus.STOPPED);
        stoppedAt = micros(at);
        pausedAt = null;
        touch();
        return new ClockStopped(subjectType, subjectId, stoppedAt, dueAt, !stoppedAt.isAfter(dueAt));
    }

    ClockRestarted restart(DeadlineRule rule, Instant startAt, WorkingCalendar calendar) {
        Instant before = dueAt;
        begin(rule, startAt, calendar);
        touch();
        return new ClockRestarted(subjectType, subjectId, ruleKey, startedAt, dueAt, before, round);
    }

    ClockView view(WorkingCalendar calendar, Instant now) {
        Instant reference = switch (status) {
            case RUNNING -> now;
            case PAUSED -> pausedAt;
            case STOPPED -> stoppedAt;
        };
        // a stopped clock only tells whether it finished in time: a warning is over once the work is done
        ClockState state = reference.isAfter(dueAt) ? ClockState.OVERDUE
                : status != ClockStatus.STOPPED && warnAt != null && reference.isAfter(warnAt) ? ClockState.WARNING
                : ClockState.ON_TIME;
        LocalDate today = calendar.dateOf(reference);
        LocalDate dueDay = calendar.dateOf(dueAt);
        int left = state == ClockState.OVERDUE
                ? -calendar.workingDaysBetween(dueDay, today)
                : calendar.workingDaysLeft(today, dueDay);
        return new ClockView(subjectType, subjectId, ruleKey, status, state, startedAt, dueAt, warnAt, pausedAt, stoppedAt,
                left, extensions, round);
    }

    private void begin(DeadlineRule rule, Instant startAt, WorkingCalendar calendar) {
        ruleKey = rule.key();
        unit = rule.unit();
        amount = rule.amount();
        warnBefore = rule.warnBefore();
        status = ClockStatus.RUNNING;
        startedAt = micros(startAt);
        dueAt = micros(rule.dueFrom(startedAt, calendar));
        warnAt = rule.warnAt(dueAt, calendar);
        pausedAt = null;
        pausedDays = 0;
        extensions = 0;
        stoppedAt = null;
        warnedAt = null;
        missedAt = null;
        round++;
    }

    private void moveDue(Instant newDue, WorkingCalendar calendar, Instant at) {
        dueAt = micros(newDue);
        warnAt = DeadlineRule.warnAt(unit, warnBefore, dueAt, calendar);
        if (warnAt == null || warnAt.isAfter(at)) {
            warnedAt = null;
        }
        if (dueAt.isAfter(at)) {
            missedAt = null;
        }
    }

    private void transition(ClockStatus next) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("deadline.error.transition", subjectType, subjectId, status.name(), next.name());
        }
        status = next;
    }

    private void touch() {
        updatedAt = micros(Instant.now());
    }

    /** PostgreSQL keeps microseconds: values compared after a round trip must be cut the same way. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public Long id() {
        return id;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public ClockStatus status() {
        return status;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant warnedAt() {
        return warnedAt;
    }

    public Instant missedAt() {
        return missedAt;
    }
}
