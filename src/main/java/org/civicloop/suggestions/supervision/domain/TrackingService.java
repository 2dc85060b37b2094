package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingClosed;
import org.civicloop.suggestions.supervision.SupervisionEvents.TrackingReportFiled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 跟踪督办: a closed suggestion whose result needs upkeep. The office puts it on tracking with a
 * responsible unit and a report interval; the unit files one report per period, the period's due
 * date following {@link TrackingSchedule}; the office closes the tracking. Another unit's item does
 * not exist for a unit (404).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TrackingService {

    private final SuggestionService suggestions;
    private final Directory directory;
    private final FollowUpRepository items;
    private final SupervisionRecorder recorder;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    /** What the office decides when it starts tracking; the leader is optional (shown on their list). */
    public record TrackingDraft(Long unitId, Integer intervalMonths, LocalDate startsOn, Long leaderAccountId, String note) {
    }

    public long start(long suggestionId, TrackingDraft d, CivicUser user) {
        Suggestion s = suggestions.visible(suggestionId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("start tracking");
        }
        if (s.status() != SuggestionStatus.CLOSED) {
            throw BusinessException.conflict("supervision.error.notClosed");
        }
        if (d.unitId() == null || directory.handlingUnits().stream().noneMatch(u -> u.id() == d.unitId())) {
            throw BusinessException.invalid("supervision.error.unit");
        }
        TrackingItem t = TrackingItem.start(suggestionId, d.unitId(), d.intervalMonths(), d.startsOn(), d.leaderAccountId(),
                d.note(), user.getUsername(), Instant.now());
        if (d.leaderAccountId() != null) {
            LeadSupervisionService.requireLeader(directory, d.leaderAccountId());
        }
        if (items.trackingOpen(suggestionId, d.unitId())) {
            throw BusinessException.conflict("supervision.error.alreadyTracked");
        }
        items.save(t);
        recorder.publish(t.started(), user, directory.unitName(d.unitId()).orElse(null));
        return t.id();
    }

    /** The item, locked; another unit's item does not exist for a unit. */
    private TrackingItem visible(long trackingId, CivicUser user) {
        TrackingItem t = items.lockTracking(trackingId).orElseThrow(() -> new NotFoundException("tracking", trackingId));
        if (!permissions.seesAll(user) && !permissions.isUnitStaff(user, t.unitId())) {
            throw new NotFoundException("tracking", trackingId);
        }
        return t;
    }

    public void report(long trackingId, String report, CivicUser user) {
        report(trackingId, report, user, Instant.now());
    }

    /** The responsible unit's report for the next period; late when filed after that period's due day. */
    public void report(long trackingId, String report, CivicUser user, Instant now) {
        TrackingItem t = visible(trackingId, user);
        if (!permissions.isUnitStaff(user, t.unitId())) {
            throw new AccessDeniedException("tracking report");
        }
        TrackingReportFiled filed = t.fileReport(report, user.getUsername(), now, zone);
        items.save(t);
        recorder.publish(filed, user, null);
    }

    /** The office ends the tracking; the reports stay. */
    public void close(long trackingId, String note, CivicUser user) {
        TrackingItem t = visible(trackingId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("close tracking");
        }
        TrackingClosed closed = t.close(note, user.getUsername(), Instant.now());
        items.save(t);
        recorder.publish(closed, user, t.closeNote());
    }
}
