package org.civicloop.suggestions.supervision.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.supervision.SupervisionEvents.LeadSupervisorNamed;
import org.civicloop.suggestions.supervision.SupervisionEvents.SupervisionActivityRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领衔督办: the office names a leader as lead supervisor of a key suggestion; that leader and the
 * office record what they did to supervise it. A suggestion the user may not see answers 404 (as on
 * its own page); one they see but may not act on, 403.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LeadSupervisionService {

    private final SuggestionService suggestions;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final SupervisionRecorder recorder;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    /** What an activity record holds; {@code nextMilestone} is optional. */
    public record ActivityDraft(String kind, LocalDate heldOn, String place, String participants, String summary,
                                LocalDate nextMilestone) {
    }

    /** The lead supervisor of a suggestion, if one is named. */
    public Optional<Long> leadOf(long suggestionId) {
        return jdbc.sql("select leader_account_id from supervision_lead where suggestion_id = :s").param("s", suggestionId)
                .query(Long.class).optional();
    }

    /** Names (or replaces) the lead supervisor; only for key suggestions (重点建议). */
    public void nameLeader(long suggestionId, Long leaderAccountId, LocalDate nextMilestone, CivicUser user) {
        Suggestion s = suggestions.visible(suggestionId, user);
        if (!permissions.isOffice(user)) {
            throw new AccessDeniedException("name lead supervisor");
        }
        if (!s.keySuggestion()) {
            throw BusinessException.conflict("supervision.error.notKeySuggestion");
        }
        requireLeader(directory, leaderAccountId);
        Texts.notTooFar(nextMilestone, LocalDate.now(zone));
        Long previous = leadOf(suggestionId).orElse(null);
        jdbc.sql("""
                insert into supervision_lead (suggestion_id, leader_account_id, next_milestone, named_at, named_by)
                values (:s, :l, :m, now(), :by)
                on conflict (suggestion_id) do update
                   set leader_account_id = excluded.leader_account_id, next_milestone = excluded.next_milestone,
                       named_at = excluded.named_at, named_by = excluded.named_by""")
                .param("s", suggestionId).param("l", leaderAccountId).param("m", nextMilestone).param("by", user.getUsername())
                .update();
        recorder.publish(new LeadSupervisorNamed(suggestionId, leaderAccountId, previous, nextMilestone), user,
                directory.accountDisplayName(leaderAccountId).orElse(null));
    }

    static void requireLeader(Directory directory, Long accountId) {
        if (accountId == null || !directory.accountsWithRole(Role.LEADER).contains(accountId)) {
            throw BusinessException.invalid("supervision.error.leader");
        }
    }

    public long recordActivity(long suggestionId, ActivityDraft d, CivicUser user) {
        return recordActivity(suggestionId, d, user, Instant.now());
    }

    /** Records an activity held on a day up to today; a next milestone given becomes the item's next one. */
    public long recordActivity(long suggestionId, ActivityDraft d, CivicUser user, Instant now) {
        suggestions.visible(suggestionId, user);
        Long lead = leadOf(suggestionId).orElse(null);
        if (!permissions.canRecordActivity(user, lead)) {
            throw new AccessDeniedException("record supervision activity");
        }
        if (lead == null) {
            throw BusinessException.conflict("supervision.error.noLeadSupervisor");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (d.kind() == null || !jdbc.sql("select exists (select 1 from supervision_activity_kind where code = :c and active)")
                .param("c", d.kind()).query(Boolean.class).single()) {
            throw BusinessException.invalid("supervision.error.activityKind");
        }
        LocalDate heldOn = Texts.notFuture(d.heldOn(), today);
        String place = Texts.required(d.place(), 200);
        String participants = Texts.required(d.participants(), 1000);
        String summary = Texts.required(d.summary(), 20000);
        if (d.nextMilestone() != null && !d.nextMilestone().isAfter(heldOn)) {
            throw BusinessException.invalid("supervision.error.milestoneBeforeActivity");
        }
        Texts.notTooFar(d.nextMilestone(), today);
        long id = jdbc.sql("""
                insert into supervision_activity (suggestion_id, kind, held_on, place, participants, summary, next_milestone,
                                                  recorded_by_account, recorded_by, recorded_at)
                values (:s, :k, :d, :p, :who, :sum, :m, :acc, :by, :at) returning id""")
                .param("s", suggestionId).param("k", d.kind()).param("d", heldOn).param("p", place).param("who", participants)
                .param("sum", summary).param("m", d.nextMilestone()).param("acc", user.accountId()).param("by", user.getUsername())
                .param("at", Timestamp.from(now)).query(Long.class).single();
        if (d.nextMilestone() != null) {
            jdbc.sql("update supervision_lead set next_milestone = :m where suggestion_id = :s")
                    .param("m", d.nextMilestone()).param("s", suggestionId).update();
        }
        recorder.publish(new SupervisionActivityRecorded(suggestionId, id, d.kind(), heldOn, d.nextMilestone()), user, place);
        return id;
    }
}
