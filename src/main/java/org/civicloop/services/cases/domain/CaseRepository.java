package org.civicloop.services.cases.domain;

import static org.civicloop.shared.SqlTimes.instant;
import static org.civicloop.shared.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Loads (row locked) and saves a {@link ServiceCase} with its parts. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    Optional<ServiceCase> find(long id) {
        return jdbc.sql("select * from service_case where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The application, its row locked until the transaction ends: moves on one application queue. */
    Optional<ServiceCase> lock(long id) {
        return jdbc.sql("select * from service_case where id = :id for update").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<ServiceCase> findByReference(String reference) {
        return jdbc.sql("select * from service_case where reference = :r").param("r", reference).query((rs, n) -> map(rs)).optional();
    }

    Optional<Long> idBySubmissionKey(String key) {
        return jdbc.sql("select id from service_case where submission_key = :k").param("k", key).query(Long.class).optional();
    }

    /** The next reference of the day: YJS-20261205-0001. */
    String nextReference(LocalDate day) {
        int n = jdbc.sql("""
                insert into service_case_day_counter (day, last) values (:d, 1)
                on conflict (day) do update set last = service_case_day_counter.last + 1 returning last""")
                .param("d", day).query(Integer.class).single();
        return "YJS-%04d%02d%02d-%04d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), n);
    }

    private ServiceCase map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<CasePart> parts = jdbc.sql("select * from service_case_part where case_id = :id order by sort")
                .param("id", id).query((p, n) -> new CasePart(p.getString("code"), p.getLong("unit_id"), p.getString("unit_name"),
                        p.getString("item"), p.getInt("working_days"), p.getBoolean("required"), PartStatus.valueOf(p.getString("status")),
                        instant(p, "started_at"), instant(p, "decided_at"), Duration.ofSeconds(p.getLong("waited_seconds")),
                        p.getString("decision_note"))).list();
        String correction = rs.getString("correction");
        String level = rs.getString("rating_level");
        String refusal = rs.getString("refusal_reason");
        Object account = rs.getObject("applicant_account");
        return new ServiceCase(id, rs.getString("reference"), rs.getString("service_code"), rs.getInt("service_version"),
                new ServiceCase.Applicant(Channel.valueOf(rs.getString("channel")), account == null ? null : ((Number) account).longValue(),
                        rs.getString("applicant_name"), rs.getString("applicant_phone"), rs.getBoolean("contact_consent")),
                rs.getString("submission_key"), rs.getLong("recorded_by"),
                JSON.readValue(rs.getString("answers"), STRINGS), JSON.readValue(rs.getString("field_values"), STRINGS),
                CaseStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"), instant(rs, "accepted_at"),
                instant(rs, "completed_at"), instant(rs, "waiting_since"), Duration.ofSeconds(rs.getLong("waited_seconds")),
                correction == null ? null : JSON.readValue(correction, Correction.class),
                refusal == null ? null : RefusalReason.valueOf(refusal),
                level == null ? null : new Rating(RatingLevel.valueOf(level), rs.getString("rating_reason"), instant(rs, "rated_at")),
                parts);
    }

    ServiceCase save(ServiceCase c) {
        if (c.isNew()) {
            c.assignId(jdbc.sql("""
                    insert into service_case (reference, service_code, service_version, channel, applicant_account, applicant_name,
                        applicant_phone, contact_consent, submission_key, recorded_by, answers, field_values, status, submitted_at)
                    values (:reference, :code, :version, :channel, :account, :name, :phone, :consent, :key, :by,
                        cast(:answers as jsonb), cast(:values as jsonb), :status, :at) returning id""")
                    .param("reference", c.reference()).param("code", c.serviceCode()).param("version", c.serviceVersion())
                    .param("channel", c.channel().name()).param("account", c.applicantAccount()).param("name", c.applicantName())
                    .param("phone", c.applicantPhone()).param("consent", c.contactConsent()).param("key", c.submissionKey())
                    .param("by", c.recordedBy()).param("answers", JSON.writeValueAsString(c.answers()))
                    .param("values", JSON.writeValueAsString(c.values())).param("status", c.status().name())
                    .param("at", timestamp(c.submittedAt())).query(Long.class).single());
            int sort = 0;
            for (CasePart p : c.parts()) {
                jdbc.sql("""
                        insert into service_case_part (case_id, code, unit_id, unit_name, item, working_days, required, status, sort)
                        values (:c, :code, :unit, :unitName, :item, :days, :required, :status, :sort)""")
                        .param("c", c.id()).param("code", p.code()).param("unit", p.unitId()).param("unitName", p.unitName())
                        .param("item", p.item()).param("days", p.workingDays()).param("required", p.required())
                        .param("status", p.status().name()).param("sort", sort++).update();
            }
            return c;
        }
        jdbc.sql("""
                update service_case set field_values = cast(:values as jsonb), status = :status, accepted_at = :accepted,
                    completed_at = :completed, waiting_since = :waiting, waited_seconds = :waited, correction = cast(:correction as jsonb),
                    refusal_reason = :refusal, rating_level = :level, rating_reason = :reason, rated_at = :rated
                 where id = :id""")
                .param("values", JSON.writeValueAsString(c.values())).param("status", c.status().name())
                .param("accepted", timestamp(c.acceptedAt())).param("completed", timestamp(c.completedAt()))
                .param("waiting", timestamp(c.waitingSince())).param("waited", c.waited().toSeconds())
                .param("correction", c.correction() == null ? null : JSON.writeValueAsString(c.correction()))
                .param("refusal", c.refusalReason() == null ? null : c.refusalReason().name())
                .param("level", c.rating() == null ? null : c.rating().level().name())
                .param("reason", c.rating() == null ? null : c.rating().reason())
                .param("rated", c.rating() == null ? null : timestamp(c.rating().ratedAt()))
                .param("id", c.id()).update();
        for (CasePart p : c.parts()) {
            jdbc.sql("""
                    update service_case_part set status = :status, started_at = :started, decided_at = :decided,
                        waited_seconds = :waited, decision_note = :note where case_id = :c and code = :code""")
                    .param("status", p.status().name()).param("started", timestamp(p.startedAt()))
                    .param("decided", timestamp(p.decidedAt())).param("waited", p.waited().toSeconds())
                    .param("note", p.decisionNote()).param("c", c.id()).param("code", p.code()).update();
        }
        return c;
    }
}
