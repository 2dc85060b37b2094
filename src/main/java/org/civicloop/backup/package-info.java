/**
 * Backup and restore: the whole database (embedded or external) with the audit key and the audit
 * checkpoints in one archive, restored into a fresh data directory. Depends on {@code audit} to
 * seal and checkpoint the chain before a backup and to verify it after a restore.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package org.civicloop.backup;
