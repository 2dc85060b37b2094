/**
 * Regions, organisation units, staff accounts, roles and data scope: who works where, and what
 * each of them may see. Depends only on {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.civicloop.organization;
