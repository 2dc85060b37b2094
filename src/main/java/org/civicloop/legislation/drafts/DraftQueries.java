package org.civicloop.legislation.drafts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists of drafts for the office's, the contact points' and the public's pages. */
@Component
public class DraftQueries {

    private static final String SELECT = """
            select d.id, d.title, d.issuing_body, d.opens_on, d.closes_on, d.opened_at, d.passed_on,
                   (select count(*) from legislation_article a where a.draft_id = d.id) as articles,
                   (select count(*) from legislation_comment c where c.draft_id = d.id) as comments
              from legislation_draft d""";

    private final JdbcClient jdbc;

    DraftQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One draft in a list. {@code openedAt} null: registered, not yet opened. */
    public record DraftRow(long id, String title, String issuingBody, LocalDate opensOn, LocalDate closesOn, Instant openedAt,
                           LocalDate passedOn, long articles, long comments) {

        /** {@code PREPARING} (not opened), {@code UPCOMING}, {@code OPEN}, {@code CLOSED} or {@code PASSED} on {@code today}. */
        public String phase(LocalDate today) {
            if (openedAt == null) {
                return "PREPARING";
            }
            if (passedOn != null) {
                return "PASSED";
            }
            return today.isBefore(opensOn) ? "UPCOMING" : today.isAfter(closesOn) ? "CLOSED" : "OPEN";
        }
    }

    /** The office: every draft; station staff: the drafts that asked a contact point their unit runs. Newest first. */
    public List<DraftRow> forStaff(CivicUser user, List<Long> sitesWorkedAt) {
        if (LegislationPermissions.mayManageDrafts(user)) {
            return jdbc.sql(SELECT + " order by d.opens_on desc, d.id desc").query(DraftRow.class).list();
        }
        if (sitesWorkedAt.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " " + """
                         where d.opened_at is not null and exists (select 1 from legislation_draft_point p
                                where p.draft_id = d.id and p.site_id in (:sites))
                         order by d.opens_on desc, d.id desc""")
                .param("sites", sitesWorkedAt).query(DraftRow.class).list();
    }

    /** The drafts the public may comment on today, closing soonest first. */
    public List<DraftRow> openOn(LocalDate today) {
        return jdbc.sql(SELECT + " where d.opened_at is not null and :t between d.opens_on and d.closes_on"
                        + " order by d.closes_on, d.id")
                .param("t", today).query(DraftRow.class).list();
    }

    /** The drafts a contact point asks about today. */
    public List<DraftRow> openAtPoint(long siteId, LocalDate today) {
        return jdbc.sql(SELECT + " " + """
                         where d.opened_at is not null and :t between d.opens_on and d.closes_on
                           and exists (select 1 from legislation_draft_point p where p.draft_id = d.id and p.site_id = :s)
                         order by d.closes_on, d.id""")
                .param("t", today).param("s", siteId).query(DraftRow.class).list();
    }
}
