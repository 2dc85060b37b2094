package org.civicloop.suggestions.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models for the suggestion pages. Data scope is applied here in SQL: a deputy's list holds
 * only suggestions they lead or co-sign, a unit's inbox only its own unit's assignments.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SuggestionQueries {

    private final JdbcClient jdbc;

    /** A dictionary entry (category, result class) in both languages. */
    public record Entry(String code, String nameZh, String nameEn) {
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public List<Entry> categories() {
        return jdbc.sql("select code, name_zh, name_en from suggestion_category where active order by sort, code").query(Entry.class).list();
    }

    public List<Entry> resultClasses() {
        return jdbc.sql("select code, name_zh, name_en from suggestion_result_class where active order by sort, code").query(Entry.class).list();
    }

    /**
     * A suggestion in a list; {@code dueAt}/{@code warnAt}: its running reply deadline (the nearest of the
     * lead or separate units still handling it; a co-unit's deadline for its view only when no replying
     * unit is still at work), if any.
     */
    public record Row(long id, String title, String category, String status, boolean keySuggestion, long leadDeputyId,
                      Instant updatedAt, Instant dueAt, Instant warnAt) {
    }

    /**
     * The due time that matters to the deputy (see {@link Row}) and its warning time, as columns
     * {@code d.due_at} and {@code d.warn_at} of a join on a suggestion aliased {@code s}; other lists of
     * suggestions (supervision) join the same.
     */
    public static final String NEAREST_DUE = """

             left join lateral (select a.due_at, a.warn_at from suggestion_assignment a
                                 where a.suggestion_id = s.id and a.due_at is not null
                                   and a.status in ('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED')
                                 order by a.role = 'CO', a.due_at, a.seq limit 1) d on true
            """;

    /** A deputy's own suggestions, led or co-signed, newest change first. */
    public List<Row> mine(long deputyId) {
        return jdbc.sql("""
                select s.id, s.title, s.category, s.status, s.key_suggestion, s.lead_deputy_id, s.updated_at, d.due_at, d.warn_at
                  from suggestion s""" + NEAREST_DUE + """
                 where s.lead_deputy_id = :d
                    or exists (select 1 from suggestion_co_signer c where c.suggestion_id = s.id and c.deputy_id = :d)
                 order by s.updated_at desc, s.id desc limit 200""").param("d", deputyId).query(Row.class).list();
    }

    public record Filter(String status, String category, Long unitId, Boolean keyOnly) {
    }

    /**
     * The office's list, keyset-paged on (updated_at, id) descending. Drafts are the deputies' own
     * business and never listed here.
     */
    public List<Row> list(Filter f, Instant beforeAt, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.title, s.category, s.status, s.key_suggestion, s.lead_deputy_id, s.updated_at, d.due_at, d.warn_at
                  from suggestion s""" + NEAREST_DUE + """
                 where s.status <> 'DRAFT'""");
        if (f.status() != null && !f.status().isBlank()) {
            sql.append(" and s.status = :status");
        }
        if (f.category() != null && !f.category().isBlank()) {
            sql.append(" and s.category = :category");
        }
        if (f.unitId() != null) {
            sql.append(" and exists (select 1 from suggestion_assignment a where a.suggestion_id = s.id and a.unit_id = :unit)");
        }
        if (Boolean.TRUE.equals(f.keyOnly())) {
            sql.append(" and s.key_suggestion");
        }
        if (beforeAt != null && beforeId != null) {
            sql.append(" and (s.updated_at, s.id) < (:beforeAt, :beforeId)");
        }
        sql.append(" order by s.updated_at desc, s.id desc limit :limit");
        var q = jdbc.sql(sql.toString()).param("limit", limit);
        if (f.status() != null && !f.status().isBlank()) {
            q = q.param("status", f.status());
        }
        if (f.category() != null && !f.category().isBlank()) {
            q = q.param("category", f.category());
        }
        if (f.unitId() != null) {
            q = q.param("unit", f.unitId());
        }
        if (beforeAt != null && beforeId != null) {
            q = q.param("beforeAt", Timestamp.from(beforeAt)).param("beforeId", beforeId);
        }
        return q.query(Row.class).list();
    }

    public record InboxRow(long suggestionId, int seq, String title, String category, boolean keySuggestion, String role,
                           String status, int round, Instant dueAt) {
        public String clockKey() {
            return SuggestionClocks.key(suggestionId, seq);
        }
    }

    private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");

    /** Where a page of the inbox starts: after this assignment (its due time, suggestion and number). */
    public record InboxCursor(Instant dueAt, long suggestionId, int seq) {
    }

    /**
     * One unit's assignments (its own only, by SQL); active ones unless {@code all}; the nearest deadline
     * first, keyset-paged: up to {@code limit} after {@code after} (null: from the start).
     */
    public List<InboxRow> inbox(long unitId, boolean all, InboxCursor after, int limit) {
        // every assignment has a due time from the moment it is made; one without (never expected) sorts last
        var q = jdbc.sql("""
                select a.suggestion_id, a.seq, s.title, s.category, s.key_suggestion, a.role, a.status, a.round, a.due_at
                  from suggestion_assignment a join suggestion s on s.id = a.suggestion_id
                 where a.unit_id = :unit
                   and (:all or a.status in ('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED'))
                   and (coalesce(a.due_at, :last), a.suggestion_id, a.seq) > (:afterDue, :afterId, :afterSeq)
                 order by coalesce(a.due_at, :last), a.suggestion_id, a.seq limit :limit""")
                .param("unit", unitId).param("all", all).param("limit", limit).param("last", Timestamp.from(LAST));
        if (after == null) {
            q = q.param("afterDue", Timestamp.from(Instant.EPOCH)).param("afterId", 0L).param("afterSeq", 0);
        } else {
            q = q.param("afterDue", Timestamp.from(after.dueAt() == null ? LAST : after.dueAt()))
                    .param("afterId", after.suggestionId()).param("afterSeq", after.seq());
        }
        return q.query(InboxRow.class).list();
    }

    /** A published suggestion (closed, not confidential) as the public sees it: nothing about voters. */
    public record PublishedRow(long id, String title, String category, long leadDeputyId, Instant submittedAt,
                               Instant closedAt) {
    }

    /** One unit's final reply to a published suggestion, its text perhaps cut for a list ({@code truncated}). */
    public record PublishedReply(long suggestionId, long unitId, String role, String resultClass, String replyText,
                                 boolean truncated, Instant repliedAt) {
    }

    private static final String PUBLISHED = "status = 'CLOSED' and not confidential";

    /** Closed, non-confidential suggestions, newest closure first, keyset-paged on (closed_at, id). */
    public List<PublishedRow> published(Instant beforeAt, Long beforeId, int limit) {
        boolean keyset = beforeAt != null && beforeId != null;
        var q = jdbc.sql("select id, title, category, lead_deputy_id, submitted_at, closed_at from suggestion where "
                        + PUBLISHED + (keyset ? " and (closed_at, id) < (:beforeAt, :beforeId)" : "")
                        + " order by closed_at desc, id desc limit :limit").param("limit", limit);
        if (keyset) {
            q = q.param("beforeAt", Timestamp.from(beforeAt)).param("beforeId", beforeId);
        }
        return q.query(PublishedRow.class).list();
    }

    /** One published suggestion; empty when it is not closed, is confidential, or does not exist. */
    public java.util.Optional<PublishedRow> published(long id) {
        return jdbc.sql("select id, title, category, lead_deputy_id, submitted_at, closed_at from suggestion where "
                + PUBLISHED + " and id = :id").param("id", id).query(PublishedRow.class).optional();
    }

    /**
     * The final replies of the units that owed one (lead or separate), for these published
     * suggestions only; {@code maxChars} cuts long texts for lists (0 for the whole text).
     */
    public List<PublishedReply> publishedReplies(java.util.Collection<Long> ids, int maxChars) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.suggestion_id, a.unit_id, a.role, a.result_class,
                               case when :max > 0 then left(a.reply_text, :max) else a.reply_text end as reply_text,
                               (:max > 0 and length(a.reply_text) > :max) as truncated, a.replied_at
                          from suggestion_assignment a join suggestion s on s.id = a.suggestion_id
                         where a.suggestion_id in (:ids) and s.status = 'CLOSED' and not s.confidential
                           and a.role in ('LEAD', 'SEPARATE') and a.status = 'REPLIED'
                         order by a.suggestion_id, a.seq""")
                .param("ids", ids).param("max", maxChars).query(PublishedReply.class).list();
    }

    public record Step(String kind, String actorLabel, String note, Instant at) {
    }

    public List<Step> steps(long id) {
        return jdbc.sql("select kind, actor_label, note, at from suggestion_step where suggestion_id = :id order by at, id")
                .param("id", id).query(Step.class).list();
    }

    public record ReplyRow(int seq, int round, long unitId, String replyText, String resultClass, String auditedClass,
                           Instant repliedAt, Instant auditedAt) {
    }

    public List<ReplyRow> replies(long id) {
        return jdbc.sql("""
                select seq, round, unit_id, reply_text, result_class, audited_class, replied_at, audited_at
                  from suggestion_reply where suggestion_id = :id order by replied_at, id""")
                .param("id", id).query(ReplyRow.class).list();
    }

    public record ContactRow(int seq, long unitId, String stage, boolean faceToFace, String summary, Instant contactedAt) {
    }

    public List<ContactRow> contacts(long id) {
        return jdbc.sql("""
                select seq, unit_id, stage, face_to_face, summary, contacted_at
                  from suggestion_contact where suggestion_id = :id order by contacted_at, id""")
                .param("id", id).query(ContactRow.class).list();
    }
}
