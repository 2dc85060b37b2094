package org.civicloop.suggestions.supervision.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.supervision.domain.SupervisionPermissions;
import org.civicloop.suggestions.supervision.domain.SupervisionQueries;
import org.springframework.stereotype.Component;

/**
 * The supervision section of a suggestion's own page ({@code suggestions/supervision/panel}), for
 * whoever may see that page: its lead supervisor and activities, its continuous and tracking status,
 * the resolutions covering it. Links to supervision pages only for those who may open them.
 */
@Component("supervisionPanel")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SupervisionPanel {

    private final SupervisionQueries queries;
    private final People people;
    private final SupervisionRag rag;
    private final SupervisionPermissions permissions = new SupervisionPermissions();

    public record Panel(boolean shown, boolean desk, String leaderName, LocalDate nextMilestone, SupervisionRag.KeyState state,
                        List<SupervisionQueries.Activity> activities, SupervisionQueries.ContinuousItem continuous,
                        List<SupervisionQueries.TrackingRow> tracking, List<SupervisionQueries.ResolutionRow> resolutions,
                        Map<Long, String> unitNames, Long viewerUnit) {
    }

    public Panel of(long suggestionId, boolean keySuggestion, CivicUser user) {
        var lead = queries.lead(suggestionId).orElse(null);
        var activities = queries.activities(suggestionId);
        var continuous = queries.continuousItemOf(suggestionId).orElse(null);
        var tracking = queries.trackingOf(suggestionId);
        var resolutions = queries.resolutionsCovering(suggestionId);
        boolean desk = user != null && permissions.seesAll(user);
        boolean shown = lead != null || !activities.isEmpty() || continuous != null || !tracking.isEmpty() || !resolutions.isEmpty()
                || (desk && keySuggestion);
        return new Panel(shown, desk, lead == null ? null : people.account(lead.leaderAccountId()),
                lead == null ? null : lead.nextMilestone(), lead == null ? null : state(suggestionId, lead), activities, continuous,
                tracking, resolutions, people.units(), user == null ? null : user.unitId());
    }

    /** The same state the desk and the supervision page show: the key row's (milestone and reply), else the milestone's. */
    private SupervisionRag.KeyState state(long suggestionId, SupervisionQueries.Lead lead) {
        return queries.keySuggestion(suggestionId).map(rag::stateOf).orElseGet(() -> rag.stateOf(lead.nextMilestone()));
    }
}
