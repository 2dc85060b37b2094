package org.civicloop.suggestions.supervision.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.AuditableEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes a supervision event (audited in the same transaction) and, when it concerns one
 * suggestion, writes the step on that suggestion's timeline as the lifecycle does.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SupervisionRecorder {

    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    void publish(AuditableEvent event, CivicUser user, String note) {
        if ("suggestion".equals(event.subjectType())) {
            String actor = user == null ? null : user.unitName() != null ? user.unitName() : user.displayName();
            jdbc.sql("insert into suggestion_step (suggestion_id, kind, actor_label, note, at) values (:s, :k, :a, :n, now())")
                    .param("s", Long.parseLong(event.subjectId())).param("k", event.action()).param("a", actor)
                    .param("n", note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note).update();
        }
        events.publishEvent(event);
    }
}
