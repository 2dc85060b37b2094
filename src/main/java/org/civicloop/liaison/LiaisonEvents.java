package org.civicloop.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to liaison sites, in the past tense. Every one is audited. */
public final class LiaisonEvents {

    private LiaisonEvents() {
    }

    public record SiteCreated(long siteId, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.created"; }
    }

    /** Details, resident deputies or the staff unit changed. */
    public record SiteUpdated(long siteId, Map<String, Object> before, Map<String, Object> after) implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.updated"; }
    }

    /** The office replaced a site's duty QR code: posters with the old code stop working. */
    public record SiteDutyTokenRegenerated(long siteId, String oldToken, String newToken) implements AuditableEvent {
        public String subjectType() { return "site"; }
        public String subjectId() { return Long.toString(siteId); }
        public String action() { return "site.dutyTokenRegenerated"; }
        public Map<String, Object> before() { return Map.of("dutyToken", oldToken); }
        public Map<String, Object> after() { return Map.of("dutyToken", newToken); }
    }

    // --- the network at work (issue 10): what the network's figures and the deputies' duty records count ---

    /**
     * A planned reception (接待) was held: at the site, or, when {@code mobile}, at a named place (a market,
     * a square) on the site's behalf. {@code deputyIds} are the deputies present.
     */
    public record ReceptionHeld(long receptionId, long siteId, LocalDate heldOn, boolean mobile, String place,
                                int visitors, List<Long> deputyIds) implements AuditableEvent {
        public String subjectType() { return "reception"; }
        public String subjectId() { return Long.toString(receptionId); }
        public String action() { return "reception.held"; }
        public Map<String, Object> after() {
            return Map.of("siteId", siteId, "heldOn", heldOn.toString(), "mobile", mobile, "place", place,
                    "visitors", visitors, "deputyIds", deputyIds);
        }
    }

    /**
     * A themed activity at a deputy home or point (a rural tourism weekend, a policy lecture) took place;
     * {@code incomeYuan} is the income it brought in, null where it does not apply.
     */
    public record SiteActivityHeld(long activityId, long siteId, LocalDate heldOn, String theme, int visitors,
                                   Long incomeYuan, List<Long> deputyIds) implements AuditableEvent {
        public String subjectType() { return "siteActivity"; }
        public String subjectId() { return Long.toString(activityId); }
        public String action() { return "siteActivity.held"; }
        public Map<String, Object> after() {
            Map<String, Object> after = new java.util.LinkedHashMap<>();
            after.put("siteId", siteId);
            after.put("heldOn", heldOn.toString());
            after.put("theme", theme);
            after.put("visitors", visitors);
            after.put("incomeYuan", incomeYuan);
            after.put("deputyIds", deputyIds);
            return after;
        }
    }

    /** An enterprise's matter (企业诉求) was taken up at a site and sent to a government unit. */
    public record EnterpriseMatterOpened(long matterId, long siteId, LocalDate openedOn, long unitId,
                                         List<Long> deputyIds) implements AuditableEvent {
        public String subjectType() { return "enterpriseMatter"; }
        public String subjectId() { return Long.toString(matterId); }
        public String action() { return "enterpriseMatter.opened"; }
        public Map<String, Object> after() {
            return Map.of("siteId", siteId, "openedOn", openedOn.toString(), "unitId", unitId, "deputyIds", deputyIds);
        }
    }

    /** The enterprise confirmed the outcome of its matter: {@code solved} when it says the problem is solved. */
    public record EnterpriseMatterConfirmed(long matterId, long siteId, LocalDate confirmedOn, boolean solved,
                                            List<Long> deputyIds) implements AuditableEvent {
        public String subjectType() { return "enterpriseMatter"; }
        public String subjectId() { return Long.toString(matterId); }
        public String action() { return "enterpriseMatter.confirmed"; }
        public Map<String, Object> after() {
            return Map.of("siteId", siteId, "confirmedOn", confirmedOn.toString(), "solved", solved,
                    "deputyIds", deputyIds);
        }
    }

    /** A dispute (纠纷调解) was closed at a site: {@code agreed} when the parties signed an agreement. */
    public record DisputeClosed(long disputeId, long siteId, LocalDate closedOn, boolean agreed,
                                List<Long> deputyIds) implements AuditableEvent {
        public String subjectType() { return "dispute"; }
        public String subjectId() { return Long.toString(disputeId); }
        public String action() { return "dispute.closed"; }
        public Map<String, Object> after() {
            return Map.of("siteId", siteId, "closedOn", closedOn.toString(), "agreed", agreed, "deputyIds", deputyIds);
        }
    }

    /**
     * An opinion reached a site: sent through the site's duty code or recorded at one of its receptions
     * ({@code receptionId}, else null). Published by the opinions module, which may depend on liaison while
     * liaison may not depend on it; not audited here (the opinion's own submission is). Carries no personal data.
     */
    public record OpinionHeardAtSite(long opinionId, long siteId, Long receptionId, Instant heardAt) {
    }
}
