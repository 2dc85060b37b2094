/**
 * The deputy roster (人大代表): who the deputies are, where they were elected, how to reach them
 * (the office only) and each one's duty QR code token. Depends on {@code shared} and on
 * {@code organization} for places and login accounts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization"})
package org.civicloop.deputies;
