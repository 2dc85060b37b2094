package org.civicloop.liaison.casework;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the casework pages offer: the sites a user records at or reads, and deputies' names. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SiteChoices {

    private final JdbcClient jdbc;
    private final Deputies deputies;

    public record SiteChoice(long id, String name, String type) {
    }

    /** Open sites of these types where the user works (the office: all). */
    public List<SiteChoice> workplaces(CivicUser user, Collection<String> types) {
        return sites(user, types, user.hasRole(Role.CONGRESS_OFFICE));
    }

    /** Sites of these types the user may read casework of (the office, leaders, administrators: all). */
    public List<SiteChoice> readable(CivicUser user, Collection<String> types) {
        return sites(user, types, user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN));
    }

    private List<SiteChoice> sites(CivicUser user, Collection<String> types, boolean all) {
        boolean staff = user.hasRole(Role.STATION_STAFF) && user.unitId() != null;
        return jdbc.sql("""
                        select id, name, type from liaison_site
                        where active and type in (:types) and (:all or (:staff and staff_unit_id = :unit))
                        order by type, name""")
                .param("types", types).param("all", all).param("staff", staff)
                .param("unit", user.unitId() == null ? -1L : user.unitId())
                .query(SiteChoice.class).list();
    }

    /** Names of deputies by id, in the order given; unknown ids are left out. */
    public Map<Long, String> deputyNames(Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> deputies.find(id).map(DeputySummary::name).ifPresent(n -> names.put(id, n)));
        return names;
    }
}
