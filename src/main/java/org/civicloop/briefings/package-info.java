/**
 * The knowledge mechanism (知情知政): briefings, reports by state-organ staff, trainings and lectures,
 * meetings attended as observers; their invited deputies, materials, QR sign-in at the door, leave
 * requests and attendance. Publishes {@link org.civicloop.briefings.BriefingEvents} for the duty records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deputies", "notifications"})
package org.civicloop.briefings;
