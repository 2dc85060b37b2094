package org.civicloop.shared;

/**
 * A count drawn beside a navigation entry (the inbox's unread messages), declared as a bean by the module
 * that owns the entry. The layout counts it only on pages that draw the entry, error pages included, and at
 * most once a page.
 */
public interface NavigationBadge {

    /** The path of the navigation entry it stands beside. */
    String path();

    /** The key of what the count means, read out by screen readers after it ("条未读消息"). */
    String labelKey();

    /** The signed-in account's count; null when it cannot be read now (a badge is not worth failing a page for). */
    Long count(long accountId);

    /** A badge as a page draws it. */
    record Shown(long count, String labelKey) {
    }
}
