package org.civicloop.legislation.report;

import org.civicloop.legislation.drafts.LegislationPermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 意见汇总: each contact point's compiled report on each draft, its versions and its documents. */
@Controller
@RequestMapping("/legislation/reports")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER', 'STATION_STAFF')")
class ReportController {

    private final Reports reports;
    private final ReportDocx docx;
    private final ReportPdf pdf;
    private final MessageSource messages;

    ReportController(Reports reports, ReportDocx docx, ReportPdf pdf, MessageSource messages) {
        this.reports = reports;
        this.docx = docx;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("rows", reports.overview(user));
        model.addAttribute("emptyKey", reports.emptyKey(user));
        return "legislation/reports";
    }

    @GetMapping("/{draftId}/{siteId}")
    String show(@PathVariable long draftId, @PathVariable long siteId, @RequestParam(required = false) Integer no,
                @AuthenticationPrincipal CivicUser user, Model model) {
        CompiledReport report = reports.compile(user, draftId, siteId, no);
        model.addAttribute("r", report);
        model.addAttribute("mayCompile", LegislationPermissions.mayCompileReport(user, report.point()));
        boolean newest = report.version() == null || report.versions().get(0).id() == report.version().id();
        model.addAttribute("newest", newest);
        model.addAttribute("channels", CompiledReport.CHANNELS);
        model.addAttribute("reasonMax", Reports.REASON_MAX);
        model.addAttribute("revisionMax", Reports.REVISION_MAX);
        return "legislation/report";
    }

    @PostMapping("/{draftId}/{siteId}/comments/{commentId}")
    String decide(@PathVariable long draftId, @PathVariable long siteId, @PathVariable long commentId,
                  @RequestParam(required = false) String included, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CivicUser user, Locale locale, RedirectAttributes flash) {
        Boolean choice = "true".equals(included) ? Boolean.TRUE : "false".equals(included) ? Boolean.FALSE : null;
        return act(draftId, siteId, "comment-" + commentId, locale, flash,
                () -> reports.decide(user, draftId, siteId, commentId, choice, reason));
    }

    @PostMapping("/{draftId}/{siteId}/revisions")
    String revise(@PathVariable long draftId, @PathVariable long siteId, @RequestParam(required = false) String article,
                  @RequestParam(required = false) String revision, @AuthenticationPrincipal CivicUser user, Locale locale,
                  RedirectAttributes flash) {
        Long articleId;
        try {
            articleId = article == null || article.isBlank() ? null : Long.valueOf(article);
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("legislation.report.error.unknownArticle");
        }
        return act(draftId, siteId, "article-" + (articleId == null ? "whole" : articleId), locale, flash,
                () -> reports.revise(user, draftId, siteId, articleId, revision));
    }

    @PostMapping("/{draftId}/{siteId}/send")
    String send(@PathVariable long draftId, @PathVariable long siteId, @AuthenticationPrincipal CivicUser user,
                Locale locale, RedirectAttributes flash) {
        return act(draftId, siteId, "", locale, flash, () -> reports.send(user, draftId, siteId, Instant.now()));
    }

    @PostMapping("/{draftId}/{siteId}/new-version")
    String newVersion(@PathVariable long draftId, @PathVariable long siteId, @AuthenticationPrincipal CivicUser user,
                      Locale locale, RedirectAttributes flash) {
        return act(draftId, siteId, "", locale, flash, () -> reports.newVersion(user, draftId, siteId, Instant.now()));
    }

    /** A sent version: the document exactly as sent; otherwise the version as it stands. */
    @GetMapping("/{draftId}/{siteId}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable long draftId, @PathVariable long siteId, @RequestParam(required = false) Integer no,
                                @AuthenticationPrincipal CivicUser user, Locale locale) {
        CompiledReport report = reports.compile(user, draftId, siteId, no);
        byte[] body = report.version() != null && report.version().sent()
                ? reports.sentDocument(user, draftId, siteId, report.version().reportNo())
                        .orElseThrow(() -> new NotFoundException("legislation-report", draftId))
                : docx.render(report, locale);
        return download(body, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                fileName(report, "docx"));
    }

    @GetMapping("/{draftId}/{siteId}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long draftId, @PathVariable long siteId, @RequestParam(required = false) Integer no,
                               @AuthenticationPrincipal CivicUser user, Locale locale) {
        CompiledReport report = reports.compile(user, draftId, siteId, no);
        return download(pdf.render(report, locale), MediaType.APPLICATION_PDF_VALUE, fileName(report, "pdf"));
    }

    private static String fileName(CompiledReport r, String ext) {
        return "report-" + r.draft().id() + "-" + r.point().id() + (r.version() == null ? "" : "-v" + r.version().reportNo())
                + "." + ext;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String act(long draftId, long siteId, String anchor, Locale locale, RedirectAttributes flash, Runnable action) {
        String base = "redirect:/legislation/reports/" + draftId + "/" + siteId;
        try {
            action.run();
            flash.addFlashAttribute("saved", true);
            return base + (anchor.isEmpty() ? "" : "#" + anchor);
        } catch (InvalidInput e) {
            ArrayList<String> errors = new ArrayList<>();
            for (InvalidInput.Problem p : e.problems()) {
                errors.add(messages.getMessage("legislation.report.field." + p.field(), null, p.field(), locale) + ": "
                        + messages.getMessage(p.messageKey(), p.arguments(), locale));
            }
            flash.addFlashAttribute("errors", errors);
        } catch (NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            ArrayList<String> errors = new ArrayList<>();
            errors.add(messages.getMessage(e.messageKey(), e.arguments(), locale));
            flash.addFlashAttribute("errors", errors);
        }
        return base + "#error-summary";
    }
}
