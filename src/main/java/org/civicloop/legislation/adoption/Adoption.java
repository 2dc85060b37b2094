package org.civicloop.legislation.adoption;

import org.civicloop.legislation.drafts.LegislationPermissions;
import org.civicloop.legislation.drafts.ArticleSplitter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.civicloop.legislation.adoption.ArticleDiff.Change;
import org.civicloop.legislation.adoption.ArticleDiff.DraftArticle;
import org.civicloop.legislation.drafts.Numbering;
import org.civicloop.legislation.report.Reports;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.notifications.Notifications;
import org.civicloop.notifications.VoterMessage;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 采纳反馈: once a draft is passed, the office enters its final text, marks how each suggestion the contact points
 * reported was taken up, and publishes the feedback: a public page, and one SMS to every commenter who left a phone
 * number (with consent) — one per number per draft, however often the feedback is published again.
 */
@Service
public class Adoption {

    public static final int FINAL_TEXT_MAX = 200_000;
    public static final int REASON_MAX = 1000;
    public static final List<String> OUTCOMES = List.of("ADOPTED", "PARTLY", "NOT_ADOPTED");

    private final JdbcClient jdbc;
    private final LiaisonSites sites;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final String publicBaseUrl;

    Adoption(JdbcClient jdbc, LiaisonSites sites, Notifications notifications, ApplicationEventPublisher events,
             @Value("${civicloop.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.notifications = notifications;
        this.events = events;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** A draft as the feedback sees it. */
    public record DraftFacts(long id, String title, String issuingBody, LocalDate opensOn, LocalDate closesOn,
                             String finalText, LocalDate passedOn, Instant publishedAt) {
        public boolean published() {
            return publishedAt != null;
        }
    }

    /**
     * A suggested revision from a point's newest sent report, with how it was taken up ({@code outcome} null while
     * not judged). {@code articleNo} null: on the draft as a whole.
     */
    public record Suggestion(long id, long siteId, String siteName, Long articleId, Integer articleNo, String revision,
                             int comments, String outcome, String reason) {

        /** 第四条, as the draft writes it; null on the draft as a whole. */
        public String heading() {
            return articleNo == null ? null : Numbering.article(articleNo);
        }

        /** From the report of the comments sent online (网上征求意见), not a contact point's. */
        public boolean online() {
            return siteId == Reports.ONLINE;
        }
    }

    /** Everything the staff page and the public page show. */
    public record Feedback(DraftFacts draft, List<Change> changes, List<Suggestion> suggestions, long commentsReceived,
                           long commenters) {
        public long reported() {
            return suggestions.size();
        }

        public long count(String outcome) {
            return suggestions.stream().filter(s -> outcome.equals(s.outcome())).count();
        }

        public long unjudged() {
            return suggestions.stream().filter(s -> s.outcome() == null).count();
        }
    }

    /** Drafts for the feedback list: every draft, newest first. */
    @Transactional(readOnly = true)
    public List<DraftFacts> drafts() {
        return jdbc.sql(DRAFT_SQL + " order by d.closes_on desc, d.id desc").query((rs, n) -> facts(rs)).list();
    }

    /** Drafts whose feedback is public, latest passed first. */
    @Transactional(readOnly = true)
    public List<DraftFacts> published() {
        return jdbc.sql(DRAFT_SQL + " where f.published_at is not null order by d.passed_on desc, d.id desc")
                .query((rs, n) -> facts(rs)).list();
    }

    @Transactional(readOnly = true)
    public Feedback feedback(long draftId) {
        DraftFacts draft = draft(draftId).orElseThrow(() -> new NotFoundException("legislation-draft", draftId));
        List<Change> changes = draft.finalText() == null ? List.of()
                : ArticleDiff.compare(draftArticles(draftId), ArticleSplitter.split(draft.finalText()).articles());
        long received = jdbc.sql("select count(*) from legislation_comment where draft_id = :d").param("d", draftId)
                .query(Long.class).single();
        return new Feedback(draft, changes, suggestions(draftId), received, phones(draftId).size());
    }

    /** The public's view: only once published. */
    @Transactional(readOnly = true)
    public Optional<Feedback> publicFeedback(long draftId) {
        Optional<DraftFacts> draft = draft(draftId);
        if (draft.isEmpty() || !draft.get().published()) {
            return Optional.empty();
        }
        return Optional.of(feedback(draftId));
    }

    /** Enters the final text (pasted, or read from a .docx before) and the day it was passed. */
    @Transactional
    public void enterFinalText(CivicUser user, long draftId, String text, LocalDate passedOn) {
        mayFeedBack(user);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        TextRules.check(problems, TextRules.text("finalText", FINAL_TEXT_MAX).required(), text);
        DraftFacts draft = lockedDraft(draftId);
        if (passedOn == null) {
            problems.add(new InvalidInput.Problem("passedOn", "legislation.adoption.error.passedOnRequired"));
        } else if (passedOn.isBefore(draft.opensOn())) {
            problems.add(new InvalidInput.Problem("passedOn", "legislation.adoption.error.passedBeforeOpening"));
        }
        if (problems.isEmpty() && ArticleSplitter.split(text).articles().isEmpty()) {
            problems.add(new InvalidInput.Problem("finalText", "legislation.adoption.error.noArticles"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (draft.published()) {
            throw BusinessException.conflict("legislation.adoption.error.published");
        }
        jdbc.sql("update legislation_draft set final_text = :t, passed_on = :p, version = version + 1 where id = :d")
                .param("t", text.strip()).param("p", passedOn).param("d", draftId).update();
        events.publishEvent(new AdoptionEvents.FinalTextEntered(draftId, ArticleSplitter.split(text).articles().size(), passedOn.toString()));
    }

    /** The text of an uploaded .docx, one paragraph a line. */
    public static String readDocx(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.append(p.getText()).append('\n');
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw BusinessException.invalid("legislation.adoption.error.notDocx");
        }
    }

    /** Marks a reported suggestion adopted, partly adopted or not adopted, with the reason. */
    @Transactional
    public void judge(CivicUser user, long draftId, long suggestionId, String outcome, String reason, Instant now) {
        mayFeedBack(user);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.add(new InvalidInput.Problem("outcome", "legislation.adoption.error.chooseOutcome"));
        }
        TextRules.check(problems, TextRules.text("reason", REASON_MAX).required(), reason);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        DraftFacts draft = lockedDraft(draftId);
        if (draft.published()) {
            throw BusinessException.conflict("legislation.adoption.error.published");
        }
        if (suggestions(draftId).stream().noneMatch(s -> s.id() == suggestionId)) {
            throw BusinessException.invalid("legislation.adoption.error.unknownSuggestion");
        }
        jdbc.sql("""
                        insert into legislation_adoption (report_article_id, outcome, reason, decided_by, decided_at)
                        values (:id, :o, :r, :u, :t)
                        on conflict (report_article_id) do update set outcome = excluded.outcome, reason = excluded.reason,
                               decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
                .param("id", suggestionId).param("o", outcome).param("r", reason.strip()).param("u", user.accountId())
                .param("t", Timestamp.from(now)).update();
        events.publishEvent(new AdoptionEvents.SuggestionJudged(suggestionId, draftId, outcome));
    }

    /**
     * Publishes the feedback: the final text must be in and every suggestion judged. Tells each commenter who left a
     * number with consent, once per draft: the unique key on (draft, phone) decides, so publishing again, or two
     * clerks publishing at once, sends nothing more. The SMS goes after commit, through the notifications module.
     *
     * @return how many texts this call sent
     */
    @Transactional
    public int publish(CivicUser user, long draftId, Instant now) {
        mayFeedBack(user);
        DraftFacts draft = lockedDraft(draftId);
        if (draft.finalText() == null || draft.passedOn() == null) {
            throw BusinessException.conflict("legislation.adoption.error.noFinalText");
        }
        long unjudged = suggestions(draftId).stream().filter(s -> s.outcome() == null).count();
        if (unjudged > 0) {
            throw BusinessException.conflict("legislation.adoption.error.unjudged", unjudged);
        }
        jdbc.sql("insert into legislation_feedback (draft_id, published_by, published_at) values (:d, :u, :t) on conflict do nothing")
                .param("d", draftId).param("u", user.accountId()).param("t", Timestamp.from(now)).update();
        int sent = 0;
        String link = publicBaseUrl + "/public/drafts/" + draftId + "/feedback";
        for (String phone : phones(draftId)) {
            int inserted = jdbc.sql("""
                            insert into legislation_feedback_sms (draft_id, phone, sent_at) values (:d, :p, :t)
                            on conflict do nothing""")
                    .param("d", draftId).param("p", phone).param("t", Timestamp.from(now)).update();
            if (inserted == 1) {
                notifications.notifyVoter(VoterMessage.sms(phone, "legislation.adoption.sms", draft.title(), link));
                sent++;
            }
        }
        events.publishEvent(new AdoptionEvents.FeedbackPublished(draftId, sent));
        return sent;
    }

    /** The distinct numbers of commenters who consented to be contacted, spaces and dashes removed. */
    private List<String> phones(long draftId) {
        return jdbc.sql("""
                        select distinct regexp_replace(phone, '[\\s-]', '', 'g') from legislation_comment
                         where draft_id = :d and phone is not null and consent order by 1""")
                .param("d", draftId).query(String.class).list().stream().filter(p -> !p.isBlank()).toList();
    }

    private List<Suggestion> suggestions(long draftId) {
        record Row(long id, long siteId, Long articleId, Integer articleNo, String revision, int comments, String outcome,
                   String reason) {
        }
        List<Row> rows = jdbc.sql("""
                        select ra.id, r.site_id, ra.article_id, a.article_no, ra.revision,
                               (select count(*) from legislation_report_comment rc join legislation_comment c on c.id = rc.comment_id
                                 where rc.report_id = r.id and rc.included and c.article_id is not distinct from ra.article_id),
                               ad.outcome, ad.reason
                          from legislation_report r
                          join legislation_report_article ra on ra.report_id = r.id
                          left join legislation_article a on a.id = ra.article_id
                          left join legislation_adoption ad on ad.report_article_id = ra.id
                         where r.draft_id = :d and r.status = 'SENT'
                           and r.report_no = (select max(r2.report_no) from legislation_report r2
                                               where r2.draft_id = r.draft_id and r2.site_id = r.site_id and r2.status = 'SENT')
                         order by a.position nulls last, r.site_id, ra.id""")
                .param("d", draftId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), (Integer) rs.getObject(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
                .list();
        List<Suggestion> result = new ArrayList<>();
        for (Row r : rows) {
            String name = sites.find(r.siteId()).map(SiteSummary::name).orElse("#" + r.siteId());
            result.add(new Suggestion(r.id(), r.siteId(), name, r.articleId(), r.articleNo(), r.revision(), r.comments(),
                    r.outcome(), r.reason()));
        }
        return result;
    }

    private List<DraftArticle> draftArticles(long draftId) {
        return jdbc.sql("select id, article_no, body from legislation_article where draft_id = :d order by position")
                .param("d", draftId).query((rs, n) -> new DraftArticle(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    private static final String DRAFT_SQL = """
            select d.id, d.title, d.issuing_body, d.opens_on, d.closes_on, d.final_text, d.passed_on, f.published_at
              from legislation_draft d left join legislation_feedback f on f.draft_id = d.id""";

    private Optional<DraftFacts> draft(long draftId) {
        return jdbc.sql(DRAFT_SQL + " where d.id = :d").param("d", draftId).query((rs, n) -> facts(rs)).optional();
    }

    private DraftFacts lockedDraft(long draftId) {
        jdbc.sql("select id from legislation_draft where id = :d for no key update").param("d", draftId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("legislation-draft", draftId));
        return draft(draftId).orElseThrow();
    }

    private static DraftFacts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DraftFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, LocalDate.class),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
    }

    private static void mayFeedBack(CivicUser user) {
        if (!LegislationPermissions.mayFeedBack(user)) {
            throw new AccessDeniedException("may not feed adoption back");
        }
    }
}
