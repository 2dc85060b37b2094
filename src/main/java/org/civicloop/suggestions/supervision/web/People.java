package org.civicloop.suggestions.supervision.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.springframework.stereotype.Component;

/** Names of leaders and units for the supervision pages, looked up once per page. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class People {

    private final Directory directory;

    /** Leaders (accounts with the LEADER role) by account id, in a stable order, for pickers and names. */
    Map<Long, String> leaders() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : directory.accountsWithRole(Role.LEADER).stream().sorted().toList()) {
            names.put(id, directory.accountDisplayName(id).orElse(""));
        }
        return names;
    }

    /** Handling units by id. */
    Map<Long, String> units() {
        Map<Long, String> names = new LinkedHashMap<>();
        directory.handlingUnits().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    List<Directory.UnitRef> unitList() {
        return directory.handlingUnits();
    }

    /** Leaders' names, plus the names of any other accounts named on the page (a leader who has since left). */
    Map<Long, String> leaderNames(java.util.Collection<Long> named) {
        Map<Long, String> names = leaders();
        for (Long id : named) {
            if (id != null) {
                names.computeIfAbsent(id, this::account);
            }
        }
        return names;
    }

    String account(Long id) {
        return id == null ? "" : directory.accountDisplayName(id).orElse("");
    }
}
