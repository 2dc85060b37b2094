package org.civicloop.suggestions.supervision.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionFollowUpReported;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 决议: the office records a standing-committee resolution on registered suggestions, with the
 * follow-up it demands of named units by a due date; each unit reports; the office closes it. A
 * unit not named by a resolution does not see it (404).
 */
@Service
@Transactional
public class ResolutionService {

    /** Statuses of suggestions not (or not yet) registered: a resolution cannot cover them. */
    static final List<String> UNREGISTERED = List.of("DRAFT", "SUBMITTED", "RETURNED", "NOT_REGISTERED");

    private final Directory directory;
    private final JdbcClient jdbc;
    private final SupervisionRecorder recorder;
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    ResolutionService(Directory directory, JdbcClient jdbc, SupervisionRecorder recorder,
                      @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.recorder = recorder;
        this.zone = zone;
    }

    public record ResolutionDraft(String number, String title, LocalDate adoptedOn, String text, List<Long> suggestionIds,
                                  String followUp, LocalDate dueOn, List<Long> unitIds, Long leaderAccountId) {
    }

    public long record(ResolutionDraft d, CivicUser user) {
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("record resolution");
        }
        String number = Texts.required(d.number(), 60);
        String title = Texts.required(d.title(), 200);
        LocalDate adopted = Texts.date(d.adoptedOn());
        String text = Texts.required(d.text(), 50000);
        String followUp = Texts.required(d.followUp(), 20000);
        LocalDate due = Texts.date(d.dueOn());
        if (!due.isAfter(adopted)) {
            throw BusinessException.invalid("supervision.error.dueBeforeAdopted");
        }
        List<Long> suggestionIds = new ArrayList<>(new LinkedHashSet<>(d.suggestionIds() == null ? List.of() : d.suggestionIds()));
        suggestionIds.removeIf(java.util.Objects::isNull);
        if (suggestionIds.isEmpty()) {
            throw BusinessException.invalid("supervision.error.noSuggestions");
        }
        long registered = jdbc.sql("select count(*) from suggestion where id in (:ids) and status not in (:unregistered)")
                .param("ids", suggestionIds).param("unregistered", UNREGISTERED).query(Long.class).single();
        if (registered != suggestionIds.size()) {
            throw BusinessException.invalid("supervision.error.suggestionNotRegistered");
        }
        List<Long> unitIds = new ArrayList<>(new LinkedHashSet<>(d.unitIds() == null ? List.of() : d.unitIds()));
        unitIds.removeIf(java.util.Objects::isNull);
        List<Long> known = directory.handlingUnits().stream().map(Directory.UnitRef::id).toList();
        if (unitIds.isEmpty() || !known.containsAll(unitIds)) {
            throw BusinessException.invalid("supervision.error.units");
        }
        if (d.leaderAccountId() != null) {
            LeadSupervisionService.requireLeader(directory, d.leaderAccountId());
        }
        if (jdbc.sql("select exists (select 1 from supervision_resolution where number = :n)").param("n", number)
                .query(Boolean.class).single()) {
            throw BusinessException.conflict("supervision.error.numberTaken", number);
        }
        long id = jdbc.sql("""
                insert into supervision_resolution (number, title, adopted_on, text, follow_up, due_on, leader_account_id, status,
                                                    created_at, created_by)
                values (:n, :t, :a, :x, :f, :d, :l, 'OPEN', now(), :by) returning id""")
                .param("n", number).param("t", title).param("a", adopted).param("x", text).param("f", followUp).param("d", due)
                .param("l", d.leaderAccountId()).param("by", user.getUsername()).query(Long.class).single();
        for (Long s : suggestionIds) {
            jdbc.sql("insert into supervision_resolution_suggestion (resolution_id, suggestion_id) values (:r, :s)")
                    .param("r", id).param("s", s).update();
        }
        for (Long u : unitIds) {
            jdbc.sql("insert into supervision_resolution_unit (resolution_id, unit_id) values (:r, :u)").param("r", id).param("u", u).update();
        }
        recorder.publish(new ResolutionRecorded(id, number, adopted, due, suggestionIds, unitIds, d.leaderAccountId()), user, null);
        return id;
    }

    record Resolution(long id, LocalDate dueOn, String status) {
    }

    private Resolution visible(long id, CivicUser user) {
        Resolution r = jdbc.sql("select id, due_on, status from supervision_resolution where id = :id for update").param("id", id)
                .query(Resolution.class).optional().orElseThrow(() -> new NotFoundException("resolution", id));
        if (!permissions.seesAll(user) && !named(id, user)) {
            throw new NotFoundException("resolution", id);
        }
        return r;
    }

    private boolean named(long id, CivicUser user) {
        return user.unitId() != null && permissions.isUnitStaff(user, user.unitId())
                && jdbc.sql("select exists (select 1 from supervision_resolution_unit where resolution_id = :r and unit_id = :u)")
                .param("r", id).param("u", user.unitId()).query(Boolean.class).single();
    }

    public long report(long resolutionId, String report, CivicUser user) {
        return report(resolutionId, report, user, Instant.now());
    }

    /** A named unit reports on its follow-up; late when filed after the due day. Several reports are kept. */
    public long report(long resolutionId, String report, CivicUser user, Instant now) {
        Resolution r = visible(resolutionId, user);
        if (!named(resolutionId, user)) {
            throw new AccessDeniedException("resolution report");
        }
        if (!"OPEN".equals(r.status())) {
            throw BusinessException.conflict("supervision.error.closed");
        }
        String text = Texts.required(report, 20000);
        boolean late = now.atZone(zone).toLocalDate().isAfter(r.dueOn());
        long id = jdbc.sql("""
                insert into supervision_resolution_report (resolution_id, unit_id, report, late, reported_at, reported_by)
                values (:r, :u, :t, :late, :at, :by) returning id""")
                .param("r", resolutionId).param("u", user.unitId()).param("t", text).param("late", late)
                .param("at", Timestamp.from(now)).param("by", user.getUsername()).query(Long.class).single();
        recorder.publish(new ResolutionFollowUpReported(resolutionId, id, user.unitId(), late), user, null);
        return id;
    }

    public void close(long resolutionId, String note, CivicUser user) {
        Resolution r = visible(resolutionId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("close resolution");
        }
        if (!"OPEN".equals(r.status())) {
            throw BusinessException.conflict("supervision.error.closed");
        }
        jdbc.sql("update supervision_resolution set status = 'CLOSED', closed_at = now(), closed_by = :by, close_note = :n where id = :r")
                .param("by", user.getUsername()).param("n", Texts.optional(note, 2000)).param("r", resolutionId).update();
        recorder.publish(new ResolutionClosed(resolutionId), user, null);
    }
}
