/**
 * The liaison network (家站室点): sites, their resident deputies, who runs them and when they
 * receive; and the duty QR codes with their printable posters, for sites and deputies alike.
 * Depends on {@code shared}, {@code organization} (places, units, data scope) and {@code deputies}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deputies", "deadlines"})
package org.civicloop.liaison;
