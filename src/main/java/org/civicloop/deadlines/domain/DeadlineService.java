package org.civicloop.deadlines.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockStatus;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Deadlines}: loads the clock, asks it to change, saves it and publishes what it says happened. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeadlineService implements Deadlines {

    private final DeadlineClockRepository clocks;
    private final DeadlineRules rules;
    private final WorkingCalendars calendars;
    private final ApplicationEventPublisher events;

    @Override
    public ClockView start(String subjectType, String subjectId, String ruleKey, String fallbackRuleKey, Instant startAt) {
        DeadlineRule rule = rules.resolve(ruleKey, fallbackRuleKey);
        WorkingCalendar calendar = calendars.current();
        Optional<DeadlineClock> existing = clocks.findForUpdateBySubjectTypeAndSubjectId(subjectType, subjectId);
        if (existing.isPresent()) {
            if (existing.get().startedAs(rule, startAt)) {
                return existing.get().view(calendar, Instant.now());
            }
            throw BusinessException.conflict("deadline.error.alreadyStarted", subjectType, subjectId);
        }
        DeadlineClock clock = DeadlineClock.start(subjectType, subjectId, rule, startAt, calendar);
        clock = clocks.save(clock);
        events.publishEvent(clock.started());
        return clock.view(calendar, Instant.now());
    }

    @Override
    public ClockView pause(String subjectType, String subjectId, Instant at) {
        DeadlineClock clock = load(subjectType, subjectId);
        if (clock.status() == ClockStatus.PAUSED) {
            return clock.view(calendars.current(), Instant.now());
        }
        return save(clock, clock.pause(at));
    }

    @Override
    public ClockView resume(String subjectType, String subjectId, Instant at) {
        DeadlineClock clock = load(subjectType, subjectId);
        if (clock.status() == ClockStatus.RUNNING) {
            return clock.view(calendars.current(), Instant.now());
        }
        return save(clock, clock.resume(calendars.current(), at));
    }

    @Override
    public ClockView extend(String subjectType, String subjectId, int workingDays, Instant at) {
        DeadlineClock clock = load(subjectType, subjectId);
        return save(clock, clock.extend(workingDays, calendars.current(), at));
    }

    @Override
    public ClockView extendTo(String subjectType, String subjectId, Instant newDue, Instant at) {
        DeadlineClock clock = load(subjectType, subjectId);
        return save(clock, clock.extendTo(newDue, calendars.current(), at));
    }

    @Override
    public ClockView stop(String subjectType, String subjectId, Instant at) {
        DeadlineClock clock = load(subjectType, subjectId);
        if (clock.status() == ClockStatus.STOPPED) {
            return clock.view(calendars.current(), Instant.now());
        }
        return save(clock, clock.stop(at));
    }

    @Override
    public ClockView restart(String subjectType, String subjectId, String ruleKey, String fallbackRuleKey, Instant startAt) {
        DeadlineRule rule = rules.resolve(ruleKey, fallbackRuleKey);
        Optional<DeadlineClock> existing = clocks.findForUpdateBySubjectTypeAndSubjectId(subjectType, subjectId);
        if (existing.isEmpty()) {
            return start(subjectType, subjectId, ruleKey, fallbackRuleKey, startAt);
        }
        DeadlineClock clock = existing.get();
        return save(clock, clock.restart(rule, startAt, calendars.current()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ClockView> find(String subjectType, String subjectId) {
        WorkingCalendar calendar = calendars.current();
        Instant now = Instant.now();
        return clocks.findBySubjectTypeAndSubjectId(subjectType, subjectId).map(clock -> clock.view(calendar, now));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, ClockView> find(String subjectType, Collection<String> subjectIds) {
        Map<String, ClockView> views = new LinkedHashMap<>();
        if (subjectIds.isEmpty()) {
            return views;
        }
        WorkingCalendar calendar = calendars.current();
        Instant now = Instant.now();
        for (DeadlineClock clock : clocks.findBySubjectTypeAndSubjectIdIn(subjectType, subjectIds)) {
            views.put(clock.subjectId(), clock.view(calendar, now));
        }
        return views;
    }

    private DeadlineClock load(String subjectType, String subjectId) {
        return clocks.findForUpdateBySubjectTypeAndSubjectId(subjectType, subjectId)
                .orElseThrow(() -> new NotFoundException("deadline", subjectType + ":" + subjectId));
    }

    private ClockView save(DeadlineClock clock, Object event) {
        DeadlineClock saved = clocks.save(clock);
        events.publishEvent(event);
        return saved.view(calendars.current(), Instant.now());
    }
}
