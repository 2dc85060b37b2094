package org.civicloop.shared;

import java.util.Set;

/**
 * One entry in the staff navigation. Each module declares its own entries as beans; the layout
 * shows those whose roles intersect the signed-in user's roles (an empty set means everyone).
 *
 * <p>An entry with a {@code parent} belongs to that entry's area: for a user who sees the parent it
 * is a tab under the parent's pages (so the office's top bar keeps one entry per area); for a user
 * who does not, it stands in the top bar itself.
 *
 * @param messageKey the label's key in the message bundles
 * @param path       the link target
 * @param roles      role names without the {@code ROLE_} prefix
 * @param order      position, ascending
 * @param parent     the path of the entry whose area this one belongs to, or null for a top entry
 */
public record NavigationItem(String messageKey, String path, Set<String> roles, int order, String parent) {

    public NavigationItem(String messageKey, String path, Set<String> roles, int order) {
        this(messageKey, path, roles, order, null);
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
