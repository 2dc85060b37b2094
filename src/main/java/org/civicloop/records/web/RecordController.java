package org.civicloop.records.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.records.domain.ActivityKind;
import org.civicloop.records.domain.AnnualReportPdf;
import org.civicloop.records.domain.DutyRecordService;
import org.civicloop.records.domain.PointCount;
import org.civicloop.records.domain.PointLine;
import org.civicloop.records.domain.RecordPermissions;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.spreadsheet.Column;
import org.civicloop.shared.spreadsheet.StreamingWorkbookWriter;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.shared.web.Downloads;
import org.civicloop.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty records' pages: the office's ranking (with its Excel and the bulk ZIP of annual reports), a
 * deputy's record and report, the points rules, the review of manual entries; and a deputy's own record on
 * their phone with the form to enter an activity.
 */
@Controller
@RequestMapping("/records")
class RecordController {

    private final DutyRecordService records;
    private final AnnualReportPdf reports;
    private final DeputyRoster roster;
    private final MessageSource messages;

    RecordController(DutyRecordService records, AnnualReportPdf reports, DeputyRoster roster, MessageSource messages) {
        this.records = records;
        this.reports = reports;
        this.roster = roster;
        this.messages = messages;
    }

    @GetMapping
    String home(@AuthenticationPrincipal CivicUser user) {
        if (RecordPermissions.readsAll(user)) {
            return "redirect:/records/ranking";
        }
        if (RecordPermissions.isDeputy(user)) {
            return "redirect:/records/mine";
        }
        throw new AccessDeniedException("records");
    }

    // --- the office ---

    @GetMapping("/ranking")
    String ranking(@RequestParam(required = false) String year, @AuthenticationPrincipal CivicUser user, Model model) {
        requireReadsAll(user);
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", records.years());
        model.addAttribute("standings", records.ranking(y));
        model.addAttribute("manages", RecordPermissions.manages(user));
        return "records/ranking";
    }

    @GetMapping("/ranking.xlsx")
    ResponseEntity<StreamingResponseBody> rankingWorkbook(@RequestParam(required = false) String year,
                                                          @AuthenticationPrincipal CivicUser user, Locale locale) {
        requireReadsAll(user);
        int y = year(year);
        List<DutyRecordService.Standing> standings = records.ranking(y);
        String title = m("record.ranking.sheet", locale, String.valueOf(y));
        List<Column> columns = List.of(Column.whole(m("record.col.rank", locale)), Column.text(m("record.col.deputy", locale)),
                Column.text(m("record.col.level", locale)), Column.text(m("record.col.constituency", locale), 30),
                Column.whole(m("record.col.count", locale)), Column.whole(m("record.col.points", locale)));
        StreamingResponseBody body = out -> {
            try (StreamingWorkbookWriter sheet = StreamingWorkbookWriter.builder(columns).sheetName(title).title(title).open(out)) {
                for (var s : standings) {
                    sheet.row((long) s.rank(), s.deputy().name(), m("deputyLevel." + s.deputy().level(), locale),
                            s.deputy().constituency(), (long) s.activities(), (long) s.points());
                }
                sheet.finish();
            }
        };
        return Downloads.workbook("duty-points-" + y, title, records.today(), body);
    }

