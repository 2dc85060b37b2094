/**
 * Voters' opinions from every channel (QR code, the public form, visits, receptions, market days,
 * the 12345 hotline, Open311 partners), triage, work orders to handling units on the one clock,
 * replies, and the voter's rating. Depends on {@code shared}, {@code organization} (units,
 * places, the signed-in user), {@code deadlines} (the clock), {@code deputies} and {@code liaison}
 * (who a duty QR code addresses), {@code notifications} (telling voters and staff), and the
 * {@code suggestions} module's events (opinions folded into a deputy's suggestion, and its outcome).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deadlines", "deputies", "liaison", "notifications", "suggestions", "language"})
package org.civicloop.opinions;
