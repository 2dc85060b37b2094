package org.civicloop.legislation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.legislation.comments.CommentQueries;
import org.civicloop.legislation.comments.CommentService;
import org.civicloop.legislation.comments.PublicComment;
import org.civicloop.legislation.drafts.Article;
import org.civicloop.legislation.drafts.ArticleSplitter;
import org.civicloop.legislation.drafts.Draft;
import org.civicloop.legislation.drafts.DraftQueries;
import org.civicloop.legislation.drafts.DraftRepository;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public's pages for drafts put to the people: the open drafts, a draft article by article, the
 * comment form (on an article or the whole draft) and a contact point's page behind its QR code. No
 * account, no session, no JavaScript; names and phones are never shown here.
 */
@Controller
class PublicDraftController {

    private final DraftRepository drafts;
    private final DraftQueries queries;
    private final CommentService comments;
    private final CommentQueries commentQueries;
    private final ZoneId zone;

    PublicDraftController(DraftRepository drafts, DraftQueries queries, CommentService comments, CommentQueries commentQueries,
                          @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.drafts = drafts;
        this.queries = queries;
        this.comments = comments;
        this.commentQueries = commentQueries;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/public/drafts")
    String list(Model model) {
        model.addAttribute("drafts", queries.openOn(today()));
        return "legislation/public/drafts";
    }

    @GetMapping("/public/drafts/points/{token}")
    String point(@PathVariable String token, Model model) {
        SiteSummary site = comments.point(token).orElseThrow(() -> new NotFoundException("contact-point", token));
        model.addAttribute("site", site);
        model.addAttribute("token", site.dutyToken());
        model.addAttribute("drafts", queries.openAtPoint(site.id(), today()));
        return "legislation/public/point";
    }

    @GetMapping("/public/drafts/{id}")
    String draft(@PathVariable long id, @RequestParam(name = "point", required = false) String token, Model model) {
        Draft draft = published(id);
        model.addAttribute("draft", draft);
        model.addAttribute("chapters", Chapters.of(draft.articles()));
        model.addAttribute("counts", commentQueries.countsByArticle(id));
        model.addAttribute("open", draft.takesCommentsOn(today()));
        model.addAttribute("preamble", preamble(draft));
        model.addAttribute("point", comments.point(token, draft).map(SiteSummary::dutyToken).orElse(null));
        return "legislation/public/draft";
    }

    @GetMapping("/public/drafts/{id}/comment")
    String form(@PathVariable long id, @RequestParam(name = "article", required = false) Long articleId,
                @RequestParam(name = "point", required = false) String token, Model model) {
        Draft draft = published(id);
        Article article = articleId == null ? null : draft.articleById(articleId)
                .orElseThrow(() -> new NotFoundException("article", articleId));
        String point = comments.point(token, draft).map(SiteSummary::dutyToken).orElse(null);
        formModel(model, draft, CommentForm.empty(article == null ? null : article.id(), point));
        return "legislation/public/comment";
    }

    @PostMapping("/public/drafts/{id}/comments")
    String submit(@PathVariable long id, @ModelAttribute("form") CommentForm form, BindingResult binding,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Draft draft = published(id);
        if (form.website() != null && !form.website().isBlank()) {
            binding.reject("legislation.comment.error.rejected");
        }
        Long articleId = form.article();
        if (!binding.hasErrors()) {
            try {
                var receipt = comments.submit(new PublicComment(id, articleId, form.body(), form.name(), form.phone(),
                        Boolean.TRUE.equals(form.consent()), form.idempotencyKey(), blankToNull(form.point())),
                        request.getRemoteAddr(), Instant.now());
                return "redirect:/public/drafts/" + id + "/comments/" + receipt.commentId() + "/received"
                        + (blankToNull(form.point()) == null ? "" : "?point=" + form.point().strip());
            } catch (InvalidInput e) {
                FormErrors.reject(binding, e.problems());
            } catch (NotFoundException e) {
                throw e;
            } catch (BusinessException e) {
                if (e.status() == 429) {
                    throw e;
                }
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
                response.setStatus(e.status());
            }
        }
        if (response.getStatus() < 400) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        formModel(model, draft, form);
        return "legislation/public/comment";
    }

    @GetMapping("/public/drafts/{id}/comments/{commentId}/received")
    String received(@PathVariable long id, @PathVariable long commentId,
                    @RequestParam(name = "point", required = false) String token, Model model) {
        Draft draft = published(id);
        model.addAttribute("draft", draft);
        model.addAttribute("point", comments.point(token, draft).map(SiteSummary::dutyToken).orElse(null));
        return "legislation/public/received";
    }

    private void formModel(Model model, Draft draft, CommentForm form) {
        Long articleId = form.article();
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("article", articleId == null || articleId < 0 ? null : draft.articleById(articleId).orElse(null));
        model.addAttribute("open", draft.takesCommentsOn(today()));
        model.addAttribute("bodyMax", CommentService.BODY_MAX);
        model.addAttribute("point", comments.point(form.point(), draft).orElse(null));
    }

    /** An opened draft; one not opened yet is not there for the public. */
    private Draft published(long id) {
        return drafts.find(id).filter(Draft::opened).orElseThrow(() -> new NotFoundException("draft", id));
    }

    /** What stands before the articles beyond the title itself (a preamble, 序言). */
    private static List<String> preamble(Draft draft) {
        String before = ArticleSplitter.split(draft.sourceText()).preamble();
        // a table of contents (chapter headings) is left out: the chapters follow anyway
        return before.lines().map(String::strip).filter(l -> !l.isEmpty() && !draft.title().contains(l)
                && !ArticleSplitter.isChapterHeading(l) && !ArticleSplitter.isContentsHeading(l)).toList();
    }

    private LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
