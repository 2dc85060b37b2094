package org.civicloop.organization.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicloop.organization.OrganizationEvents.AccountUpdated;
import org.civicloop.organization.Role;
import org.civicloop.shared.AuditSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A staff account. Sign-in counters are also written by {@link AccountService} in plain SQL. */
@Table("account")
public class Account {

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String phone;
    private String passwordHash;
    private Long unitId;
    @MappedCollection(idColumn = "account_id")
    private Set<RoleGrant> roles;
    private boolean enabled;
    private int failedLogins;
    private Instant lockedUntil;
    private boolean mustChangePassword;
    private Instant lastLoginAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Account(Long id, String username, String displayName, String phone, String passwordHash, Long unitId,
            Set<RoleGrant> roles, boolean enabled, int failedLogins, Instant lockedUntil, boolean mustChangePassword,
            Instant lastLoginAt, Instant createdAt, Instant updatedAt, Integer version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.phone = phone;
        this.passwordHash = passwordHash;
        this.unitId = unitId;
        this.roles = roles;
        this.enabled = enabled;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.mustChangePassword = mustChangePassword;
        this.lastLoginAt = lastLoginAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Account create(String username, AccountDetails details, String passwordHash, boolean mustChangePassword) {
        Instant now = Instant.now();
        return new Account(null, username.strip(), details.displayName().strip(), blankToNull(details.phone()),
                passwordHash, details.unitId(), grants(details.roles()), details.enabled(), 0, null,
                mustChangePassword, null, now, now, null);
    }

    AccountUpdated update(AccountDetails details) {
        Map<String, Object> before = summary();
        this.displayName = details.displayName().strip();
        this.phone = blankToNull(details.phone());
        this.unitId = details.unitId();
        this.roles = grants(details.roles());
        this.enabled = details.enabled();
        this.updatedAt = Instant.now();
        return new AccountUpdated(id, before, summary());
    }

    void setPassword(String hash, boolean mustChange) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = Instant.now();
    }

    boolean unlock() {
        boolean wasLocked = lockedUntil != null || failedLogins > 0;
        this.lockedUntil = null;
        this.failedLogins = 0;
        this.updatedAt = Instant.now();
        return wasLocked;
    }

    Map<String, Object> summary() {
        return AuditSummary.of("username", username, "displayName", displayName,
                "phone", AuditSummary.maskedPhone(phone), "unitId", unitId,
                "roles", String.join(",", new TreeSet<>(roleNames())), "enabled", enabled);
    }

    private Set<String> roleNames() {
        return roles.stream().map(g -> g.role().name()).collect(Collectors.toSet());
    }

    private static Set<RoleGrant> grants(Set<Role> roles) {
        return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Long unitId() {
        return unitId;
    }

    public Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(g -> result.add(g.role()));
        return result;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }
}
