package org.civicloop.organization.domain;

import java.util.EnumSet;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads the signing-in account, its roles and unit in one query. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    @Override
    public CivicUser loadUserByUsername(String username) {
        return jdbc.sql("""
                        select a.id, a.username, a.display_name, a.unit_id, u.name as unit_name, a.enabled,
                               a.locked_until, a.must_change_password, a.failed_logins, a.password_hash,
                               array(select r.role from account_role r where r.account_id = a.id) as roles
                        from account a left join org_unit u on u.id = a.unit_id
                        where lower(a.username) = lower(:username)""")
                .param("username", username)
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String r : (String[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf(r));
                    }
                    var locked = rs.getTimestamp("locked_until");
                    return new CivicUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            (Long) rs.getObject("unit_id"), rs.getString("unit_name"), roles, rs.getBoolean("enabled"),
                            locked == null ? null : locked.toInstant(), rs.getBoolean("must_change_password"),
                            rs.getInt("failed_logins"), rs.getString("password_hash"));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
