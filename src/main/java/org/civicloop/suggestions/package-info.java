/**
 * Deputies' suggestions (代表建议): drafting with co-signers, review and registration, assignment to
 * handling units (lead and co-units, or separately) on the one clock, sign-for, returns, extensions,
 * communication with the deputy, replies with a result class audited by the office, the deputy's
 * evaluation and rehandling. Depends on {@code shared}, {@code organization} (units, the signed-in
 * user), {@code deadlines} (the clock), {@code deputies} (who the deputy is) and
 * {@code notifications} (notices in the staff inbox) and {@code language} (similar past suggestions
 * by what their texts mean).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deadlines", "deputies", "notifications", "language"})
package org.civicloop.suggestions;
