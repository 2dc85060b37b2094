package org.civicloop.suggestions.domain;

/** 主办 / 协办 / 分办. */
public enum AssignmentRole {
    LEAD, CO, SEPARATE;

    /** Lead and separate units owe the deputy a reply; co-units send their view to the lead unit. */
    public boolean owesReply() {
        return this != CO;
    }
}
