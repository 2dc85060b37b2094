package org.civicloop.suggestions.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's bulletins: the list and the form that creates one (computing its figures), the
 * preview as a page and as a PDF, computing again before publication, and publishing.
 */
@Controller
@PreAuthorize("hasRole('CONGRESS_OFFICE')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BulletinController {

    private final Bulletins bulletins;
    private final BulletinPdf pdf;
    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final java.time.ZoneId zone;

    private final Directory directory;

    /** What the create form holds (kept when it fails). */
    record BulletinForm(String title, String period, LocalDate from, LocalDate to, String foreword) {
    }

    /**
     * The list and the create form; {@code title} and {@code foreword} fill the form in (a hot spot of
     * the opinions ledger starts a notice on a matter many people raised this way). Nothing is created.
     */
    @GetMapping("/suggestions/bulletins")
    String list(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String foreword, Model model) {
        LocalDate today = LocalDate.now(zone);
        String lastQuarter = today.getMonthValue() <= 3 ? (today.getYear() - 1) + "-Q4"
                : today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3);
        return listPage(new BulletinForm(prefill(title, Bulletin.MAX_TITLE), lastQuarter, null, null,
                prefill(foreword, Bulletin.MAX_FOREWORD)), model);
    }

    @PostMapping("/suggestions/bulletins")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String foreword,
                  @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        BulletinForm form = new BulletinForm(title, period, from, to, foreword);
        try {
            long id = bulletins.create(title, KpiPeriod.of(period, from, to), foreword, user);
            flash.addFlashAttribute("done", "bulletin.done.generated");
            return "redirect:/suggestions/bulletins/" + id;
        } catch (BusinessException e) {
            model.addAttribute("failed", e.messageKey());
            model.addAttribute("failedArgs", e.arguments());
            return listPage(form, model);
        }
    }

    /** A form's text handed in by a link: at most the field's length, without control characters. */
    private static String prefill(String text, int max) {
        String t = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        return t.codePointCount(0, t.length()) > max ? t.substring(0, t.offsetByCodePoints(0, max)) : t;
    }

    private String listPage(BulletinForm form, Model model) {
        int year = LocalDate.now(zone).getYear();
        Map<Integer, List<KpiPeriod>> presets = new LinkedHashMap<>();
        presets.put(year, KpiPeriod.presets(year));
        presets.put(year - 1, KpiPeriod.presets(year - 1));
        model.addAttribute("form", form);
        model.addAttribute("presets", presets);
        model.addAttribute("bulletins", bulletins.all());
        return "suggestions/bulletin/list";
    }

    @GetMapping("/suggestions/bulletins/{id}")
    String preview(@PathVariable long id, Model model, Locale locale) {
        BulletinView b = PublicBulletinController.show(bulletins.find(id), model, messages, locale);
        // people by their names, not their sign-in names
        model.addAttribute("generatedBy", personName(b.generatedBy()));
        model.addAttribute("publishedBy", personName(b.publishedBy()));
        return "suggestions/bulletin/detail";
    }

    @GetMapping("/suggestions/bulletins/{id}.pdf")
    ResponseEntity<byte[]> previewPdf(@PathVariable long id, Locale locale) {
        BulletinView b = bulletins.find(id);
        return PublicBulletinController.pdfResponse(pdf.render(b, locale), b, false);
    }

    @PostMapping("/suggestions/bulletins/{id}/regenerate")
    String regenerate(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/suggestions/bulletins/" + id, flash, "bulletin.done.regenerated",
                () -> bulletins.regenerate(id, user, Instant.now()));
    }

    @PostMapping("/suggestions/bulletins/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/suggestions/bulletins/" + id, flash, "bulletin.done.published",
                () -> bulletins.publish(id, user, Instant.now()));
    }

    private String personName(String username) {
        return username == null ? null : directory.accountIdByUsername(username).flatMap(directory::accountDisplayName).orElse(username);
    }
}
