package org.civicloop.legislation.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.deputies.Deputies;
import org.civicloop.legislation.LegislationEvents.ConsultationHeld;
import org.civicloop.legislation.drafts.Draft;
import org.civicloop.legislation.drafts.DraftRepository;
import org.civicloop.legislation.drafts.LegislationPermissions;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Views gathered in person at a contact point: the consultation and its views, stored together, and
 * {@link ConsultationHeld} published (the deputies' duty records count it). Entered by whoever works at
 * the point, for an opened draft that asked the point, on a day within the window and not in the future.
 */
@Service
@Transactional
public class ConsultationService {

    public static final int MAX_PARTICIPANTS = 10_000;

    private final JdbcClient jdbc;
    private final DraftRepository drafts;
    private final LiaisonSites sites;
    private final Deputies deputies;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    ConsultationService(JdbcClient jdbc, DraftRepository drafts, LiaisonSites sites, Deputies deputies,
                        ApplicationEventPublisher events, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.sites = sites;
        this.deputies = deputies;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    /** The points of a draft this user works at (the ones they may enter consultations for). */
    public List<SiteSummary> workplaces(CivicUser user, Draft draft) {
        return draft.siteIds().stream().map(sites::find).flatMap(java.util.Optional::stream)
                .filter(s -> LegislationPermissions.mayWorkAt(user, s))
                .sorted(java.util.Comparator.comparing(SiteSummary::name)).toList();
    }

    public long record(CivicUser user, ConsultationEntry e, Instant now) {
        Draft draft = drafts.find(e.draftId()).orElseThrow(() -> new NotFoundException("draft", e.draftId()));
        if (!draft.opened()) {
            throw BusinessException.conflict("legislation.consultation.error.notOpen");
        }
        List<Problem> problems = new ArrayList<>();
        SiteSummary site = e.siteId() == null ? null : sites.find(e.siteId()).orElse(null);
        if (site == null || !draft.siteIds().contains(site.id())) {
            problems.add(new Problem("siteId", "legislation.consultation.error.site"));
        } else if (!LegislationPermissions.mayWorkAt(user, site)) {
            throw new AccessDeniedException("not at this contact point");
        }
        if (e.channel() == null || !ConsultationEntry.CHANNELS.contains(e.channel())) {
            problems.add(new Problem("channel", "legislation.consultation.error.channel"));
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (e.heldOn() == null) {
            problems.add(new Problem("heldOn", "input.error.required"));
        } else if (e.heldOn().isAfter(today) || e.heldOn().isBefore(draft.opensOn()) || e.heldOn().isAfter(draft.closesOn())) {
            problems.add(new Problem("heldOn", "legislation.consultation.error.heldOn", draft.opensOn().toString(),
                    draft.closesOn().toString()));
        }
        TextRules.check(problems, TextRules.line("place", 200), e.place());
        if (e.participants() == null || e.participants() < 1 || e.participants() > MAX_PARTICIPANTS) {
            problems.add(new Problem("participants", "legislation.consultation.error.participants", MAX_PARTICIPANTS));
        }
        if (e.deputyIds().stream().anyMatch(d -> deputies.find(d).isEmpty())) {
            problems.add(new Problem("deputyIds", "legislation.consultation.error.deputy"));
        }
        List<ConsultationEntry.View> views = e.views().stream().filter(v -> !TextRules.isBlank(v.body())).toList();
        if (views.isEmpty()) {
            problems.add(new Problem("views", "legislation.consultation.error.noViews"));
        }
        for (int i = 0; i < e.views().size(); i++) {
            ConsultationEntry.View v = e.views().get(i);
            if (TextRules.isBlank(v.body())) {
                continue;
            }
            TextRules.check(problems, TextRules.text("views" + i, CommentService.BODY_MAX), v.body());
            if (v.articleId() != null && v.articleId() == -1) {
                problems.add(new Problem("views" + i, "legislation.consultation.error.chooseArticle"));
            } else if (v.articleId() != null && v.articleId() != 0 && draft.articleById(v.articleId()).isEmpty()) {
                problems.add(new Problem("views" + i, "legislation.comment.error.unknownArticle"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into legislation_consultation (draft_id, site_id, channel, held_on, place, participants,
                               recorded_by, recorded_at)
                        values (:d, :s, :ch, :on, :place, :n, :by, :at) returning id""")
                .param("d", draft.id()).param("s", site.id()).param("ch", e.channel()).param("on", e.heldOn())
                .param("place", e.place() == null || e.place().isBlank() ? null : e.place().strip())
                .param("n", e.participants()).param("by", user.accountId()).param("at", Timestamp.from(now))
                .query(Long.class).single();
        for (long deputy : e.deputyIds()) {
            jdbc.sql("insert into legislation_consultation_deputy (consultation_id, deputy_id) values (:c, :d)")
                    .param("c", id).param("d", deputy).update();
        }
        for (ConsultationEntry.View v : views) {
            jdbc.sql("""
                            insert into legislation_comment (draft_id, article_id, channel, site_id, consultation_id, body, created_at)
                            values (:d, :a, :ch, :s, :c, :b, :at)""")
                    .param("d", draft.id()).param("a", v.articleId() == null || v.articleId() == 0 ? null : v.articleId())
                    .param("ch", e.channel()).param("s", site.id()).param("c", id).param("b", v.body().strip())
                    .param("at", Timestamp.from(now)).update();
        }
        events.publishEvent(new ConsultationHeld(id, draft.id(), site.id(), e.channel(), e.heldOn(), e.participants(),
                e.deputyIds().stream().sorted().toList()));
        return id;
    }
}
