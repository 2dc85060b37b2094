package org.civicloop.organization;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member, as every module sees them. Stored in the JDBC session. */
public final class CivicUser implements UserDetails, CredentialsContainer, Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final Long unitId;
    private final String unitName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final boolean mustChangePassword;
    private final int failedLogins;
    private String passwordHash;

    public CivicUser(long accountId, String username, String displayName, Long unitId, String unitName,
                     Set<Role> roles, boolean enabled, Instant lockedUntil, boolean mustChangePassword,
                     int failedLogins, String passwordHash) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.mustChangePassword = mustChangePassword;
        this.failedLogins = failedLogins;
        this.passwordHash = passwordHash;
    }

    @Override
    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Long unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public int failedLogins() {
        return failedLogins;
    }

    /** The units this user's items come from: everything for district-wide roles, else their own unit. */
    public DataScope dataScope() {
        if (roles.stream().anyMatch(Role::seesAllUnits)) {
            return DataScope.all();
        }
        return unitId == null ? DataScope.NONE : DataScope.units(Set.of(unitId));
    }

    /** The same user after a password change, for the session. */
    public CivicUser withPasswordChanged(String newHash) {
        return new CivicUser(accountId, username, displayName, unitId, unitName, roles, enabled, lockedUntil,
                false, 0, newHash);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CivicUser other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "CivicUser[" + username + "]";
    }
}
