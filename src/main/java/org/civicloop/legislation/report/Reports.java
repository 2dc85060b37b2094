package org.civicloop.legislation.report;

import org.civicloop.language.TextVectors;
import org.civicloop.legislation.drafts.DraftService;
import org.civicloop.legislation.drafts.LegislationPermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.legislation.report.CompiledReport.Article;
import org.civicloop.legislation.report.CompiledReport.Comment;
import org.civicloop.legislation.report.CompiledReport.Draft;
import org.civicloop.legislation.report.CompiledReport.Group;
import org.civicloop.legislation.report.CompiledReport.Section;
import org.civicloop.legislation.report.CompiledReport.Version;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.ChineseText;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compiled report (意见汇总) of each contact point on each draft: its comments grouped by article and by
 * meaning (sentence vectors; by words while the model loads), each included or excluded with a reason, and the point's suggested revision per article. A version
 * is worked on until it is sent; then it is frozen, and a later change needs a new version (both are kept).
 * Drafts, articles and comments are read from the tables the drafts part writes; nothing here changes them.
 */
@Service
public class Reports {

    /** Dice's coefficient of the words from which two comments count as saying the same thing. */
    static final double NEAR_IDENTICAL = 0.6;
    public static final int REASON_MAX = 500;
    public static final int REVISION_MAX = 4000;
    /**
     * The place of comments sent online without a contact point (网上征求意见): its report is kept under this site
     * id, beside each point's, so that every comment of a draft belongs to exactly one report. The office compiles it.
     */
    public static final long ONLINE = 0L;

    private final JdbcClient jdbc;
    private final LiaisonSites sites;
    private final ReportDocx docx;
    private final ApplicationEventPublisher events;
    private final CommentMeanings meanings;
    private final CommentGroupingProperties grouping;

