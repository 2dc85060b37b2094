/**
 * The liaison network (家站室点): sites, their resident deputies, who runs them and when they
 * receive; and the duty QR codes with their printable posters, for sites and deputies alike.
 * Depends on {@code shared}, {@code organization} (places, units, data scope), {@code deputies},
 * {@code deadlines} (enterprise matters on the clock) and {@code notifications} (the duty roster's reminders).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deputies", "deadlines", "notifications"})
package org.civicloop.liaison;
