package org.civicloop.performance.evaluation.domain;

import java.time.Instant;
import org.civicloop.performance.evaluation.EvaluationEvents.SchemeCreated;
import org.civicloop.performance.evaluation.EvaluationEvents.SchemeMoved;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.BusinessException;

/**
 * An evaluation scheme (考核方案) for one period over the city's districts: its indicators, figures
 * and items live in their own tables, guarded by its status. Moves take the time and return the event.
 */
public class Scheme extends AggregateRoot {

    private final String name;
    private final EvaluationPeriod period;
    private final Long previousSchemeId;
    private final int advancedCount;
    private final Instant createdAt;
    private SchemeStatus status;
    private Instant lockedAt;
    private Instant publishedAt;

    Scheme(Long id, String name, EvaluationPeriod period, Long previousSchemeId, int advancedCount, SchemeStatus status,
           Instant createdAt, Instant lockedAt, Instant publishedAt) {
        super(id);
        this.name = name;
        this.period = period;
        this.previousSchemeId = previousSchemeId;
        this.advancedCount = advancedCount;
        this.status = status;
        this.createdAt = createdAt;
        this.lockedAt = lockedAt;
        this.publishedAt = publishedAt;
    }

    /** A new scheme, open for entry. */
    static Scheme create(String name, EvaluationPeriod period, Long previousSchemeId, int advancedCount, Instant now) {
        return new Scheme(null, name, period, previousSchemeId, advancedCount, SchemeStatus.FILLING, now, null, null);
    }

    SchemeCreated created() {
        return new SchemeCreated(id(), name, period.code());
    }

    /** 审核: the office has checked the figures. */
    SchemeMoved review() {
        return move(SchemeStatus.REVIEWED, "evaluation.schemeReviewed");
    }

    /** Back to entry, to correct a figure found wrong in review. */
    SchemeMoved reopen() {
        return move(SchemeStatus.FILLING, "evaluation.schemeReopened");
    }

    /** 锁定: the scores are frozen (the service writes them before this move is saved). */
    SchemeMoved lock(Instant now) {
        SchemeMoved e = move(SchemeStatus.LOCKED, "evaluation.schemeLocked");
        lockedAt = now;
        return e;
    }

    /** 发布: the results go on the public page. */
    SchemeMoved publish(Instant now) {
        SchemeMoved e = move(SchemeStatus.PUBLISHED, "evaluation.schemePublished");
        publishedAt = now;
        return e;
    }

    /** Refuses any change to the period's data unless it is open for entry. */
    void requireFilling() {
        if (status.frozen()) {
            throw BusinessException.conflict("performance.eval.error.locked");
        }
        if (status != SchemeStatus.FILLING) {
            throw BusinessException.conflict("performance.eval.error.notFilling");
        }
    }

    private SchemeMoved move(SchemeStatus next, String action) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict(status.frozen() ? "performance.eval.error.locked" : "performance.eval.error.transition");
        }
        SchemeStatus from = status;
        status = next;
        return new SchemeMoved(id(), action, from.name(), next.name());
    }

    public String name() {
        return name;
    }

    public EvaluationPeriod period() {
        return period;
    }

    public Long previousSchemeId() {
        return previousSchemeId;
    }

    public int advancedCount() {
        return advancedCount;
    }

    public SchemeStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lockedAt() {
        return lockedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
