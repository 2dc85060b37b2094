package org.civicloop.legislation.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civicloop.legislation.comments.CommentEvents.PublicCommentReceived;
import org.civicloop.legislation.drafts.Draft;
import org.civicloop.legislation.drafts.DraftRepository;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments from the public, with no account: on the draft page (channel {@code ONLINE}) or through a
 * contact point's QR code ({@code QR}, the point's site kept). Refused with a message key and nothing
 * stored when the window is closed, the text is empty or too long, the article is not the draft's, or
 * a phone is given without consent. The form's idempotency key makes a resent form store nothing twice.
 */
@Service
public class CommentService {

    public static final int BODY_MAX = 2000;
    public static final int NAME_MAX = 50;
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final DraftRepository drafts;
    private final LiaisonSites sites;
    private final CommentLimits limits;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ZoneId zone;

    CommentService(org.springframework.jdbc.core.simple.JdbcClient jdbc, DraftRepository drafts, LiaisonSites sites,
                   CommentLimits limits, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                   @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.sites = sites;
        this.limits = limits;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.zone = ZoneId.of(zone);
    }

    /** The stored comment, and whether this was a resend of one stored before. */
    public record Receipt(long commentId, boolean resent) {
    }

    /** The contact point behind a QR code, if it is an open legislative contact point asked about {@code draft}. */
    public Optional<SiteSummary> point(String token, Draft draft) {
        return point(token).filter(s -> draft.siteIds().contains(s.id()));
    }

    /** The open legislative contact point behind a QR code. */
    public Optional<SiteSummary> point(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : sites.byDutyToken(token).filter(s -> s.type().equals("LEGISLATIVE_POINT"));
    }

    /**
     * The problems of a comment, field by field ({@code body}, {@code name}, {@code phone}, {@code consent},
     * {@code articleId}); a closed window is a rule of the whole form ({@code legislation.comment.error.closed}).
     */
    public List<Problem> check(PublicComment c, Draft draft, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (!draft.takesCommentsOn(now.atZone(zone).toLocalDate())) {
            throw BusinessException.conflict("legislation.comment.error.closed");
        }
        if (c.articleId() != null && draft.articleById(c.articleId()).isEmpty()) {
            problems.add(new Problem("articleId", "legislation.comment.error.unknownArticle"));
        }
        // an empty comment is named as such: "请填写此项" alone in the form's summary would not say which field
        TextRules.Rule body = TextRules.text("body", BODY_MAX).required();
        Problem bodyProblem = body.problem(c.body());
        if (bodyProblem != null) {
            problems.add("input.error.required".equals(bodyProblem.messageKey())
                    ? new Problem("body", "legislation.comment.error.bodyRequired") : bodyProblem);
        }
        TextRules.check(problems, TextRules.line("name", NAME_MAX), c.name());
        String phone = blankToNull(c.phone());
        if (phone != null && !MOBILE.matcher(phone).matches()) {
            problems.add(new Problem("phone", "legislation.comment.error.phone"));
        }
        if ((phone != null || blankToNull(c.name()) != null) && !c.consent()) {
            problems.add(new Problem("consent", "legislation.comment.error.consent"));
        }
        if (key(c.idempotencyKey()) == null) {
            problems.add(new Problem("body", "legislation.comment.error.form"));
        }
        return problems;
    }

    /**
     * Stores a public comment once; a resend with the same key returns the first. No transaction, nor Spring's
     * "empty" one, around the whole: the address's allowance is taken on a connection of its own, and a request that
     * held one meanwhile (inside the comment's transaction, or bound to the thread by {@code @Transactional(SUPPORTS)})
     * waited for a second: as many comments at once as the pool has connections waited for each other, refused after
     * 5 s. The reads take a connection each and give it back; the comment is stored in a transaction of its own.
     */
    public Receipt submit(PublicComment c, String address, Instant now) {
        Draft draft = drafts.find(c.draftId()).filter(Draft::opened).orElseThrow(() -> new NotFoundException("draft", c.draftId()));
        UUID key = key(c.idempotencyKey());
        if (key != null) {
            Optional<Long> before = jdbc.sql("select id from legislation_comment where idempotency_key = :k and draft_id = :d")
                    .param("k", key).param("d", draft.id()).query(Long.class).optional();
            if (before.isPresent()) {
                return new Receipt(before.get(), true);
            }
        }
        List<Problem> problems = check(c, draft, now);
        SiteSummary site = c.pointToken() == null || c.pointToken().isBlank() ? null
                : point(c.pointToken(), draft).orElseThrow(() -> new NotFoundException("contact-point", c.pointToken()));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        limits.take(address);
        return tx.execute(status -> store(c, draft, site, key, now));
    }

    private Receipt store(PublicComment c, Draft draft, SiteSummary site, UUID key, Instant now) {
        String phone = blankToNull(c.phone());
        String name = blankToNull(c.name());
        String channel = site == null ? "ONLINE" : "QR";
        Optional<Long> id = jdbc.sql("""
                        insert into legislation_comment (draft_id, article_id, channel, site_id, body, name, phone, consent,
                               idempotency_key, created_at)
                        values (:d, :a, :ch, :s, :b, :n, :p, :consent, :k, :at)
                        on conflict (idempotency_key) do nothing returning id""")
                .param("d", draft.id()).param("a", c.articleId()).param("ch", channel).param("s", site == null ? null : site.id())
                .param("b", c.body().strip()).param("n", name).param("p", phone).param("consent", c.consent())
                .param("k", key).param("at", Timestamp.from(now)).query(Long.class).optional();
        if (id.isEmpty()) {
            // the same form sent twice at the same moment: the other request stored it
            long first = jdbc.sql("select id from legislation_comment where idempotency_key = :k").param("k", key)
                    .query(Long.class).single();
            return new Receipt(first, true);
        }
        events.publishEvent(new PublicCommentReceived(id.get(), draft.id(), c.articleId(), channel, site == null ? null : site.id()));
        return new Receipt(id.get(), false);
    }

    private static UUID key(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || TextRules.isBlank(s) ? null : s.strip();
    }
}
