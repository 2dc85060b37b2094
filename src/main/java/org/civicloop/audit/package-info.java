/**
 * The append-only, hash-chained audit trail. Listens to every module's {@code AuditableEvent}s;
 * no module calls it. Depends only on {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.civicloop.audit;
