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
import org.thymeleaf.context.LazyContextVariable;

/**
 * {@code unreadMessages} on every page for the navbar's badge: one indexed count per page view, made when the
 * page's template reads it. The advice applies to JSON controllers too ({@code @RestController} is a
 * {@code @Controller}); they render no template, so they never count.
 */
@ControllerAdvice(annotations = Controller.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UnreadMessagesAdvice {

    private final StaffMessages inbox;

    @ModelAttribute("unreadMessages")
    LazyContextVariable<Long> unreadMessages() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Long accountId = auth != null && auth.getPrincipal() instanceof Actor actor ? actor.accountId() : null;
        return new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                if (accountId == null) {
                    return null;
                }
                try {
                    return inbox.unreadCount(accountId);
                } catch (DataAccessException e) {
                    return null; // a badge is not worth failing a page for
                }
            }
        };
    }
}
