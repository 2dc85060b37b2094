/**
 * The platform every module stands on: the embedded database boot, the security chains, locale
 * and message handling, error pages and ProblemDetail responses, the layout's navigation.
 * Depends on {@code organization} only for the signed-in user's principal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization" })
package org.civicloop.system;
