package org.civicloop.legislation.drafts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicloop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores drafts whole: the draft row, its contact points and its articles. The articles
 * are written anew while the draft is not open (no comment points at them yet); once open they are
 * never rewritten. {@code version} guards against two office clerks correcting the same draft.
 */
@Repository
public class DraftRepository {

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The draft whole. Its points and articles are read before its row, not while the row's result is open: read
     * from the row mapper, outside a transaction, each asked the pool for a second connection while holding the
     * first, and as many public requests at once as the pool has connections waited for each other until the
     * pool's 5 s were up (answered 503; {@code DraftCommentIntegrationTests.fortyCommentsAtOnceAreAllStored}).
     */
    public Optional<Draft> find(long id) {
        Set<Long> sites = new HashSet<>(sites(id));
        List<Article> articles = articles(id);
        return jdbc.sql("""
                        select id, title, issuing_body, opens_on, closes_on, focus_questions, source_text, final_text, passed_on,
                               registered_by, registered_at, opened_at, version from legislation_draft where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Draft(rs.getLong("id"), rs.getString("title"), rs.getString("issuing_body"),
                        rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
                        rs.getString("focus_questions"), rs.getString("source_text"), rs.getString("final_text"),
                        rs.getObject("passed_on", LocalDate.class), rs.getLong("registered_by"),
                        rs.getTimestamp("registered_at").toInstant(),
                        rs.getTimestamp("opened_at") == null ? null : rs.getTimestamp("opened_at").toInstant(),
                        rs.getInt("version"), sites, articles))
                .optional();
    }

    private List<Long> sites(long draftId) {
        return jdbc.sql("select site_id from legislation_draft_point where draft_id = :d order by site_id")
                .param("d", draftId).query(Long.class).list();
    }

    private List<Article> articles(long draftId) {
        return jdbc.sql("""
                        select id, position, chapter_no, chapter_title, article_no, body from legislation_article
                         where draft_id = :d order by position""")
                .param("d", draftId)
                .query((rs, n) -> new Article(rs.getLong("id"), rs.getInt("position"), (Integer) rs.getObject("chapter_no"),
                        rs.getString("chapter_title"), rs.getInt("article_no"), rs.getString("body")))
                .list();
    }

    /** A new draft: its row, points and articles. */
    public Draft insert(Draft d) {
        long id = jdbc.sql("""
                        insert into legislation_draft (title, issuing_body, opens_on, closes_on, focus_questions, source_text,
                               registered_by, registered_at, opened_at)
                        values (:title, :body, :opens, :closes, :questions, :text, :by, :at, :opened) returning id""")
                .param("title", d.title()).param("body", d.issuingBody()).param("opens", d.opensOn())
                .param("closes", d.closesOn()).param("questions", d.focusQuestions()).param("text", d.sourceText())
                .param("by", d.registeredBy()).param("at", Timestamp.from(d.registeredAt()))
                .param("opened", ts(d.openedAt()))
                .query(Long.class).single();
        d.assignId(id);
        for (long site : d.siteIds()) {
            jdbc.sql("insert into legislation_draft_point (draft_id, site_id) values (:d, :s)").param("d", id).param("s", site)
                    .update();
        }
        writeArticles(id, d.articles());
        return find(id).orElseThrow();
    }

    /** The draft's changed split and opening; refused when someone else changed it meanwhile. */
    public Draft update(Draft d) {
        int changed = jdbc.sql("""
                        update legislation_draft set opened_at = :opened, version = version + 1
                         where id = :id and version = :version""")
                .param("opened", ts(d.openedAt())).param("id", d.id()).param("version", d.version()).update();
        if (changed != 1) {
            throw BusinessException.conflict("legislation.draft.error.changedMeanwhile");
        }
        boolean locked = jdbc.sql("select exists (select 1 from legislation_comment where draft_id = :d)")
                .param("d", d.id()).query(Boolean.class).single();
        if (!locked) {
            jdbc.sql("delete from legislation_article where draft_id = :d").param("d", d.id()).update();
            writeArticles(d.id(), d.articles());
        }
        return find(d.id()).orElseThrow();
    }

    private void writeArticles(long draftId, List<Article> articles) {
        for (Article a : articles) {
            jdbc.sql("""
                            insert into legislation_article (draft_id, position, chapter_no, chapter_title, article_no, body)
                            values (:d, :p, :cn, :ct, :an, :b)""")
                    .param("d", draftId).param("p", a.position()).param("cn", a.chapterNo()).param("ct", a.chapterTitle())
                    .param("an", a.articleNo()).param("b", a.body()).update();
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
