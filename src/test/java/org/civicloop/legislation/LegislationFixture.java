package org.civicloop.legislation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drafts, articles, consultations and comments written straight into the V145 tables, as the drafts part would. */
public final class LegislationFixture {

    private final JdbcClient jdbc;
    private final Instant base = Instant.parse("2026-03-01T02:00:00Z");
    private int seconds;

    public LegislationFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CivicUser office() {
        long id = jdbc.sql("select id from account where lower(username) = 'office'").query(Long.class).single();
        return new CivicUser(id, "office", "office", null, null, Set.of(Role.CONGRESS_OFFICE), true, null, false, 0, "");
    }

    public CivicUser user(long accountId, Long unitId, Role role) {
        return new CivicUser(accountId, "t", "t", unitId, null, Set.of(role), true, null, false, 0, "");
    }

    /** A liaison site to serve as a contact point: the n-th by id (0 the first). */
    public long site(int n) {
        return jdbc.sql("select id from liaison_site order by id offset :n limit 1").param("n", n).query(Long.class).single();
    }

    public long draft(String title, LocalDate opens, LocalDate closes, long... points) {
        long id = jdbc.sql("""
                        insert into legislation_draft (title, issuing_body, opens_on, closes_on, source_text, registered_by, registered_at)
                        values (:t, 'issuing body', :o, :c, 'source', :u, now()) returning id""")
                .param("t", title).param("o", opens).param("c", closes).param("u", office().accountId()).query(Long.class).single();
        for (long p : points) {
            jdbc.sql("insert into legislation_draft_point (draft_id, site_id) values (:d, :s)").param("d", id).param("s", p).update();
        }
        return id;
    }

    public long article(long draftId, int no, Integer chapterNo, String chapterTitle, String body) {
        return jdbc.sql("""
                        insert into legislation_article (draft_id, position, chapter_no, chapter_title, article_no, body)
                        values (:d, :n, :cn, :ct, :n, :b) returning id""")
                .param("d", draftId).param("n", no).param("cn", chapterNo).param("ct", chapterTitle).param("b", body)
                .query(Long.class).single();
    }

    public long consultation(long draftId, long siteId, String channel, LocalDate heldOn, int participants) {
        return jdbc.sql("""
                        insert into legislation_consultation (draft_id, site_id, channel, held_on, participants, recorded_by, recorded_at)
                        values (:d, :s, :c, :h, :p, :u, now()) returning id""")
                .param("d", draftId).param("s", siteId).param("c", channel).param("h", heldOn).param("p", participants)
                .param("u", office().accountId()).query(Long.class).single();
    }

    /** A comment; {@code consultationId} for MEETING, VISIT and COLLECTOR; {@code phone} given means consent. */
    public long comment(long draftId, Long articleId, String channel, Long siteId, Long consultationId, String body, String phone) {
        return jdbc.sql("""
                        insert into legislation_comment (draft_id, article_id, channel, site_id, consultation_id, body, phone, consent, created_at)
                        values (:d, :a, :c, :s, :k, :b, :p, :consent, :t) returning id""")
                .param("d", draftId).param("a", articleId).param("c", channel).param("s", siteId).param("k", consultationId)
                .param("b", body).param("p", phone).param("consent", phone != null)
                .param("t", Timestamp.from(base.plusSeconds(seconds++))).query(Long.class).single();
    }
}
