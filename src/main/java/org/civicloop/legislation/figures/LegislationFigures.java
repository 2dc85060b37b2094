package org.civicloop.legislation.figures;

import org.civicloop.shared.ReportReads;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact points' figures for a year: drafts consulted (drafts whose window opened that year and asked the
 * point), consultations held and the people at them, comments gathered, suggestions reported (the suggested
 * revisions in the point's newest sent report on each draft), and how many were adopted or partly adopted.
 */
@Service
@ReportReads
public class LegislationFigures {

    private final JdbcClient jdbc;
    private final LiaisonSites sites;

    LegislationFigures(JdbcClient jdbc, LiaisonSites sites) {
        this.jdbc = jdbc;
        this.sites = sites;
    }

    /** One point's year. {@code adopted} counts adopted and partly adopted suggestions. */
    public record PointYear(long siteId, String name, long drafts, long consultations, long participants, long comments,
                            long reported, long adopted, long partly) {
        /** Adopted (in whole or in part) per reported suggestion, in percent; null when nothing was reported. */
        public Integer adoptionRate() {
            return reported == 0 ? null : (int) Math.round(100.0 * (adopted + partly) / reported);
        }
    }

    /** Comments on one article of a draft ({@code articleNo} null: on the draft as a whole). */
    public record ArticleCount(Integer articleNo, long comments) {

        /** 第四条, as the draft writes it; null on the draft as a whole. */
        public String heading() {
            return articleNo == null ? null : org.civicloop.legislation.drafts.Numbering.article(articleNo);
        }
    }

    @Transactional(readOnly = true)
    public List<Integer> years() {
        return jdbc.sql("select distinct extract(year from opens_on)::int from legislation_draft order by 1 desc")
                .query(Integer.class).list();
    }

    @Transactional(readOnly = true)
    public List<PointYear> points(int year) {
        record Row(long siteId, long drafts, long consultations, long participants, long comments, long reported,
                   long adopted, long partly) {
        }
        List<Row> rows = jdbc.sql("""
                        with drafts as (
                            select p.site_id, d.id as draft_id from legislation_draft_point p
                              join legislation_draft d on d.id = p.draft_id
                             where extract(year from d.opens_on) = :y),
                        reported as (
                            select r.site_id, ra.id, ad.outcome from legislation_report r
                              join drafts x on x.draft_id = r.draft_id and x.site_id = r.site_id
                              join legislation_report_article ra on ra.report_id = r.id
                              left join legislation_adoption ad on ad.report_article_id = ra.id
                             where r.status = 'SENT' and r.report_no = (select max(r2.report_no) from legislation_report r2
                                     where r2.draft_id = r.draft_id and r2.site_id = r.site_id and r2.status = 'SENT'))
                        select x.site_id, count(*),
                               (select count(*) from legislation_consultation k join drafts y on y.draft_id = k.draft_id
                                 and y.site_id = k.site_id where k.site_id = x.site_id),
                               (select coalesce(sum(k.participants), 0) from legislation_consultation k join drafts y
                                 on y.draft_id = k.draft_id and y.site_id = k.site_id where k.site_id = x.site_id),
                               (select count(*) from legislation_comment c join drafts y on y.draft_id = c.draft_id
                                 and y.site_id = c.site_id where c.site_id = x.site_id),
                               (select count(*) from reported s where s.site_id = x.site_id),
                               (select count(*) from reported s where s.site_id = x.site_id and s.outcome = 'ADOPTED'),
                               (select count(*) from reported s where s.site_id = x.site_id and s.outcome = 'PARTLY')
                          from drafts x group by x.site_id""")
                .param("y", year)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
        List<PointYear> result = new ArrayList<>();
        for (Row r : rows) {
            String name = sites.find(r.siteId()).map(SiteSummary::name).orElse("#" + r.siteId());
            result.add(new PointYear(r.siteId(), name, r.drafts(), r.consultations(), r.participants(), r.comments(),
                    r.reported(), r.adopted(), r.partly()));
        }
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    /** Every draft of the year with its comment count, for the per-draft charts. */
    @Transactional(readOnly = true)
    public List<DraftCount> drafts(int year) {
        return jdbc.sql("""
                        select d.id, d.title, (select count(*) from legislation_comment c where c.draft_id = d.id)
                          from legislation_draft d where extract(year from d.opens_on) = :y order by d.opens_on desc, d.id desc""")
                .param("y", year).query((rs, n) -> new DraftCount(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    public record DraftCount(long id, String title, long comments) {
    }

    /** Comments per article of a draft, in the draft's order, the draft as a whole last; every article listed. */
    @Transactional(readOnly = true)
    public List<ArticleCount> perArticle(long draftId) {
        List<ArticleCount> counts = new ArrayList<>(jdbc.sql("""
                        select a.article_no, (select count(*) from legislation_comment c where c.article_id = a.id)
                          from legislation_article a where a.draft_id = :d order by a.position""")
                .param("d", draftId).query((rs, n) -> new ArticleCount(rs.getInt(1), rs.getLong(2))).list());
        long whole = jdbc.sql("select count(*) from legislation_comment where draft_id = :d and article_id is null")
                .param("d", draftId).query(Long.class).single();
        counts.add(new ArticleCount(null, whole));
        return counts;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<String> title(long draftId) {
        return jdbc.sql("select title from legislation_draft where id = :d").param("d", draftId).query(String.class).optional();
    }
}
