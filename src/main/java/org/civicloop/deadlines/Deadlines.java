package org.civicloop.deadlines;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The one clock. A module asks for a clock on its own subject (an opaque type and id), moves it as
 * its subject moves, and listens for {@link DeadlineApproaching} and {@link DeadlineMissed}. Every
 * change publishes an audited event ({@link DeadlineEvents}) in the caller's transaction.
 *
 * <p>Rule keys are free strings chosen by the caller ({@code opinion.category.ENVIRONMENT}); when no
 * rule is configured for the key, the fallback key's rule applies ({@code opinion.default}); when
 * neither exists, the call fails. The methods without an instant act now.
 *
 * <p>Calls repeated with the same effect (a second pause, a second stop, a second start with the same
 * rule and start time, as an event listener retried after a failure makes them) change nothing and
 * publish nothing. A missing clock answers {@link org.civicloop.shared.NotFoundException}; a change
 * the clock's status does not allow (resuming a stopped clock, starting one twice differently),
 * a 409 {@link org.civicloop.shared.BusinessException}.
 */
public interface Deadlines {

    /** Starts the clock of a subject that has none. */
    ClockView start(String subjectType, String subjectId, String ruleKey, String fallbackRuleKey, Instant startAt);

    default ClockView pause(String subjectType, String subjectId) {
        return pause(subjectType, subjectId, Instant.now());
    }

    /** Suspends a running clock at {@code at}. */
    ClockView pause(String subjectType, String subjectId, Instant at);

    default ClockView resume(String subjectType, String subjectId) {
        return resume(subjectType, subjectId, Instant.now());
    }

    /**
     * Resumes a paused clock at {@code at}; the due time moves by the working days after the pause
     * day up to and including the resume day (by the paused hours for an hour rule).
     */
    ClockView resume(String subjectType, String subjectId, Instant at);

    default ClockView extend(String subjectType, String subjectId, int workingDays) {
        return extend(subjectType, subjectId, workingDays, Instant.now());
    }

    /** Moves the due time to the end of the {@code workingDays}-th working day after the current due day. */
    ClockView extend(String subjectType, String subjectId, int workingDays, Instant at);

    default ClockView extendTo(String subjectType, String subjectId, Instant newDue) {
        return extendTo(subjectType, subjectId, newDue, Instant.now());
    }

    /** Moves the due time to {@code newDue}, which must be later than the current one. */
    ClockView extendTo(String subjectType, String subjectId, Instant newDue, Instant at);

    default ClockView stop(String subjectType, String subjectId) {
        return stop(subjectType, subjectId, Instant.now());
    }

    /** The subject is done: the clock stops and keeps whether it finished on time. */
    ClockView stop(String subjectType, String subjectId, Instant at);

    /**
     * A fresh clock for a subject that had one (a reopened work order): any status, new rule, new start,
     * extensions and pauses forgotten, the round counted. Starts a first clock when there was none.
     */
    ClockView restart(String subjectType, String subjectId, String ruleKey, String fallbackRuleKey, Instant startAt);

    /** The subject's clock, its state computed from now. */
    Optional<ClockView> find(String subjectType, String subjectId);

    /** The clocks of many subjects of one type at once (for lists), by subject id; ids without a clock are absent. */
    Map<String, ClockView> find(String subjectType, Collection<String> subjectIds);
}
