package org.civicloop.notifications.web;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.notifications.domain.StaffMessages;
import org.civicloop.shared.Actor;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code unreadMessages} on every page for the navbar's badge: one indexed count per page view. */
@ControllerAdvice(annotations = Controller.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UnreadMessagesAdvice {

    private final StaffMessages inbox;

    @ModelAttribute("unreadMessages")
    Long unreadMessages() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Actor actor)) {
            return null;
        }
        try {
            return inbox.unreadCount(actor.accountId());
        } catch (DataAccessException e) {
            return null; // a badge is not worth failing a page for
        }
    }
}
