package org.civicloop.opinions.routing;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.organization.CivicUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the triage page's routing fragment shows ({@code ${@routingPanel.panel(o.id(), can.route())}}):
 * the suggestion for an opinion the office may route now (its category only when more than a hint),
 * remembered as shown; nothing for anyone else (the evidence quotes other people's matters, which only
 * the office sees whole).
 */
@Component("routingPanel")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RoutingPanel {

    private final RoutingSuggestions suggestions;
    private final RoutingDecisions decisions;
    private final OpinionPermissions permissions = new OpinionPermissions();

    public RoutingSuggestions.Suggestion panel(long opinionId, boolean mayRoute) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!mayRoute || auth == null || !(auth.getPrincipal() instanceof CivicUser user) || !permissions.canDecide(user)) {
            return null;
        }
        RoutingSuggestions.Suggestion s = suggestions.forOpinion(opinionId).withoutWeakCategory();
        decisions.shown(opinionId, s);
        return s;
    }
}
