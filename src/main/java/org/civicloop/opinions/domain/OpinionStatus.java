package org.civicloop.opinions.domain;

import java.util.EnumSet;
import java.util.Set;
import org.civicloop.shared.BusinessException;
import org.springframework.context.MessageSourceResolvable;

/**
 * Where an opinion stands. The allowed moves live here and nowhere else; the public timeline calls
 * them 收到 → 受理 → 交办 → 答复 → 办结.
 */
public enum OpinionStatus {
    /** 已收到: waiting for triage. */
    SUBMITTED,
    /** 已受理: accepted, waiting to be routed. */
    ACCEPTED,
    /** 不予受理: refused with a reason the voter sees. */
    REJECTED,
    /** 已合并: a duplicate of another opinion; reversible. */
    MERGED,
    /** 办理中: a handling unit has it as a work order. */
    HANDLING,
    /** 已转代表建议: folded into a deputy's formal suggestion. */
    IN_SUGGESTION,
    /** 已答复: waiting for the voter's rating. */
    REPLIED,
    /** 已办结. */
    CLOSED;

    public boolean canTransitionTo(OpinionStatus next) {
        return next(this).contains(next);
    }

    private static Set<OpinionStatus> next(OpinionStatus from) {
        return switch (from) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, REJECTED, MERGED);
            case MERGED -> EnumSet.of(SUBMITTED);
            case ACCEPTED -> EnumSet.of(HANDLING, REPLIED, IN_SUGGESTION);
            case HANDLING -> EnumSet.of(REPLIED, ACCEPTED);
            // closed when the suggestion closes; accepted again when the suggestion is refused (不予立案)
            case IN_SUGGESTION -> EnumSet.of(REPLIED, CLOSED, ACCEPTED);
            case REPLIED -> EnumSet.of(CLOSED, HANDLING, ACCEPTED);
            case REJECTED, CLOSED -> EnumSet.noneOf(OpinionStatus.class);
        };
    }

    public boolean isOpen() {
        return this != REJECTED && this != CLOSED && this != MERGED;
    }

    /** The status as people read it ({@code opinion.state.*}), for a message that names it. */
    public MessageSourceResolvable label() {
        return BusinessException.label("opinion.state." + name());
    }
}
