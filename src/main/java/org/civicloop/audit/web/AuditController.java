package org.civicloop.audit.web;

import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.audit.AuditTrail;
import org.civicloop.audit.domain.AuditQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 审计日志: the administrator reads the trail and checks its chain. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final AuditTrail trail;

    @GetMapping
    String list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String subjectType, @RequestParam(defaultValue = "") String subjectId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long before, Model model) {
        var filter = new AuditQueries.Filter(actor, action, subjectType, subjectId, from, to, before);
        List<AuditQueries.Entry> entries = queries.find(filter, PAGE_SIZE + 1);
        boolean more = entries.size() > PAGE_SIZE;
        model.addAttribute("filter", filter);
        model.addAttribute("entries", more ? entries.subList(0, PAGE_SIZE) : entries);
        model.addAttribute("nextBefore", more ? entries.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("actions", queries.actions());
        return "audit/list";
    }

    /** htmx swaps in the result; without JavaScript the page reloads with it. */
    @PostMapping("/verify")
    String verify(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes flash) {
        AuditTrail.Verification verification = trail.verify();
        if (htmx == null) {
            flash.addFlashAttribute("verification", verification);
            return "redirect:/admin/audit";
        }
        model.addAttribute("verification", verification);
        return "audit/verification :: result";
    }
}
