package org.civicloop.services.cases.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.services.catalogue.FieldValues;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.services.cases.domain.CaseQueries;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.services.cases.domain.CaseStatus;
import org.civicloop.services.cases.domain.MaterialFiles;
import org.civicloop.services.cases.domain.RatingLevel;
import org.civicloop.services.cases.domain.RefusalReason;
import org.civicloop.services.cases.domain.ServiceCase;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worklists (the applicant's applications, the window's, a department's parts) and one page per
 * application that every party reads: the status, every department's progress and due date, what is
 * asked of the applicant, the form's values, the materials, and the actions the viewer may take now.
 * An application the viewer may not see does not exist for them (404).
 */
@Controller
@PreAuthorize("hasAnyRole('ENTERPRISE', 'WINDOW_CLERK', 'DEPT_APPROVER')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseController {

    private final CaseService service;
    private final CaseQueries queries;
    private final MaterialFiles files;

    @PreAuthorize("hasRole('ENTERPRISE')")
    @GetMapping("/services/cases")
    String mine(@AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("rows", queries.ofApplicant(user.accountId()));
        return "services/cases/mine";
    }

    @PreAuthorize("hasRole('WINDOW_CLERK')")
    @GetMapping("/services/window")
    String window(@RequestParam(required = false) CaseStatus status, Model model) {
        model.addAttribute("rows", queries.forWindow(status));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", status);
        return "services/cases/window";
    }

    @PreAuthorize("hasRole('DEPT_APPROVER')")
    @GetMapping("/services/approvals")
    String approvals(@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("rows", user.unitId() == null ? List.of() : queries.forUnit(user.unitId(), !all));
        model.addAttribute("all", all);
        return "services/cases/approvals";
    }

    @GetMapping("/services/cases/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        ServiceCase c = service.view(id, user);
        ServiceDefinition d = service.definitionOf(c);
        model.addAttribute("c", c);
        boolean window = user.hasRole(org.civicloop.organization.Role.WINDOW_CLERK);
        boolean approver = user.hasRole(org.civicloop.organization.Role.DEPT_APPROVER);
        model.addAttribute("backHref", window ? "/services/window" : approver ? "/services/approvals" : "/services/cases");
        model.addAttribute("backKey", window ? "services.window.title" : approver ? "services.approval.title" : "services.case.mine.title");
        model.addAttribute("definition", d);
        model.addAttribute("applicable", d.applicableTo(c.answers()));
        model.addAttribute("materialNames", d.materials().stream().collect(java.util.stream.Collectors.toMap(
                ServiceDefinition.Material::code, ServiceDefinition.Material::name)));
        model.addAttribute("fieldLabels", d.fields().stream().collect(java.util.stream.Collectors.toMap(
                ServiceDefinition.Field::code, ServiceDefinition.Field::label)));
        // a correction's problems sit on field-<code> and material-<code>: the summary names them as the form does
        Map<String, String> problemLabels = new java.util.HashMap<>();
        d.fields().forEach(f -> problemLabels.put("field-" + f.code(), f.label()));
        d.materials().forEach(m -> problemLabels.put("material-" + m.code(), m.name()));
        model.addAttribute("problemLabels", problemLabels);
        // the answers as the page's reader writes them (a date in their convention, a choice by its label); kept as given
        Map<String, FieldValues.Shown> shownValues = new HashMap<>();
        d.fields().forEach(f -> shownValues.put(f.code(), FieldValues.shown(f, c.values().get(f.code()))));
        model.addAttribute("shownValues", shownValues);
        model.addAttribute("resultsByPart", d.results().stream().collect(java.util.stream.Collectors.groupingBy(
                ServiceDefinition.Result::part)));
        model.addAttribute("can", service.permissions().actionsFor(user, c));
        model.addAttribute("clocks", queries.clocks(c));
        model.addAttribute("materials", files.of(c.id()));
        model.addAttribute("refusalReasons", RefusalReason.values());
        model.addAttribute("levels", RatingLevel.values());
        model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "services/cases/case";
    }

    @PostMapping("/services/cases/{id}/accept")
    String accept(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.window.accepted", () -> service.accept(id, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/correction")
    String correction(@PathVariable long id, @RequestParam(required = false) List<String> materials,
                      @RequestParam(required = false) List<String> fields, @RequestParam(required = false) String note,
                      @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.window.correctionRequested",
                () -> service.requestCorrection(id, materials, fields, note, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) RefusalReason reason,
                  @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.window.refused", () -> service.refuse(id, reason, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/parts/{part}/approve")
    String approve(@PathVariable long id, @PathVariable String part, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.approval.approved", () -> service.approve(id, part, note, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/parts/{part}/return")
    String returnPart(@PathVariable long id, @PathVariable String part, @RequestParam(required = false) List<String> materials,
                      @RequestParam(required = false) List<String> fields, @RequestParam(required = false) String note,
                      @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.approval.returned",
                () -> service.returnPart(id, part, materials, fields, note, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/parts/{part}/reject")
    String reject(@PathVariable long id, @PathVariable String part, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.approval.rejected", () -> service.reject(id, part, reason, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/correct")
    String correct(@PathVariable long id, MultipartHttpServletRequest request, @AuthenticationPrincipal CivicUser user,
                   RedirectAttributes flash) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((k, v) -> params.addAll(k, List.of(v)));
        Map<String, String> values = ApplyController.prefixed(params, "f-");
        try {
            service.correct(id, values, ApplyController.uploads(request, "m-"), user, Instant.now());
            flash.addFlashAttribute("done", "services.case.corrected");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problems", e.problems());
            flash.addFlashAttribute("correctionValues", values);
        } catch (org.civicloop.shared.BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("failed", e.messageKey());
            flash.addFlashAttribute("failedArgs", e.arguments());
        }
        return "redirect:" + back(id);
    }

    @PostMapping("/services/cases/{id}/issue")
    String issue(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.window.issued", () -> service.issue(id, user, Instant.now()));
    }

    @PostMapping("/services/cases/{id}/rate")
    String rate(@PathVariable long id, @RequestParam(required = false) RatingLevel level, @RequestParam(required = false) String reason,
                @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id), flash, "services.rating.thanks", () -> service.rate(id, level, reason, user, Instant.now()));
    }

    /** A material, to those who may see the application only; anyone else gets the same 404 as for a missing one. */
    @GetMapping("/services/cases/{id}/materials/{material}")
    ResponseEntity<byte[]> material(@PathVariable long id, @PathVariable long material, @AuthenticationPrincipal CivicUser user) {
        ServiceCase c = service.view(id, user);
        MaterialFiles.StoredMaterial m = files.find(c.id(), material).orElseThrow(() -> new NotFoundException("material", material));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(m.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(files.read(m.id()));
    }

    private static String back(long id) {
        return "/services/cases/" + id;
    }

}
