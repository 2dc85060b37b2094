package org.civicloop.suggestions.supervision;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * What happens in the supervision (督办) of suggestions, in the past tense. Every one is audited;
 * those about one suggestion have it as their subject, so its audit trail and timeline show them.
 */
public final class SupervisionEvents {

    private SupervisionEvents() {
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1] instanceof LocalDate d ? d.toString() : pairs[i + 1]);
            }
        }
        return m;
    }

    /** An event about one suggestion: the suggestion is its audit subject, so its trail and timeline show it. */
    public interface AboutSuggestion extends AuditableEvent {
        long suggestionId();
        default String subjectType() { return "suggestion"; }
        default String subjectId() { return Long.toString(suggestionId()); }
    }

    /** An event about one resolution (决议), its audit subject. */
    public interface AboutResolution extends AuditableEvent {
        long resolutionId();
        default String subjectType() { return "resolution"; }
        default String subjectId() { return Long.toString(resolutionId()); }
    }

    /** 领衔督办: the office named (or replaced) the leader leading the supervision of a key suggestion. */
    public record LeadSupervisorNamed(long suggestionId, long leaderAccountId, Long previousLeaderAccountId,
                                      LocalDate nextMilestone) implements AboutSuggestion {
        public String action() { return "supervision.leadSupervisorNamed"; }
        public Map<String, Object> before() { return map("leaderAccountId", previousLeaderAccountId); }
        public Map<String, Object> after() { return map("leaderAccountId", leaderAccountId, "nextMilestone", nextMilestone); }
    }

    /** A supervision activity (hearing, site visit…) on a key suggestion was recorded. */
    public record SupervisionActivityRecorded(long suggestionId, long activityId, String kind, LocalDate heldOn,
                                              LocalDate nextMilestone) implements AboutSuggestion {
        public String action() { return "supervision.activityRecorded"; }
        public Map<String, Object> after() {
            return map("activityId", activityId, "kind", kind, "heldOn", heldOn, "nextMilestone", nextMilestone);
        }
    }

    /** 连续督办: a suggestion closed with a result class of the continuous set entered the list of its year. */
    public record ContinuousSupervisionEntered(long suggestionId, long itemId, int year, long unitId, String resultClass)
            implements AboutSuggestion {
        public String action() { return "supervision.continuousEntered"; }
        public Map<String, Object> after() {
            return map("itemId", itemId, "year", year, "unitId", unitId, "resultClass", resultClass);
        }
    }

    /** An unsolved item of one year's list was carried into the next year's (接续办理). */
    public record ContinuousSupervisionCarriedForward(long suggestionId, long itemId, int fromYear, int toYear)
            implements AboutSuggestion {
        public String action() { return "supervision.continuousCarriedForward"; }
        public Map<String, Object> after() { return map("itemId", itemId, "fromYear", fromYear, "toYear", toYear); }
    }

    /** The responsible unit (or the office for it) reported a year's progress on a continuous item. */
    public record ContinuousProgressReported(long suggestionId, long itemId, int year, boolean replaced)
            implements AboutSuggestion {
        public String action() { return "supervision.continuousProgressReported"; }
        public Map<String, Object> after() { return map("itemId", itemId, "year", year, "replaced", replaced); }
    }

    /** A continuous item was marked solved and leaves the lists. */
    public record ContinuousSupervisionSolved(long suggestionId, long itemId, LocalDate solvedOn) implements AboutSuggestion {
        public String action() { return "supervision.continuousSolved"; }
        public Map<String, Object> after() { return map("itemId", itemId, "solvedOn", solvedOn); }
    }

    /** 跟踪督办 started: a closed suggestion, a responsible unit, a report every so many months. */
    public record TrackingStarted(long suggestionId, long trackingId, long unitId, int intervalMonths, LocalDate startsOn,
                                  LocalDate firstDueOn, Long leaderAccountId) implements AboutSuggestion {
        public String action() { return "supervision.trackingStarted"; }
        public Map<String, Object> after() {
            return map("trackingId", trackingId, "unitId", unitId, "intervalMonths", intervalMonths, "startsOn", startsOn,
                    "firstDueOn", firstDueOn, "leaderAccountId", leaderAccountId);
        }
    }

    /** The unit filed the progress report of one period of a tracking item. */
    public record TrackingReportFiled(long suggestionId, long trackingId, int period, LocalDate dueOn, boolean late,
                                      LocalDate nextDueOn) implements AboutSuggestion {
        public String action() { return "supervision.trackingReportFiled"; }
        public Map<String, Object> after() {
            return map("trackingId", trackingId, "period", period, "dueOn", dueOn, "late", late, "nextDueOn", nextDueOn);
        }
    }

    /** The office ended a tracking item. */
    public record TrackingClosed(long suggestionId, long trackingId, int reportsMade) implements AboutSuggestion {
        public String action() { return "supervision.trackingClosed"; }
        public Map<String, Object> before() { return map("status", "OPEN"); }
        public Map<String, Object> after() { return map("trackingId", trackingId, "reportsMade", reportsMade, "status", "CLOSED"); }
    }

    /** 决议: the office recorded a standing-committee resolution and the follow-up it demands. */
    public record ResolutionRecorded(long resolutionId, String number, LocalDate adoptedOn, LocalDate dueOn,
                                     List<Long> suggestionIds, List<Long> unitIds, Long leaderAccountId)
            implements AboutResolution {
        public String action() { return "supervision.resolutionRecorded"; }
        public Map<String, Object> after() {
            return map("number", number, "adoptedOn", adoptedOn, "dueOn", dueOn, "suggestionIds", suggestionIds,
                    "unitIds", unitIds, "leaderAccountId", leaderAccountId);
        }
    }

    /** A unit named by a resolution reported on its follow-up. */
    public record ResolutionFollowUpReported(long resolutionId, long reportId, long unitId, boolean late)
            implements AboutResolution {
        public String action() { return "supervision.resolutionFollowUpReported"; }
        public Map<String, Object> after() { return map("reportId", reportId, "unitId", unitId, "late", late); }
    }

    /** The office closed a resolution's follow-up. */
    public record ResolutionClosed(long resolutionId) implements AboutResolution {
        public String action() { return "supervision.resolutionClosed"; }
        public Map<String, Object> before() { return map("status", "OPEN"); }
        public Map<String, Object> after() { return map("status", "CLOSED"); }
    }
}
