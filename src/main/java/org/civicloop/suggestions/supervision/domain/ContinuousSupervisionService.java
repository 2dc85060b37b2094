package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosedEvaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionClosedUnevaluated;
import org.civicloop.suggestions.SuggestionEvents.SuggestionEvent;
import org.civicloop.suggestions.supervision.SupervisionEvents.ContinuousProgressReported;
import org.civicloop.suggestions.supervision.SupervisionEvents.ContinuousSupervisionCarriedForward;
import org.civicloop.suggestions.supervision.SupervisionEvents.ContinuousSupervisionEntered;
import org.civicloop.suggestions.supervision.SupervisionEvents.ContinuousSupervisionSolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 连续督办 / 接续办理. A suggestion that closes with an audited result class in
 * {@code civicloop.suggestions.supervision.continuous-classes} (B, C by default) enters the list of
 * the year it closed, in the closing transaction. The office carries a year's unsolved items into
 * the next year's list (again and again, changing nothing the second time); the responsible unit
 * reports its progress for each year; an item marked solved is carried no further.
 */
@Service
@Transactional
public class ContinuousSupervisionService {

    private final JdbcClient jdbc;
    private final SupervisionRecorder recorder;
    private final SupervisionProperties properties;
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    ContinuousSupervisionService(JdbcClient jdbc, SupervisionRecorder recorder, SupervisionProperties properties,
                                 @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.recorder = recorder;
        this.properties = properties;
        this.zone = zone;
    }

    /** Same transaction as the closure: the suggestion never closes without entering the list it belongs on. */
    @EventListener(classes = {SuggestionClosedEvaluated.class, SuggestionClosedUnevaluated.class})
    void suggestionClosed(SuggestionEvent event) {
        enter(event.suggestion().value(), Instant.now());
    }

    private record Replied(long unitId, String resultClass) {
    }

    /**
     * Puts a closed suggestion on the list of the year of {@code closedAt} when the final audited class
     * of a replying unit (lead or separate, by assignment order) is in the continuous set; the first such
     * unit is responsible. Nothing happens for other classes or when it is already on the list.
     */
    Optional<Long> enter(long suggestionId, Instant closedAt) {
        List<Replied> replies = jdbc.sql("""
                select unit_id, result_class from suggestion_assignment
                 where suggestion_id = :s and role in ('LEAD', 'SEPARATE') and status = 'REPLIED' and audited
                 order by seq""").param("s", suggestionId).query(Replied.class).list();
        Optional<Replied> hit = replies.stream().filter(r -> properties.continuousClasses().contains(r.resultClass())).findFirst();
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        int year = closedAt.atZone(zone).getYear();
        Optional<Long> id = jdbc.sql("""
                insert into supervision_continuous (suggestion_id, unit_id, result_class, first_year, entered_at)
                values (:s, :u, :c, :y, now()) on conflict (suggestion_id) do nothing returning id""")
                .param("s", suggestionId).param("u", hit.get().unitId()).param("c", hit.get().resultClass()).param("y", year)
                .query(Long.class).optional();
        id.ifPresent(item -> {
            jdbc.sql("insert into supervision_continuous_year (item_id, year, added_at, carried) values (:i, :y, now(), false)")
                    .param("i", item).param("y", year).update();
            recorder.publish(new ContinuousSupervisionEntered(suggestionId, item, year, hit.get().unitId(), hit.get().resultClass()),
                    null, hit.get().resultClass());
        });
        return id;
    }

    /** Carries every unsolved item of {@code fromYear}'s list into the next year's; returns how many were new there. */
    public int carryForward(int fromYear, CivicUser user) {
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("carry forward");
        }
        if (fromYear < 2000 || fromYear > 2999) {
            throw BusinessException.invalid("supervision.error.year");
        }
        record Carried(long itemId, long suggestionId) {
        }
        List<Carried> carried = jdbc.sql("""
                with added as (
                    insert into supervision_continuous_year (item_id, year, added_at, carried)
                    select c.id, :to, now(), true
                      from supervision_continuous c join supervision_continuous_year y on y.item_id = c.id and y.year = :from
                     where c.solved_on is null
                    on conflict (item_id, year) do nothing
                    returning item_id)
                select a.item_id, c.suggestion_id from added a join supervision_continuous c on c.id = a.item_id
                 order by a.item_id""").param("from", fromYear).param("to", fromYear + 1).query(Carried.class).list();
        for (Carried c : carried) {
            recorder.publish(new ContinuousSupervisionCarriedForward(c.suggestionId(), c.itemId(), fromYear, fromYear + 1), user,
                    Integer.toString(fromYear + 1));
        }
        return carried.size();
    }

    private record Item(long id, long suggestionId, long unitId, LocalDate solvedOn) {
    }

    private Item visible(long itemId, CivicUser user) {
        Item item = jdbc.sql("select id, suggestion_id, unit_id, solved_on from supervision_continuous where id = :i")
                .param("i", itemId).query(Item.class).optional().orElseThrow(() -> new NotFoundException("continuous-item", itemId));
        if (!permissions.seesAll(user) && !permissions.isUnitStaff(user, item.unitId())) {
            throw new NotFoundException("continuous-item", itemId);
        }
        return item;
    }

    /** The responsible unit (or the office for it) writes, or rewrites, a year's progress report. */
    public void reportProgress(long itemId, int year, String report, CivicUser user) {
        Item item = visible(itemId, user);
        if (!permissions.isOffice(user) && !permissions.isUnitStaff(user, item.unitId())) {
            throw new AccessDeniedException("report progress");
        }
        if (item.solvedOn() != null) {
            throw BusinessException.conflict("supervision.error.solved");
        }
        String text = Texts.required(report, 20000);
        Boolean replaced = jdbc.sql("select progress_report is not null from supervision_continuous_year where item_id = :i and year = :y")
                .param("i", itemId).param("y", year).query(Boolean.class).optional()
                .orElseThrow(() -> BusinessException.invalid("supervision.error.notInYear", year));
        jdbc.sql("""
                update supervision_continuous_year set progress_report = :r, reported_at = now(), reported_by = :by
                 where item_id = :i and year = :y""")
                .param("r", text).param("by", user.getUsername()).param("i", itemId).param("y", year).update();
        recorder.publish(new ContinuousProgressReported(item.suggestionId(), itemId, year, replaced), user, null);
    }

    public void markSolved(long itemId, LocalDate solvedOn, String note, CivicUser user) {
        markSolved(itemId, solvedOn, note, user, Instant.now());
    }

    /** The item is solved (with the day and a note); it stays in the lists it was in, shown as solved, and goes no further. */
    public void markSolved(long itemId, LocalDate solvedOn, String note, CivicUser user, Instant now) {
        Item item = visible(itemId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("mark solved");
        }
        if (item.solvedOn() != null) {
            throw BusinessException.conflict("supervision.error.solved");
        }
        LocalDate day = Texts.notFuture(solvedOn, now.atZone(zone).toLocalDate());
        String text = Texts.required(note, 2000);
        jdbc.sql("""
                update supervision_continuous set solved_on = :d, solved_note = :n, solved_at = now(), solved_by = :by
                 where id = :i""").param("d", day).param("n", text).param("by", user.getUsername()).param("i", itemId).update();
        recorder.publish(new ContinuousSupervisionSolved(item.suggestionId(), itemId, day), user, text);
    }
}
