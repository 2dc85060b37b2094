package org.civicloop.suggestions.domain;

import java.util.EnumSet;
import java.util.Set;
import org.civicloop.shared.BusinessException;
import org.springframework.context.MessageSourceResolvable;

/** Where a suggestion stands (domain research 1.2). The allowed moves live here and nowhere else. */
public enum SuggestionStatus {
    /** 草稿: the lead deputy writes it; co-signers confirm. */
    DRAFT,
    /** 已提交: waiting for the office's review. */
    SUBMITTED,
    /** 退回修改: back to the lead deputy for revision. */
    RETURNED,
    /** 不予立案: refused with a reason (handled as a letter); final. */
    NOT_REGISTERED,
    /** 已立案: categorised, waiting to be assigned. */
    REGISTERED,
    /** 已交办: units are working on it. */
    ASSIGNED,
    /** 已答复: every required reply is in and audited. */
    REPLIED,
    /** 待代表评价. */
    AWAITING_EVALUATION,
    /** 重新办理: the deputy was dissatisfied; units reply again. */
    REHANDLING,
    /** 已办结. */
    CLOSED;

    public boolean canTransitionTo(SuggestionStatus next) {
        return next(this).contains(next);
    }

    private static Set<SuggestionStatus> next(SuggestionStatus from) {
        return switch (from) {
            case DRAFT, RETURNED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(RETURNED, NOT_REGISTERED, REGISTERED);
            case REGISTERED -> EnumSet.of(ASSIGNED);
            case ASSIGNED, REHANDLING -> EnumSet.of(REPLIED);
            case REPLIED -> EnumSet.of(AWAITING_EVALUATION);
            case AWAITING_EVALUATION -> EnumSet.of(CLOSED, REHANDLING);
            case NOT_REGISTERED, CLOSED -> EnumSet.noneOf(SuggestionStatus.class);
        };
    }

    /** Units are working on it: replies, views, returns and extensions are possible. */
    public boolean isHandling() {
        return this == ASSIGNED || this == REHANDLING;
    }

    /** The deputy may still change the text. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }

    /** The status as people read it ({@code suggestion.status.*}), for a message that names it. */
    public MessageSourceResolvable label() {
        return BusinessException.label("suggestion.status." + name());
    }
}
