package org.civicloop.liaison.disputes;

import java.time.LocalDate;

/** A sitting of a mediation (调解记录). */
public record DisputeSession(long id, LocalDate heldOn, String note, long recordedBy) {
}
