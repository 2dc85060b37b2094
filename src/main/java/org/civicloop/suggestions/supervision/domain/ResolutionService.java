package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.supervision.SupervisionEvents.ResolutionClosed;
import org.civicloop.suggestions.supervision.domain.Resolution.ResolutionDraft;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 决议: the office records a standing-committee resolution on registered suggestions (or on a matter the
 * people raised, which none covers yet), with the
 * follow-up it demands of named units by a due date; each unit reports; the office closes it. A
 * unit not named by a resolution does not see it (404).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ResolutionService {

    /** Statuses of suggestions not (or not yet) registered: a resolution cannot cover them. */
    static final List<String> UNREGISTERED = List.of("DRAFT", "SUBMITTED", "RETURNED", "NOT_REGISTERED");

    private final Directory directory;
    private final JdbcClient jdbc;
    private final FollowUpRepository resolutions;
    private final SupervisionRecorder recorder;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    public long record(ResolutionDraft d, CivicUser user) {
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("record resolution");
        }
        Resolution r = Resolution.record(d, user.getUsername(), Instant.now());
        long registered = r.suggestionIds().isEmpty() ? 0 : jdbc.sql(
                        "select count(*) from suggestion where id in (:ids) and status not in (:unregistered)")
                .param("ids", r.suggestionIds()).param("unregistered", UNREGISTERED).query(Long.class).single();
        if (registered != r.suggestionIds().size()) {
            throw BusinessException.invalid("supervision.error.suggestionNotRegistered");
        }
        List<Long> known = directory.handlingUnits().stream().map(Directory.UnitRef::id).toList();
        if (r.unitIds().isEmpty() || !known.containsAll(r.unitIds())) {
            throw BusinessException.invalid("supervision.error.units");
        }
        if (d.leaderAccountId() != null) {
            LeadSupervisionService.requireLeader(directory, d.leaderAccountId());
        }
        if (resolutions.resolutionNumberTaken(r.number())) {
            throw BusinessException.conflict("supervision.error.numberTaken", r.number());
        }
        resolutions.save(r);
        recorder.publish(r.recorded(), user, null);
        return r.id();
    }

    /** The resolution, locked; a unit it does not name does not see it. */
    private Resolution visible(long id, CivicUser user) {
        Resolution r = resolutions.lockResolution(id).orElseThrow(() -> new NotFoundException("resolution", id));
        if (!permissions.seesAll(user) && !named(r, user)) {
            throw new NotFoundException("resolution", id);
        }
        return r;
    }

    private boolean named(Resolution r, CivicUser user) {
        return user.unitId() != null && permissions.isUnitStaff(user, user.unitId()) && r.names(user.unitId());
    }

    public long report(long resolutionId, String report, CivicUser user) {
        return report(resolutionId, report, user, Instant.now());
    }

    /** A named unit reports on its follow-up; late when filed after the due day. Several reports are kept. */
    public long report(long resolutionId, String report, CivicUser user, Instant now) {
        Resolution r = visible(resolutionId, user);
        if (!named(r, user)) {
            throw new AccessDeniedException("resolution report");
        }
        Resolution.Report filed = r.reportFollowUp(user.unitId(), report, user.getUsername(), now, zone);
        resolutions.save(r);
        recorder.publish(r.followUpReported(filed), user, null);
        return filed.id();
    }

    public void close(long resolutionId, String note, CivicUser user) {
        Resolution r = visible(resolutionId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("close resolution");
        }
        ResolutionClosed closed = r.close(note, user.getUsername(), Instant.now());
        resolutions.save(r);
        recorder.publish(closed, user, null);
    }
}
