/**
 * Duty records (履职档案) and duty points (履职积分): every deputy's activities, gathered from the events
 * the other modules publish (nothing typed twice), manual entries reviewed by the office, points by rules
 * kept as data, the ranking and the annual duty report. Its public face is {@link org.civicloop.records.DutyRecords}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deputies",
        "opinions", "suggestions", "liaison", "briefings", "legislation"})
package org.civicloop.records;
