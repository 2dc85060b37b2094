/**
 * One clock for every time limit: the working-day calendar (statutory holidays and make-up working
 * days, as data), deadline rules as configuration, clocks on opaque subjects that start, pause,
 * resume, extend, stop and restart, and the scan that announces {@link org.civicloop.deadlines.DeadlineApproaching}
 * and {@link org.civicloop.deadlines.DeadlineMissed}. Other modules call {@link org.civicloop.deadlines.Deadlines}
 * and listen; this module knows nothing of theirs. Depends only on {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.civicloop.deadlines;
