package org.civicloop.audit.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.Actor;
import org.civicloop.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one audit row per {@link AuditableEvent}, synchronously, in the publisher's transaction:
 * the change and its record commit together or not at all. The hash is added right after commit
 * by {@link ChainAppender}, so writers never wait for each other here.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditRecorder {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    @EventListener
    void record(AuditableEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor;
        Long actorId = null;
        if (auth == null) {
            actor = RequestContextHolder.getRequestAttributes() == null ? "system" : "anonymous";
        } else if (auth instanceof AnonymousAuthenticationToken) {
            actor = "anonymous";
        } else {
            actor = auth.getName();
            actorId = auth.getPrincipal() instanceof Actor a ? a.accountId() : null;
        }
        jdbc.sql("""
                        insert into audit_entry (occurred_at, actor, actor_account_id, source_ip, module, action,
                                                 subject_type, subject_id, summary_before, summary_after)
                        values (:at, :actor, :actorId, :ip, :module, :action, :type, :id,
                                cast(:before as jsonb), cast(:after as jsonb))""")
                // microseconds: what PostgreSQL stores, so the hash computed from the row is stable
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .param("actor", truncate(actor, 100))
                .param("actorId", actorId)
                .param("ip", sourceIp())
                .param("module", module(event))
                .param("action", event.action())
                .param("type", event.subjectType())
                .param("id", truncate(event.subjectId(), 80))
                .param("before", json.writeValueAsString(event.before() == null ? Map.of() : event.before()))
                .param("after", json.writeValueAsString(event.after() == null ? Map.of() : event.after()))
                .update();
    }

    /** The module is the package under {@code org.civicloop} that published the event. */
    private static String module(AuditableEvent event) {
        String name = event.getClass().getName();
        String rest = name.startsWith("org.civicloop.") ? name.substring("org.civicloop.".length()) : name;
        int dot = rest.indexOf('.');
        return dot > 0 ? rest.substring(0, dot) : rest;
    }

    private static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
