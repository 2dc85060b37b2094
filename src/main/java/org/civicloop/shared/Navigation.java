package org.civicloop.shared;

import java.util.List;

/**
 * A module's entries in the staff navigation, declared as one bean in the module's
 * {@code *Navigation} configuration; the layout gathers every module's.
 */
public record Navigation(List<NavigationItem> items) {

    public Navigation {
        items = List.copyOf(items);
    }

    public static Navigation of(NavigationItem... items) {
        return new Navigation(List.of(items));
    }
}
