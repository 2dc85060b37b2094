package org.civicloop.performance.work.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.springframework.stereotype.Component;

/** Names of units and leaders for the tracked-work pages, from the directory. */
@Component("performanceWorkNames")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Names {

    private final Directory directory;

    /** Handling units by id, for pickers and names. */
    Map<Long, String> units() {
        Map<Long, String> names = new LinkedHashMap<>();
        directory.handlingUnits().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    List<Directory.UnitRef> unitList() {
        return directory.handlingUnits();
    }

    /** Leaders by account id, for pickers. */
    List<Option> leaderOptions() {
        return directory.accountsWithRole(Role.LEADER).stream().sorted()
                .map(id -> new Option(id, directory.accountDisplayName(id).orElse(""))).toList();
    }

    /** Names of these accounts. */
    Map<Long, String> accounts(Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.stream().distinct().forEach(id -> names.put(id, directory.accountDisplayName(id).orElse("")));
        return names;
    }

    String unit(long id) {
        return directory.unitName(id).orElse("");
    }

    record Option(long id, String name) {
    }
}
