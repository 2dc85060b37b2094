package org.civicloop.notifications.web;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.notifications.domain.StaffMessages;
import org.civicloop.shared.NavigationBadge;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** The number of unread messages beside 消息 in the navigation: one indexed count per page drawn. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UnreadMessagesBadge implements NavigationBadge {

    private final StaffMessages inbox;

    @Override
    public String path() {
        return "/messages";
    }

    @Override
    public String labelKey() {
        return "messages.unreadBadge";
    }

    @Override
    public Long count(long accountId) {
        try {
            return inbox.unreadCount(accountId);
        } catch (DataAccessException e) {
            return null;
        }
    }
}
