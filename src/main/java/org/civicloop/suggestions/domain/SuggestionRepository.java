package org.civicloop.suggestions.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves a whole {@link Suggestion} with its co-signers, opinion links and assignments.
 * Written with plain SQL because assignments keep their numbers (clocks are keyed on them) and
 * co-signers their confirmations; the version column refuses a lost update.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SuggestionRepository {

    private final JdbcClient jdbc;

    public Optional<Suggestion> find(long id) {
        return jdbc.sql("select * from suggestion where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    private Suggestion map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<CoSigner> coSigners = jdbc.sql("""
                        select deputy_id, confirmed_at, evaluation, evaluation_note, evaluated_at
                          from suggestion_co_signer where suggestion_id = :id order by deputy_id""")
                .param("id", id).query((r, n) -> new CoSigner(r.getLong(1), instant(r, "confirmed_at"),
                        r.getString("evaluation") == null ? null : Evaluation.valueOf(r.getString("evaluation")),
                        r.getString("evaluation_note"), instant(r, "evaluated_at"))).list();
        Set<Long> opinions = jdbc.sql("select opinion_id from suggestion_opinion where suggestion_id = :id order by opinion_id")
                .param("id", id).query(Long.class).stream().collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Assignment> assignments = jdbc.sql("select * from suggestion_assignment where suggestion_id = :id order by seq")
                .param("id", id).query((r, n) -> new Assignment(r.getInt("seq"), r.getLong("unit_id"),
                        AssignmentRole.valueOf(r.getString("role")), AssignmentStatus.valueOf(r.getString("status")),
                        r.getInt("round"), instant(r, "assigned_at"), instant(r, "signed_at"), r.getString("return_reason"),
                        r.getObject("extension_due", java.time.LocalDate.class), r.getString("extension_reason"),
                        r.getString("view_text"), instant(r, "view_sent_at"), r.getString("reply_text"),
                        r.getString("result_class"), instant(r, "replied_at"), r.getBoolean("audited"),
                        instant(r, "audited_at"))).list();
        String mode = rs.getString("mode");
        String evaluation = rs.getString("evaluation");
        return new Suggestion(id, rs.getString("title"), rs.getString("content"), rs.getString("category"),
                rs.getLong("lead_deputy_id"), SubmissionPeriod.valueOf(rs.getString("period")), rs.getBoolean("key_suggestion"),
                rs.getBoolean("confidential"), SuggestionStatus.valueOf(rs.getString("status")),
                mode == null ? null : HandlingMode.valueOf(mode), rs.getString("return_reason"),
                rs.getString("not_registered_reason"), evaluation == null ? null : Evaluation.valueOf(evaluation),
                rs.getBoolean("evaluation_deemed"), rs.getString("evaluation_note"), rs.getInt("rehandlings"), rs.getLong("created_by_account"),
                instant(rs, "created_at"), instant(rs, "submitted_at"), instant(rs, "registered_at"),
                instant(rs, "assigned_at"), instant(rs, "evaluated_at"), instant(rs, "closed_at"),
                instant(rs, "updated_at"), rs.getInt("version"), coSigners, assignments, opinions);
    }

    public Suggestion save(Suggestion s) {
        if (s.isNew()) {
            long id = jdbc.sql("""
                    insert into suggestion (title, content, category, lead_deputy_id, period, status, created_by_account,
                                            created_at, updated_at)
                    values (:title, :content, :category, :lead, :period, :status, :by, :created, :updated)
                    returning id""")
                    .param("title", s.title()).param("content", s.content()).param("category", s.category())
                    .param("lead", s.leadDeputyId()).param("period", s.period().name()).param("status", s.status().name())
                    .param("by", s.createdByAccount()).param("created", ts(s.createdAt())).param("updated", ts(s.updatedAt()))
                    .query(Long.class).single();
            s.assignId(id);
        } else {
            int updated = jdbc.sql("""
                    update suggestion set title = :title, content = :content, category = :category, period = :period,
                           key_suggestion = :key, confidential = :conf, status = :status, mode = :mode,
                           return_reason = :ret, not_registered_reason = :nr, evaluation = :ev, evaluation_deemed = :deemed, evaluation_note = :evn,
                           rehandlings = :reh, submitted_at = :sub, registered_at = :reg, assigned_at = :asg,
                           evaluated_at = :eva, closed_at = :clo, updated_at = :upd, version = version + 1
                     where id = :id and version = :version""")
                    .param("title", s.title()).param("content", s.content()).param("category", s.category())
                    .param("period", s.period().name()).param("key", s.keySuggestion()).param("conf", s.confidential())
                    .param("status", s.status().name()).param("mode", s.mode() == null ? null : s.mode().name())
                    .param("ret", s.returnReason()).param("nr", s.notRegisteredReason())
                    .param("ev", s.evaluation() == null ? null : s.evaluation().name()).param("deemed", s.evaluationDeemed()).param("evn", s.evaluationNote())
                    .param("reh", s.rehandlings()).param("sub", ts(s.submittedAt())).param("reg", ts(s.registeredAt()))
                    .param("asg", ts(s.assignedAt())).param("eva", ts(s.evaluatedAt())).param("clo", ts(s.closedAt()))
                    .param("upd", ts(s.updatedAt())).param("id", s.id()).param("version", s.version()).update();
            if (updated != 1) {
                throw BusinessException.conflict("suggestion.error.changedMeanwhile");
            }
            s.versionSaved(s.version() + 1);
        }
        jdbc.sql("delete from suggestion_co_signer where suggestion_id = :id").param("id", s.id()).update();
        for (CoSigner c : s.coSigners()) {
            jdbc.sql("""
                    insert into suggestion_co_signer (suggestion_id, deputy_id, confirmed_at, evaluation, evaluation_note, evaluated_at)
                    values (:s, :d, :c, :ev, :note, :at)""")
                    .param("s", s.id()).param("d", c.deputyId()).param("c", ts(c.confirmedAt()))
                    .param("ev", c.evaluation() == null ? null : c.evaluation().name()).param("note", c.evaluationNote())
                    .param("at", ts(c.evaluatedAt())).update();
        }
        for (Long o : s.opinionIds()) {
            jdbc.sql("insert into suggestion_opinion (suggestion_id, opinion_id) values (:s, :o) on conflict do nothing")
                    .param("s", s.id()).param("o", o).update();
        }
        for (Assignment a : s.assignments()) {
            jdbc.sql("""
                    insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at,
                        return_reason, extension_due, extension_reason, view_text, view_sent_at, reply_text, result_class,
                        replied_at, audited, audited_at)
                    values (:s, :seq, :unit, :role, :status, :round, :assigned, :signed, :ret, :extDue, :extReason, :view,
                        :viewAt, :reply, :cls, :repliedAt, :audited, :auditedAt)
                    on conflict (suggestion_id, seq) do update set status = excluded.status, round = excluded.round,
                        signed_at = excluded.signed_at, return_reason = excluded.return_reason,
                        extension_due = excluded.extension_due, extension_reason = excluded.extension_reason,
                        view_text = excluded.view_text, view_sent_at = excluded.view_sent_at, reply_text = excluded.reply_text,
                        result_class = excluded.result_class, replied_at = excluded.replied_at, audited = excluded.audited,
                        audited_at = excluded.audited_at""")
                    .param("s", s.id()).param("seq", a.seq()).param("unit", a.unitId()).param("role", a.role().name())
                    .param("status", a.status().name()).param("round", a.round()).param("assigned", ts(a.assignedAt()))
                    .param("signed", ts(a.signedAt())).param("ret", a.returnReason()).param("extDue", a.extensionDue())
                    .param("extReason", a.extensionReason()).param("view", a.viewText()).param("viewAt", ts(a.viewSentAt()))
                    .param("reply", a.replyText()).param("cls", a.resultClass()).param("repliedAt", ts(a.repliedAt()))
                    .param("audited", a.audited()).param("auditedAt", ts(a.auditedAt())).update();
        }
        return s;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
