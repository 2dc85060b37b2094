package org.civicloop.shared;

import java.util.Set;

/**
 * One entry in the staff navigation. Each module declares its own entries as beans; the layout
 * shows those whose roles intersect the signed-in user's roles (an empty set means everyone).
 *
 * @param messageKey the label's key in the message bundles
 * @param path       the link target
 * @param roles      role names without the {@code ROLE_} prefix
 * @param order      position, ascending
 */
public record NavigationItem(String messageKey, String path, Set<String> roles, int order) {

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
