package org.civicloop.suggestions.kpi;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.suggestions.SuggestionEvents.AssignmentEvent;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the facts {@link SuggestionKpis} counts on each assignment row ({@code kpi_replied},
 * {@code kpi_on_time}, {@code kpi_final_class}, {@code kpi_met}, migration V72; the suggestion's
 * {@code kpi_evaluation}, V176; whether it is the suggestion's first counted assignment, or a counted one made
 * later than that, {@code kpi_first} and {@code kpi_later}, V177), recomputed from the
 * suggestion's replies and contacts whenever the suggestion or one of its assignments changes, just
 * before that transaction commits (after every write of it, whatever the order the service wrote them
 * in). The definitions are those of {@link SuggestionKpis}; this is the only code that applies them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class KpiFacts {

    private static final String REFRESH = """
            update suggestion_assignment a
               set kpi_replied = f.replied, kpi_on_time = f.on_time, kpi_final_class = f.final_class, kpi_met = f.met,
                   kpi_evaluation = f.evaluation, kpi_first = f.first, kpi_later = f.later
              from (select a2.suggestion_id, a2.seq,
                           count(r.id) > 0 as replied,
                           coalesce(bool_or(r.round = 1 and r.replied_at <= r.due_at), false) as on_time,
                           substr(max(to_char(r.round, 'FM00000') || coalesce(r.audited_class, r.result_class)), 6) as final_class,
                           exists (select 1 from suggestion_contact c
                                    where c.suggestion_id = a2.suggestion_id and c.seq = a2.seq and c.face_to_face) as met,
                           (select s.evaluation from suggestion s where s.id = a2.suggestion_id) as evaluation,
                           coalesce(%1$s and (a2.assigned_at, a2.seq) = (e.assigned_at, e.seq), false) as first,
                           coalesce(%1$s and a2.assigned_at > e.assigned_at, false) as later
                      from suggestion_assignment a2
                      left join (select a.assigned_at, a.seq from suggestion_assignment a where a.suggestion_id = :s and %2$s
                                  order by a.assigned_at, a.seq limit 1) e on true
                      left join suggestion_reply r on r.suggestion_id = a2.suggestion_id and r.seq = a2.seq
                     where a2.suggestion_id = :s
                     group by a2.suggestion_id, a2.seq, e.assigned_at, e.seq) f
             where a.suggestion_id = f.suggestion_id and a.seq = f.seq
               and (a.kpi_replied, a.kpi_on_time, a.kpi_final_class, a.kpi_met, a.kpi_evaluation, a.kpi_first, a.kpi_later)
                   is distinct from (f.replied, f.on_time, f.final_class, f.met, f.evaluation, f.first, f.later)"""
            .formatted(SuggestionKpis.owes("a2"), SuggestionKpis.OWES);

    private final JdbcClient jdbc;

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(AssignmentEvent e) {
        refresh(e.suggestion().value());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SuggestionEvent e) {
        refresh(e.suggestion().value());
    }

    void refresh(long suggestionId) {
        jdbc.sql(REFRESH).param("s", suggestionId).param("owing", SuggestionKpis.OWING).update();
    }
}
