package org.civicloop.records.domain;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.briefings.BriefingEvents.BriefingAttended;
import org.civicloop.legislation.LegislationEvents.ConsultationHeld;
import org.civicloop.liaison.LiaisonEvents.DisputeClosed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterConfirmed;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.liaison.LiaisonEvents.SiteActivityHeld;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.opinions.OpinionEvents.OpinionHeardByDeputy;
import org.civicloop.opinions.Opinions;
import org.civicloop.shared.HandedAgainWhenUnfinished;
import org.civicloop.suggestions.SuggestionEvents.SuggestionFiled;
import org.civicloop.suggestions.SuggestionEvents.SuggestionRegistered;
import org.civicloop.suggestions.SuggestionEvents.SuggestionResultsKnown;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Builds the duty records from what the other modules publish, once the publishing transaction has
 * committed (a rolled-back reception never counts): in the background, each event in a transaction of its
 * own, so that the request that published it never waits for a second connection (a market morning's QR
 * submissions through a deputy's duty code, 20 connections in the pool). Nothing here reads another
 * module's tables: a detail an event lacks (a site's name, an opinion category's name) is asked of the
 * publishing module's public face when the event is handled. A line is keyed by its source and the
 * source's id and the deputy, so an event delivered twice, or resubmitted from the event publication
 * registry ({@link HandedAgainWhenUnfinished}), counts once.
 *
 * <p>Every publisher of these events publishes inside its transaction: an event published outside one
 * would never reach these listeners ({@code @ApplicationModuleListener} has no fallback execution).
 */
@Component
@HandedAgainWhenUnfinished
class RecordEntries {

    static final String OPINION = "opinion";
    static final String RECEPTION = "reception";
    static final String SITE_ACTIVITY = "siteActivity";
    static final String MATTER = "enterpriseMatter";
    static final String DISPUTE = "dispute";
    static final String SUGGESTION = "suggestion";
    static final String SUGGESTION_CLASS_A = "suggestion.classA";
    static final String BRIEFING = "briefing";
    static final String CONSULTATION = "consultation";
    static final String MANUAL = "manual";

    private final JdbcClient jdbc;
    private final LiaisonSites sites;
    private final Opinions opinions;
    private final ZoneId zone;

    RecordEntries(JdbcClient jdbc, LiaisonSites sites, Opinions opinions,
                  @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.opinions = opinions;
        this.zone = ZoneId.of(zone);
    }

    @ApplicationModuleListener
    public void on(OpinionHeardByDeputy e) {
        String category = opinions.categories().stream().filter(c -> c.code().equals(e.category()))
                .map(Opinions.Category::nameZh).findFirst().orElse(e.category());
        // the code too: the record names the category in the reader's language
        add(e.deputyId(), ActivityKind.OPINION, OPINION, e.opinionId(), day(e.heardAt()), category, e.category());
    }

    @ApplicationModuleListener
    public void on(ReceptionHeld e) {
        String site = siteName(e.siteId());
        String title = e.mobile() && e.place() != null && !e.place().isBlank() ? site + " · " + e.place() : site;
        e.deputyIds().forEach(d -> add(d, ActivityKind.RECEPTION, RECEPTION, e.receptionId(), e.heldOn(), title));
    }

    @ApplicationModuleListener
    public void on(SiteActivityHeld e) {
        e.deputyIds().forEach(d -> add(d, ActivityKind.SITE_ACTIVITY, SITE_ACTIVITY, e.activityId(), e.heldOn(), e.theme()));
    }

    /** Confirmed again after a reopening: still one line, dated by the first confirmation. */
    @ApplicationModuleListener
    public void on(EnterpriseMatterConfirmed e) {
        String site = siteName(e.siteId());
        e.deputyIds().forEach(d -> add(d, ActivityKind.ENTERPRISE_MATTER, MATTER, e.matterId(), e.confirmedOn(), site));
    }

    @ApplicationModuleListener
    public void on(DisputeClosed e) {
        String site = siteName(e.siteId());
        e.deputyIds().forEach(d -> add(d, ActivityKind.DISPUTE, DISPUTE, e.disputeId(), e.closedOn(), site));
    }

    @ApplicationModuleListener
    public void on(SuggestionFiled e) {
        LocalDate on = day(e.submittedAt());
        // after a marking handled first (events come in any order), the lines are written without the title
        String title = confidential(e.suggestionId()) ? null : e.title();
        add(e.leadDeputyId(), ActivityKind.SUGGESTION_LED, SUGGESTION, e.suggestionId(), on, title);
        e.coSignerDeputyIds().forEach(d -> add(d, ActivityKind.SUGGESTION_COSIGNED, SUGGESTION, e.suggestionId(), on, title));
        if (title != null) {
            // a class-A line written before this filing was handled had no title to copy: it gets this one
            jdbc.sql("update record_entry set title = :t where source = :s and source_id = :id and title is null")
                    .param("t", clip(title)).param("s", SUGGESTION_CLASS_A).param("id", e.suggestionId()).update();
        }
    }

    /** Marked confidential (涉密) at registration: its title is no longer shown in any record. */
    @ApplicationModuleListener
    public void on(SuggestionRegistered e) {
        if (Boolean.TRUE.equals(e.change().details().get("confidential"))) {
            hideSuggestionTitle(e.suggestion().value());
        }
    }

    /** The class-A bonus goes to the lead deputy, once per suggestion, whatever the number of class-A replies. */
    @ApplicationModuleListener
    public void on(SuggestionResultsKnown e) {
        if (e.confidential()) {
            hideSuggestionTitle(e.suggestionId());
        } else {
            // under the suggestion's lock, so that a filing handled at the same time either is seen here or sees this line
            lock(e.suggestionId());
        }
        if (e.resultClasses().contains("A")) {
            add(e.leadDeputyId(), ActivityKind.SUGGESTION_CLASS_A, SUGGESTION_CLASS_A, e.suggestionId(), day(e.closedAt()),
                    e.confidential() ? null : suggestionTitle(e.suggestionId()));
        }
    }

    @ApplicationModuleListener
    public void on(BriefingAttended e) {
        add(e.deputyId(), ActivityKind.BRIEFING, BRIEFING, e.briefingId(), e.heldOn(), e.title());
    }

    @ApplicationModuleListener
    public void on(ConsultationHeld e) {
        String site = siteName(e.siteId());
        e.deputyIds().forEach(d -> add(d, ActivityKind.CONSULTATION, CONSULTATION, e.consultationId(), e.heldOn(), site));
    }

    /** Adds the line unless it is there already; answers whether it added it. */
    boolean add(long deputyId, ActivityKind kind, String source, long sourceId, LocalDate on, String title) {
        return add(deputyId, kind, source, sourceId, on, title, null);
    }

    /** {@code category}: the opinion category's code, for a line about an opinion. */
    private boolean add(long deputyId, ActivityKind kind, String source, long sourceId, LocalDate on, String title,
                        String category) {
        return jdbc.sql("""
                        insert into record_entry (deputy_id, kind, source, source_id, occurred_on, title, category)
                        values (:d, :k, :s, :id, :on, :t, :c) on conflict (source, source_id, deputy_id) do nothing""")
                .param("d", deputyId).param("k", kind.name()).param("s", source).param("id", sourceId)
                .param("on", Date.valueOf(on)).param("t", clip(title)).param("c", category).update() == 1;
    }

    private static String clip(String title) {
        return title == null ? null : title.length() > 200 ? title.substring(0, 200) : title;
    }

    private void hideSuggestionTitle(long suggestionId) {
        lock(suggestionId);
        jdbc.sql("insert into record_confidential_suggestion (suggestion_id) values (:id) on conflict do nothing")
                .param("id", suggestionId).update();
        jdbc.sql("update record_entry set title = null where source in (:s) and source_id = :id")
                .param("s", List.of(SUGGESTION, SUGGESTION_CLASS_A)).param("id", suggestionId).update();
    }

    /**
     * Whether the suggestion was marked confidential, under the suggestion's lock (held to the end of the
     * transaction): a marking and a filing handled at once wait for each other, so the second sees the first.
     */
    private boolean confidential(long suggestionId) {
        lock(suggestionId);
        return jdbc.sql("select exists (select 1 from record_confidential_suggestion where suggestion_id = :id)")
                .param("id", suggestionId).query(Boolean.class).single();
    }

    private void lock(long suggestionId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('record_suggestion'), cast(:id as int))")
                .param("id", (int) (suggestionId ^ (suggestionId >>> 32))).query().singleRow();
    }

    private String suggestionTitle(long suggestionId) {
        return jdbc.sql("select title from record_entry where source = :s and source_id = :id and title is not null limit 1")
                .param("s", SUGGESTION).param("id", suggestionId).query(String.class).optional().orElse(null);
    }

    private String siteName(long siteId) {
        return sites.find(siteId).map(SiteSummary::name).orElse(null);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