    Reports(JdbcClient jdbc, LiaisonSites sites, ReportDocx docx, ApplicationEventPublisher events, CommentMeanings meanings,
            CommentGroupingProperties grouping) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.docx = docx;
        this.events = events;
        this.meanings = meanings;
        this.grouping = grouping;
    }

    /** A draft and a point asked about it, with where that point's report stands. */
    public record PointReport(Draft draft, SiteSummary point, Integer reportNo, String status, long comments) {
        /** The report of the comments sent online, not a contact point's. */
        public boolean online() {
            return point.id() == ONLINE;
        }
    }

    /**
     * The stand-in for the online channel: no staff unit, so only the office compiles its report. It has no
     * name: pages and exports name it in the reader's language ({@code legislation.report.online}).
     */
    public static SiteSummary online() {
        return new SiteSummary(ONLINE, null, "ONLINE", null, null, null, null);
    }

    /**
     * Why the user's list of reports would be empty: {@code legislation.report.list.notAPoint} for station staff whose
     * unit runs no contact point (they compile no report), else {@code legislation.report.list.empty}.
     */
    public String emptyKey(CivicUser user) {
        boolean staffOnly = user.hasRole(Role.STATION_STAFF) && !LegislationPermissions.mayManageDrafts(user)
                && !user.hasRole(Role.ADMIN) && !user.hasRole(Role.LEADER);
        if (!staffOnly) {
            return "legislation.report.list.empty";
        }
        boolean point = user.unitId() != null && sites.forStaffUnit(user.unitId()).stream()
                .anyMatch(s -> s.type().equals(DraftService.POINT_TYPE));
        return point ? "legislation.report.list.noneAsked" : "legislation.report.list.notAPoint";
    }

    /** Every draft-and-point pair the user may read a report of, newest draft first. */
    @Transactional(readOnly = true)
    public List<PointReport> overview(CivicUser user) {
        record Row(long draftId, String title, String body, LocalDate opens, LocalDate closes, long siteId,
                   Integer reportNo, String status, long comments) {
        }
        List<Row> rows = jdbc.sql("""
                        select d.id, d.title, d.issuing_body, d.opens_on, d.closes_on, p.site_id, r.report_no, r.status,
                               (select count(*) from legislation_comment c
                                 where c.draft_id = d.id and coalesce(c.site_id, 0) = p.site_id)
                          from legislation_draft d
                          cross join lateral (select site_id from legislation_draft_point where draft_id = d.id
                                              union all select 0) p
                          left join lateral (select report_no, status from legislation_report r
                                              where r.draft_id = d.id and r.site_id = p.site_id
                                              order by report_no desc limit 1) r on true
                         order by d.opens_on desc, d.id desc, p.site_id = 0, p.site_id""")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), (Integer) rs.getObject(7), rs.getString(8), rs.getLong(9)))
                .list();
        List<PointReport> result = new ArrayList<>();
        for (Row r : rows) {
            Optional<SiteSummary> point = r.siteId() == ONLINE ? Optional.of(online()) : sites.find(r.siteId());
            if (point.isPresent() && LegislationPermissions.mayReadReport(user, point.get())) {
                result.add(new PointReport(new Draft(r.draftId(), r.title(), r.body(), r.opens(), r.closes()), point.get(),
                        r.reportNo(), r.status(), r.comments()));
            }
        }
        return result;
    }

    /** The point's report: the given version, or the newest one (or what a first version would hold). */
    @Transactional(readOnly = true)
    public CompiledReport compile(CivicUser user, long draftId, long siteId, Integer reportNo) {
        SiteSummary point = point(draftId, siteId);
        if (!LegislationPermissions.mayReadReport(user, point)) {
            throw new AccessDeniedException("may not read this point's report");
        }
        return compile(draftId, point, reportNo);
    }

    CompiledReport compile(long draftId, SiteSummary point, Integer reportNo) {
        Draft draft = draft(draftId);
        List<Version> versions = versions(draftId, point.id());
        Version shown = reportNo == null ? (versions.isEmpty() ? null : versions.get(0))
                : versions.stream().filter(v -> v.reportNo() == reportNo).findFirst()
                        .orElseThrow(() -> new NotFoundException("legislation-report", reportNo));
        List<Article> articles = articles(draftId);
        List<Comment> comments = comments(draftId, point.id(), shown);
        // by meaning once the model is loaded; until then (null) by words, and the page says so
        Map<Long, float[]> vectors = meanings.of(comments).orElse(null);
        Map<Long, Long> revisionIds = new LinkedHashMap<>();
        Map<Long, String> revisions = new LinkedHashMap<>();
        if (shown != null) {
            jdbc.sql("select id, coalesce(article_id, 0), revision from legislation_report_article where report_id = :r")
                    .param("r", shown.id())
                    .query((rs, n) -> {
                        revisionIds.put(rs.getLong(2), rs.getLong(1));
                        revisions.put(rs.getLong(2), rs.getString(3));
                        return null;
                    }).list();
        }
        List<Section> sections = new ArrayList<>();
        List<Article> all = new ArrayList<>(articles);
        all.add(new Article(null, null, null, null, null));
        for (Article a : all) {
            long key = a.articleId() == null ? 0 : a.articleId();
            List<Comment> mine = comments.stream().filter(c -> java.util.Objects.equals(c.articleId(), a.articleId())).toList();
            List<Group> groups = group(mine, vectors, grouping.sameAt());
            List<Group> included = group(mine.stream().filter(c -> Boolean.TRUE.equals(c.included())).toList(), vectors,
                    grouping.sameAt());
            sections.add(new Section(a, mine, groups, included, revisionIds.get(key), revisions.get(key)));
        }
        return new CompiledReport(draft, point, shown, versions, sections, vectors == null);
    }

    /** Includes or excludes a comment in the point's report; an exclusion needs a reason. */
    @Transactional
    public void decide(CivicUser user, long draftId, long siteId, long commentId, Boolean included, String reason) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (included == null) {
            problems.add(new InvalidInput.Problem("included", "legislation.report.error.chooseInclusion"));
        }
        TextRules.check(problems, Boolean.FALSE.equals(included) ? TextRules.line("reason", REASON_MAX).required()
                : TextRules.line("reason", REASON_MAX), reason);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long reportId = editable(user, draftId, siteId);
        boolean ours = jdbc.sql("select count(*) from legislation_comment where id = :c and draft_id = :d and coalesce(site_id, 0) = :s")
                .param("c", commentId).param("d", draftId).param("s", siteId).query(Long.class).single() > 0;
        if (!ours) {
            throw BusinessException.invalid("legislation.report.error.unknownComment");
        }
        String r = TextRules.isBlank(reason) ? null : reason.strip();
        jdbc.sql("""
                        insert into legislation_report_comment (report_id, comment_id, included, reason)
                        values (:r, :c, :i, :reason)
                        on conflict (report_id, comment_id) do update set included = excluded.included, reason = excluded.reason""")
                .param("r", reportId).param("c", commentId).param("i", included).param("reason", r).update();
    }

    /** The point's suggested revision of an article ({@code articleId} null: of the draft as a whole); blank removes it. */
    @Transactional
    public void revise(CivicUser user, long draftId, long siteId, Long articleId, String revision) {
        TextRules.require(TextRules.text("revision", REVISION_MAX), revision);
        long reportId = editable(user, draftId, siteId);
        if (articleId != null && jdbc.sql("select count(*) from legislation_article where id = :a and draft_id = :d")
                .param("a", articleId).param("d", draftId).query(Long.class).single() == 0) {
            throw BusinessException.invalid("legislation.report.error.unknownArticle");
        }
        jdbc.sql("delete from legislation_report_article where report_id = :r and coalesce(article_id, 0) = :a")
                .param("r", reportId).param("a", articleId == null ? 0L : articleId).update();
        if (!TextRules.isBlank(revision)) {
            jdbc.sql("insert into legislation_report_article (report_id, article_id, revision) values (:r, :a, :t)")
                    .param("r", reportId).param("a", articleId).param("t", revision.strip()).update();
        }
    }

    /**
     * Sends the version being worked on: every comment must have been decided on. The document is kept as sent,
     * and the version is frozen.
     */
    @Transactional
    public Version send(CivicUser user, long draftId, long siteId, Instant now) {
        SiteSummary point = point(draftId, siteId);
        if (!LegislationPermissions.mayCompileReport(user, point)) {
            throw new AccessDeniedException("may not compile this point's report");
        }
        lock(draftId);
        Version latest = versions(draftId, siteId).stream().findFirst().orElse(null);
        if (latest == null) {
            throw BusinessException.conflict("legislation.report.error.nothingDecided");
        }
        if (latest.sent()) {
            throw BusinessException.conflict("legislation.report.error.frozen", latest.reportNo());
        }
        CompiledReport report = compile(draftId, point, latest.reportNo());
        if (report.undecided() > 0) {
            throw BusinessException.conflict("legislation.report.error.undecided", report.undecided());
        }
        // the document as sent: its header carries the day it is sent
        Version sending = new Version(latest.id(), latest.reportNo(), "SENT", latest.createdAt(), now);
        byte[] document = docx.render(new CompiledReport(report.draft(), report.point(), sending, report.versions(),
                report.sections(), report.groupedByWords()), java.util.Locale.SIMPLIFIED_CHINESE);
        jdbc.sql("""
                        update legislation_report set status = 'SENT', sent_by = :u, sent_at = :t, sent_docx = :doc,
                               version = version + 1
                         where id = :id and status = 'DRAFT'""")
                .param("u", user.accountId()).param("t", Timestamp.from(now)).param("doc", document).param("id", latest.id())
                .update();
        events.publishEvent(new ReportEvents.ReportSent(latest.id(), draftId, siteId, latest.reportNo(), report.included(),
                report.excluded()));
        return new Version(latest.id(), latest.reportNo(), "SENT", latest.createdAt(), now);
    }

    /** Opens a new version after a sent one, starting from its decisions and revisions. */
    @Transactional
    public int newVersion(CivicUser user, long draftId, long siteId, Instant now) {
        SiteSummary point = point(draftId, siteId);
        if (!LegislationPermissions.mayCompileReport(user, point)) {
            throw new AccessDeniedException("may not compile this point's report");
        }
        lock(draftId);
        Version latest = versions(draftId, siteId).stream().findFirst().orElse(null);
        if (latest == null || !latest.sent()) {
            throw BusinessException.conflict("legislation.report.error.notSent");
        }
        long id = insertVersion(user, draftId, siteId, latest.reportNo() + 1, now);
        jdbc.sql("""
                        insert into legislation_report_comment (report_id, comment_id, included, reason)
                        select :n, comment_id, included, reason from legislation_report_comment where report_id = :o""")
                .param("n", id).param("o", latest.id()).update();
        jdbc.sql("""
                        insert into legislation_report_article (report_id, article_id, revision)
                        select :n, article_id, revision from legislation_report_article where report_id = :o""")
                .param("n", id).param("o", latest.id()).update();
        return latest.reportNo() + 1;
    }

    /** The document exactly as a sent version was sent. */
    @Transactional(readOnly = true)
    public Optional<byte[]> sentDocument(CivicUser user, long draftId, long siteId, int reportNo) {
        SiteSummary point = point(draftId, siteId);
        if (!LegislationPermissions.mayReadReport(user, point)) {
            throw new AccessDeniedException("may not read this point's report");
        }
        return jdbc.sql("select sent_docx from legislation_report where draft_id = :d and site_id = :s and report_no = :n and status = 'SENT'")
                .param("d", draftId).param("s", siteId).param("n", reportNo).query(byte[].class).optional();
    }

    /** The id of the version being worked on, opened as the first one if there is none; refused once sent. */
    private long editable(CivicUser user, long draftId, long siteId) {
        SiteSummary point = point(draftId, siteId);
        if (!LegislationPermissions.mayCompileReport(user, point)) {
            throw new AccessDeniedException("may not compile this point's report");
        }
        lock(draftId);
        Version latest = versions(draftId, siteId).stream().findFirst().orElse(null);
        if (latest == null) {
            return insertVersion(user, draftId, siteId, 1, Instant.now());
        }
        if (latest.sent()) {
            throw BusinessException.conflict("legislation.report.error.frozen", latest.reportNo());
        }
        return latest.id();
    }

    private long insertVersion(CivicUser user, long draftId, long siteId, int no, Instant now) {
        return jdbc.sql("""
                        insert into legislation_report (draft_id, site_id, report_no, status, created_by, created_at)
                        values (:d, :s, :n, 'DRAFT', :u, :t) returning id""")
                .param("d", draftId).param("s", siteId).param("n", no).param("u", user.accountId())
                .param("t", Timestamp.from(now)).query(Long.class).single();
    }

    /** Writers of one draft's reports take turns. */
    private void lock(long draftId) {
        jdbc.sql("select id from legislation_draft where id = :d for no key update").param("d", draftId).query(Long.class).single();
    }

    /** The contact point, if it was asked about the draft. */
    public SiteSummary point(long draftId, long siteId) {
        if (siteId == ONLINE) {
            draft(draftId);
            return online();
        }
        boolean asked = jdbc.sql("select count(*) from legislation_draft_point where draft_id = :d and site_id = :s")
                .param("d", draftId).param("s", siteId).query(Long.class).single() > 0;
        if (!asked) {
            throw new NotFoundException("legislation-point", siteId);
        }
        return sites.find(siteId).orElseThrow(() -> new NotFoundException("legislation-point", siteId));
    }

    public Draft draft(long draftId) {
        return jdbc.sql("select id, title, issuing_body, opens_on, closes_on from legislation_draft where id = :d")
                .param("d", draftId)
                .query((rs, n) -> new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("legislation-draft", draftId));
    }

    public List<Article> articles(long draftId) {
        return jdbc.sql("select id, article_no, chapter_no, chapter_title, body from legislation_article where draft_id = :d order by position")
                .param("d", draftId)
                .query((rs, n) -> new Article(rs.getLong(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    List<Version> versions(long draftId, long siteId) {
        return jdbc.sql("""
                        select id, report_no, status, created_at, sent_at from legislation_report
                         where draft_id = :d and site_id = :s order by report_no desc""")
                .param("d", draftId).param("s", siteId)
                .query((rs, n) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * The point's comments with this version's decisions. A sent version holds exactly the comments it decided on;
     * one being worked on holds every comment the point has gathered so far.
     */
    private List<Comment> comments(long draftId, long siteId, Version version) {
        long reportId = version == null ? -1 : version.id();
        boolean frozen = version != null && version.sent();
        return jdbc.sql("""
                        select c.id, c.article_id, c.channel, c.body, c.created_at, k.held_on, rc.included, rc.reason
                          from legislation_comment c
                          left join legislation_consultation k on k.id = c.consultation_id
                          left join legislation_report_comment rc on rc.comment_id = c.id and rc.report_id = :r
                         where c.draft_id = :d and coalesce(c.site_id, 0) = :s and (not :frozen or rc.comment_id is not null)
                         order by c.created_at, c.id""")
                .param("r", reportId).param("d", draftId).param("s", siteId).param("frozen", frozen)
                .query((rs, n) -> new Comment(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getObject(6, LocalDate.class), (Boolean) rs.getObject(7), rs.getString(8)))
                .list();
    }

    /**
     * Comments that say the same thing together, by meaning: a comment joins the group whose first comment is
     * closest to it, the same text, or sentence vectors whose cosine is at least {@code sameAt}; else it starts
     * one. Two comments of which one has no vector are compared by the word rule of {@link #group(List)}, and
     * without vectors at all ({@code vectors} null: the model is still loading) that rule groups them all.
     */
    static List<Group> group(List<Comment> comments, Map<Long, float[]> vectors, double sameAt) {
        if (vectors == null) {
            return group(comments);
        }
        List<List<Comment>> groups = new ArrayList<>();
        Map<Long, Set<String>> words = new HashMap<>();
        for (Comment c : comments) {
            float[] v = vectors.get(c.id());
            int found = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < groups.size(); i++) {
                Comment first = groups.get(i).get(0);
                float[] w = vectors.get(first.id());
                double score;
                if (first.body().strip().equals(c.body().strip())) {
                    score = 2;
                } else if (v != null && w != null) {
                    double cosine = TextVectors.cosine(v, w);
                    score = cosine >= sameAt ? cosine : Double.NEGATIVE_INFINITY;
                } else {
                    double dice = ChineseText.similarity(words.computeIfAbsent(first.id(), id -> ChineseText.words(first.body())),
                            words.computeIfAbsent(c.id(), id -> ChineseText.words(c.body())));
                    score = dice >= NEAR_IDENTICAL ? dice : Double.NEGATIVE_INFINITY;
                }
                if (score > best) {
                    best = score;
                    found = i;
                }
            }
            if (found < 0) {
                groups.add(new ArrayList<>(List.of(c)));
            } else {
                groups.get(found).add(c);
            }
        }
        return groups.stream().map(g -> new Group(List.copyOf(g))).toList();
    }

    /**
     * Near-identical comments together: a comment joins the first group whose first comment it resembles
     * ({@link #NEAR_IDENTICAL} of their words in common, by the project's Chinese word splitter), else starts one.
     */
    static List<Group> group(List<Comment> comments) {
        List<List<Comment>> groups = new ArrayList<>();
        List<Set<String>> words = new ArrayList<>();
        for (Comment c : comments) {
            Set<String> w = ChineseText.words(c.body());
            int found = -1;
            for (int i = 0; i < groups.size() && found < 0; i++) {
                String first = groups.get(i).get(0).body().strip();
                if (first.equals(c.body().strip()) || ChineseText.similarity(words.get(i), w) >= NEAR_IDENTICAL) {
                    found = i;
                }
            }
            if (found < 0) {
                groups.add(new ArrayList<>(List.of(c)));
                words.add(w);
            } else {
                groups.get(found).add(c);
            }
        }
        return groups.stream().map(g -> new Group(List.copyOf(g))).toList();
    }
}
