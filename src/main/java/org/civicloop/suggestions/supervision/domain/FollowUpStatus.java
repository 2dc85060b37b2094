package org.civicloop.suggestions.supervision.domain;

/**
 * Where a tracking item (跟踪督办) or a resolution's follow-up (决议跟踪) stands. The allowed moves
 * live here and nowhere else: the office closes an open one; a closed one stays closed.
 */
public enum FollowUpStatus {
    /** Reports are due and may be filed. */
    OPEN,
    /** The office ended it; the reports stay. */
    CLOSED;

    public boolean canTransitionTo(FollowUpStatus next) {
        return this == OPEN && next == CLOSED;
    }
}
