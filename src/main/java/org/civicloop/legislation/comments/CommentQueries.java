package org.civicloop.legislation.comments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The comments on a draft and the consultations that gathered them, as the staff pages and the compiled
 * report read them. Names and phones are in {@link CommentRow}: show them only where
 * {@code LegislationPermissions.maySeeContact} allows, never on public pages.
 */
@Component
public class CommentQueries {

    private final JdbcClient jdbc;

    CommentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One comment. {@code articleId}/{@code position} null: on the draft as a whole. {@code siteId} null: online.
     * {@code consultationId} set for MEETING, VISIT and COLLECTOR.
     */
    public record CommentRow(long id, long draftId, Long articleId, Integer position, Integer articleNo, String channel,
                             Long siteId, Long consultationId, String body, String name, String phone, boolean consent,
                             Instant createdAt) {

        /** 第四条, as the draft writes it; null on the draft as a whole. */
        public String heading() {
            return articleNo == null ? null : org.civicloop.legislation.drafts.Numbering.article(articleNo);
        }
    }

    /** A consultation held at a contact point, with how many views it brought and the deputies who took part. */
    public record ConsultationRow(long id, long draftId, long siteId, String channel, LocalDate heldOn, String place,
                                  int participants, long views, String deputyIds) {

        public List<Long> deputies() {
            return deputyIds == null || deputyIds.isBlank() ? List.of()
                    : java.util.Arrays.stream(deputyIds.split(",")).map(Long::valueOf).toList();
        }
    }

    private static final String COMMENT = """
            select c.id, c.draft_id, c.article_id, a.position, a.article_no, c.channel, c.site_id, c.consultation_id,
                   c.body, c.name, c.phone, c.consent, c.created_at
              from legislation_comment c left join legislation_article a on a.id = c.article_id""";

    /** Every comment on a draft: the whole draft's first, then article by article, oldest first. */
    public List<CommentRow> forDraft(long draftId) {
        return jdbc.sql(COMMENT + " where c.draft_id = :d order by a.position nulls first, c.created_at, c.id")
                .param("d", draftId).query(CommentRow.class).list();
    }

    /** The comments on one contact point's behalf (QR and in person) on a draft. */
    public List<CommentRow> forDraftAndSite(long draftId, long siteId) {
        return jdbc.sql(COMMENT + " where c.draft_id = :d and c.site_id = :s order by a.position nulls first, c.created_at, c.id")
                .param("d", draftId).param("s", siteId).query(CommentRow.class).list();
    }

    /** The number of comments per article id (key 0: on the draft as a whole). */
    public Map<Long, Long> countsByArticle(long draftId) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select coalesce(article_id, 0) as article, count(*) as n from legislation_comment where draft_id = :d"
                        + " group by coalesce(article_id, 0)")
                .param("d", draftId).query((rs, n) -> counts.put(rs.getLong("article"), rs.getLong("n"))).list();
        return counts;
    }

    /** The consultations on a draft, newest first. */
    public List<ConsultationRow> consultations(long draftId) {
        return jdbc.sql("""
                        select k.id, k.draft_id, k.site_id, k.channel, k.held_on, k.place, k.participants,
                               (select count(*) from legislation_comment c where c.consultation_id = k.id) as views,
                               (select string_agg(cd.deputy_id::text, ',' order by cd.deputy_id)
                                  from legislation_consultation_deputy cd where cd.consultation_id = k.id) as deputy_ids
                          from legislation_consultation k where k.draft_id = :d order by k.held_on desc, k.id desc""")
                .param("d", draftId).query(ConsultationRow.class).list();
    }
}
