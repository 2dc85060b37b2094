package org.civicloop.briefings.domain;

/**
 * Where an invited deputy stands. Absent is not a state: an invitation still {@code INVITED} (or its
 * leave still undecided) once the briefing has ended. Labels: {@code briefing.invitation.<NAME>}.
 */
public enum InvitationStatus {
    INVITED, PRESENT, LEAVE_REQUESTED, ON_LEAVE;

    /** Whether the office may take the deputy off the list: not once they came or were given leave. */
    boolean removable() {
        return this == INVITED || this == LEAVE_REQUESTED;
    }
}
