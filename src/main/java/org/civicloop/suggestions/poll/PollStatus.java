package org.civicloop.suggestions.poll;

/** Where a satisfaction poll stands. Publishing is a flag on a closed poll, not a status. */
public enum PollStatus {
    /** 未开始: made, not yet open for votes. */
    DRAFT,
    /** 测评中: eligible voters may cast their one ballot. */
    OPEN,
    /** 已结束: no more ballots; results final, publishable. */
    CLOSED;

    public boolean canTransitionTo(PollStatus next) {
        return this == DRAFT && next == OPEN || this == OPEN && next == CLOSED;
    }
}
