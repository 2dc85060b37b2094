package org.civicloop.liaison.receptions;

import java.time.LocalDate;
import java.time.LocalTime;

/** What staff write when they plan a reception; {@code place} may be empty for one at the site itself. */
public record ReceptionPlan(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, boolean mobile) {
}
