package org.civicloop.system.security;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.OrganizationEvents.AccountUpdated;
import org.civicloop.organization.OrganizationEvents.PasswordChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Issue 15, item 3: an account's sessions (kept in PostgreSQL by Spring Session, indexed by the
 * principal's name) end when the account changes under them: disabled, its password reset by an
 * administrator or changed by its owner, its roles or unit changed. The session the owner changed
 * their own password in goes on; every other one ends, on every node, at once.
 */
@Slf4j
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    @EventListener
    void passwordChanged(PasswordChanged event) {
        end(event.username());
    }

    @EventListener
    void accountUpdated(AccountUpdated event) {
        if (changed(event, "enabled") || changed(event, "roles") || changed(event, "unitId")) {
            end(String.valueOf(event.before().get("username")));
        }
    }

    /** Ends every session of this account but the current request's own, if it is that account's. */
    int end(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null || username == null) {
            return 0;
        }
        String keep = ownSessionId(username);
        int ended = 0;
        for (String id : repository.findByPrincipalName(username).keySet()) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of an account after a change to it", ended);
        }
        return ended;
    }

    private static boolean changed(AccountUpdated event, String key) {
        Map<String, Object> before = event.before();
        Map<String, Object> after = event.after();
        return !Objects.equals(before.get(key), after.get(key));
    }

    private static String ownSessionId(String username) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CivicUser user) || !user.getUsername().equals(username)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpSession session = attributes.getRequest().getSession(false);
        return session == null ? null : session.getId();
    }
}
