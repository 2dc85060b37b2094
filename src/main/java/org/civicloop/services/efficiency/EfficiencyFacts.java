package org.civicloop.services.efficiency;

import java.sql.Timestamp;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.services.ServiceCaseEvents.PartTime;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseCompleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the efficiency page's read model (migration V87) from the one event that carries the times:
 * {@link ServiceCaseCompleted}, in the transaction that completes the application. An application
 * already recorded is left as it is, so a repeated event changes nothing.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EfficiencyFacts {

    private final JdbcClient jdbc;

    @EventListener
    void on(ServiceCaseCompleted e) {
        int inserted = jdbc.sql("""
                insert into service_efficiency_case (case_id, service_code, service_version, submitted_at, accepted_at,
                                                     completed_at, waited_seconds)
                values (:id, :code, :version, :submitted, :accepted, :completed, :waited)
                on conflict (case_id) do nothing""")
                .param("id", e.caseId()).param("code", e.serviceCode()).param("version", e.serviceVersion())
                .param("submitted", Timestamp.from(e.submittedAt())).param("accepted", Timestamp.from(e.acceptedAt()))
                .param("completed", Timestamp.from(e.completedAt()))
                .param("waited", e.waitedForApplicant() == null ? 0 : e.waitedForApplicant().toSeconds())
                .update();
        if (inserted == 0) {
            return;
        }
        for (PartTime p : e.parts()) {
            jdbc.sql("""
                    insert into service_efficiency_part (case_id, part_code, unit_id, started_at, decided_at, waited_seconds, approved)
                    values (:id, :part, :unit, :started, :decided, :waited, :approved)""")
                    .param("id", e.caseId()).param("part", p.partCode()).param("unit", p.unitId())
                    .param("started", Timestamp.from(p.startedAt())).param("decided", Timestamp.from(p.decidedAt()))
                    .param("waited", p.waitedForApplicant() == null ? 0 : p.waitedForApplicant().toSeconds())
                    .param("approved", p.approved())
                    .update();
        }
    }
}