    @GetMapping("/reports.zip")
    ResponseEntity<StreamingResponseBody> allReports(@RequestParam(required = false) String year,
                                                     @AuthenticationPrincipal CivicUser user, Locale locale) {
        requireReadsAll(user);
        int y = year(year);
        StreamingResponseBody body = out -> reports.renderAll(y, locale, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("duty-reports-" + y + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @GetMapping("/deputies/{id}")
    String deputy(@PathVariable long id, @RequestParam(required = false) String year, @AuthenticationPrincipal CivicUser user,
                  Model model, Locale locale) {
        requireReadsAll(user);
        DeputySummary d = records.deputy(id).orElseThrow(() -> new NotFoundException("deputy", id));
        record(d, year(year), model, locale);
        model.addAttribute("manualEntries", records.manualEntriesOf(id));
        model.addAttribute("reportHref", "/records/deputies/" + id + "/report.pdf");
        return "records/deputy";
    }

    @GetMapping("/deputies/{id}/report.pdf")
    ResponseEntity<byte[]> deputyReport(@PathVariable long id, @RequestParam(required = false) String year,
                                        @AuthenticationPrincipal CivicUser user, Locale locale) {
        requireReadsAll(user);
        DeputySummary d = records.deputy(id).orElseThrow(() -> new NotFoundException("deputy", id));
        return report(d, year(year), locale);
    }

    @GetMapping("/rules")
    String rules(@AuthenticationPrincipal CivicUser user, Model model) {
        requireManages(user);
        model.addAttribute("ruleForm", RuleForm.empty());
        return rulesPage(model);
    }

    @PostMapping("/rules")
    String addRule(@ModelAttribute RuleForm ruleForm, BindingResult result, @AuthenticationPrincipal CivicUser user, Model model,
                   RedirectAttributes flash) {
        requireManages(user);
        List<org.civicloop.shared.InvalidInput.Problem> problems = new java.util.ArrayList<>();
        var change = ruleForm.change(problems);
        if (problems.isEmpty()) {
            try {
                records.addRule(change, user);
                flash.addFlashAttribute("done", "record.rules.saved");
                return "redirect:/records/rules";
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            }
        } else {
            FormErrors.reject(result, problems);
            rejectOthers(result, records.ruleProblems(change));
        }
        return rulesPage(model);
    }

    private String rulesPage(Model model) {
        model.addAttribute("rules", records.rules());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("today", records.today());
        return "records/rules";
    }

    @GetMapping("/review")
    String review(@AuthenticationPrincipal CivicUser user, Model model) {
        requireManages(user);
        model.addAttribute("pending", records.pending());
        return "records/review";
    }

    @PostMapping("/review/{id}/approve")
    String approve(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        requireManages(user);
        return ActionOutcome.run("/records/review", flash, "record.review.approved", () -> records.approve(id, user));
    }

    @PostMapping("/review/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal CivicUser user,
                  RedirectAttributes flash) {
        requireManages(user);
        var problem = org.civicloop.shared.TextRules.text("reason", DutyRecordService.REASON_MAX).atLeast(2).problem(reason);
        if (problem != null) {
            flash.addFlashAttribute("failed", "record.error.reason");
            flash.addFlashAttribute("failedArgs", new Object[] {DutyRecordService.REASON_MAX});
            flash.addFlashAttribute("failedEntry", id);
            return "redirect:/records/review";
        }
        return ActionOutcome.run("/records/review", flash, "record.review.refused", () -> records.refuse(id, reason, user));
    }

    @GetMapping("/entries/new")
    String newEntry(@AuthenticationPrincipal CivicUser user, Model model) {
        requireManages(user);
        model.addAttribute("manualEntryForm", ManualEntryForm.empty());
        return entryPage(user, model);
    }

    @PostMapping("/entries/new")
    String createEntry(@ModelAttribute ManualEntryForm manualEntryForm, BindingResult result,
                       @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        requireManages(user);
        return submit(manualEntryForm, result, user, model, flash, "/records/review");
    }

    // --- a deputy's own ---

    @GetMapping("/mine")
    String mine(@RequestParam(required = false) String year, @AuthenticationPrincipal CivicUser user, Model model,
                Locale locale) {
        long own = ownDeputy(user);
        DeputySummary d = records.deputy(own).orElseThrow(() -> new NotFoundException("deputy", own));
        record(d, year(year), model, locale);
        model.addAttribute("manualEntries", records.manualEntriesOf(own));
        model.addAttribute("reportHref", "/records/mine/report.pdf");
        return "records/mine";
    }

    @GetMapping("/mine/report.pdf")
    ResponseEntity<byte[]> myReport(@RequestParam(required = false) String year, @AuthenticationPrincipal CivicUser user,
                                    Locale locale) {
        long own = ownDeputy(user);
        DeputySummary d = records.deputy(own).orElseThrow(() -> new NotFoundException("deputy", own));
        return report(d, year(year), locale);
    }

    @GetMapping("/mine/entries/new")
    String newOwnEntry(@AuthenticationPrincipal CivicUser user, Model model) {
        ownDeputy(user);
        model.addAttribute("manualEntryForm", ManualEntryForm.empty());
        return entryPage(user, model);
    }

    @PostMapping("/mine/entries/new")
    String createOwnEntry(@ModelAttribute ManualEntryForm manualEntryForm, BindingResult result,
                          @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        ownDeputy(user);
        return submit(manualEntryForm, result, user, model, flash, "/records/mine");
    }

    private String submit(ManualEntryForm form, BindingResult result, CivicUser user, Model model, RedirectAttributes flash,
                          String backTo) {
        try {
            records.submitManual(form.draft(), user);
            flash.addFlashAttribute("done", "record.entry.submitted");
            return "redirect:" + backTo;
        } catch (InvalidInput e) {
            FormErrors.reject(result, e.problems());
        }
        return entryPage(user, model);
    }

    /** With a field that could not be read (a number or a date typed wrong), the other fields' problems too, at once. */
    private static void rejectOthers(BindingResult result, List<org.civicloop.shared.InvalidInput.Problem> problems) {
        FormErrors.reject(result, problems.stream().filter(p -> !result.hasFieldErrors(p.field())).toList());
    }

    private String entryPage(CivicUser user, Model model) {
        boolean office = RecordPermissions.manages(user);
        model.addAttribute("office", office);
        model.addAttribute("kinds", ActivityKind.manualKinds());
        model.addAttribute("deputies", office ? roster.active() : List.of());
        model.addAttribute("action", office ? "/records/entries/new" : "/records/mine/entries/new");
        model.addAttribute("backTo", office ? "/records/review" : "/records/mine");
        model.addAttribute("today", records.today());
        return "records/entry-form";
    }

    // --- shared ---

    private void record(DeputySummary d, int year, Model model, Locale locale) {
        List<PointLine> lines = records.lines(d.id(), year, locale);
        model.addAttribute("deputy", d);
        model.addAttribute("year", year);
        model.addAttribute("years", records.years());
        List<PointLine> newestFirst = new java.util.ArrayList<>(lines);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("lines", newestFirst);
        model.addAttribute("total", PointCount.total(lines));
    }

    private ResponseEntity<byte[]> report(DeputySummary d, int year, Locale locale) {
        Integer rank = records.ranking(year).stream().filter(s -> s.deputy().id() == d.id())
                .map(DutyRecordService.Standing::rank).findFirst().orElse(null);
        byte[] body = reports.render(d, year, rank, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("duty-report-" + year + "-" + d.id() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** The year asked for, or this year when none or no plausible one is given (a filter never fails the page). */
    private int year(String year) {
        int now = records.today().getYear();
        if (year == null || !year.matches("\\d{4}")) {
            return now;
        }
        int y = Integer.parseInt(year);
        return y < DutyRecordService.EARLIEST.getYear() || y > now + 1 ? now : y;
    }

    private long ownDeputy(CivicUser user) {
        return records.ownDeputyId(user).orElseThrow(() -> new AccessDeniedException("not a deputy"));
    }

    private static void requireReadsAll(CivicUser user) {
        if (!RecordPermissions.readsAll(user)) {
            throw new AccessDeniedException("records");
        }
    }

    private static void requireManages(CivicUser user) {
        if (!RecordPermissions.manages(user)) {
            throw new AccessDeniedException("records");
        }
    }

    private String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
