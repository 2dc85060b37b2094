package org.civicloop.organization;

import java.time.Instant;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to units and accounts, in the past tense. Every one is audited. */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    public record UnitCreated(long unitId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "unit"; }
        public String subjectId() { return Long.toString(unitId); }
        public String action() { return "unit.created"; }
    }

    public record UnitUpdated(long unitId, Map<String, Object> before, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "unit"; }
        public String subjectId() { return Long.toString(unitId); }
        public String action() { return "unit.updated"; }
    }

    /** Administrative divisions were imported (added or renamed); the places offered everywhere follow. */
    public record RegionsImported(int rows) implements AuditableEvent {
        public String subjectType() { return "region"; }
        public String subjectId() { return "import"; }
        public String action() { return "region.imported"; }
        public Map<String, Object> after() { return Map.of("rows", rows); }
    }

    public record AccountCreated(long accountId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return "account.created"; }
    }

    public record AccountUpdated(long accountId, Map<String, Object> before, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return "account.updated"; }
    }

    public record AccountLocked(long accountId, String username, int failedLogins, Instant lockedUntil) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return "account.locked"; }
        public Map<String, Object> after() {
            return Map.of("username", username, "failedLogins", failedLogins, "lockedUntil", lockedUntil.toString());
        }
    }

    public record AccountUnlocked(long accountId, String username) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return "account.unlocked"; }
        public Map<String, Object> after() { return Map.of("username", username); }
    }

    /** A password was changed by its owner, or reset by an administrator. No hash is ever recorded. */
    public record PasswordChanged(long accountId, String username, boolean resetByAdmin) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return resetByAdmin ? "account.passwordReset" : "account.passwordChanged"; }
        public Map<String, Object> after() { return Map.of("username", username); }
    }

    public record SignedIn(long accountId, String username) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return "account.signedIn"; }
        public Map<String, Object> after() { return Map.of("username", username); }
    }

    /** A wrong password for an existing account (unknown names change nothing and are not recorded). */
    public record SignInFailed(long accountId, String username, int failedLogins) implements AuditableEvent {
        public String subjectType() { return "account"; }
        public String subjectId() { return Long.toString(accountId); }
        public String action() { return "account.signInFailed"; }
        public Map<String, Object> after() { return Map.of("username", username, "failedLogins", failedLogins); }
    }
}
