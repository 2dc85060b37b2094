package org.civicloop.performance.work.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.performance.Decimals;
import org.civicloop.performance.work.domain.ProjectStage;
import org.civicloop.performance.work.domain.WorkKind;
import org.civicloop.performance.work.domain.WorkQueries;
import org.civicloop.performance.work.domain.WorkRag;
import org.civicloop.performance.work.domain.WorkService;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.Rag;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tracked work (督办事项): the lists of items and of investment projects, a new item, an item's page
 * with its milestones, monthly reports, instructions and (for a project) its stage and funds, and
 * the actions on it. What a viewer may do comes from {@code WorkPermissions}; the service asks the
 * same before it moves anything.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@PreAuthorize("hasAnyRole('EVALUATION_OFFICE', 'LEADER', 'HANDLING_UNIT')")
class WorkController {

    static final List<WorkKind> WORK_KINDS = List.of(WorkKind.REFORM_POINT, WorkKind.LEADER_PROJECT, WorkKind.OTHER_TASK);
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("performance.work.error.required.kind", "kind"),
            Map.entry("performance.work.error.year", "year"),
            Map.entry("performance.work.error.required.title", "title"),
            Map.entry("performance.work.error.titleTaken", "title"),
            Map.entry("performance.work.error.tooLong", "title"),
            Map.entry("performance.work.error.required.ownerUnit", "ownerUnitId"),
            Map.entry("performance.work.error.required.leader", "leaderAccountId"),
            Map.entry("performance.work.error.required.investor", "investor"),
            Map.entry("performance.work.error.required.industry", "industry"));

    private final WorkService service;
    private final WorkQueries queries;
    private final Names names;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    @GetMapping("/performance/work")
    String work(@RequestParam(required = false) WorkKind kind, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Rag rag, @RequestParam(required = false) Long unitId,
                @AuthenticationPrincipal CivicUser user, Model model) {
        List<WorkKind> kinds = kind == null || kind == WorkKind.INVESTMENT ? WORK_KINDS : List.of(kind);
        return list(false, new WorkQueries.Filter(kinds, year, unitId, rag), kind == WorkKind.INVESTMENT ? null : kind, user, model);
    }

    @GetMapping("/performance/projects")
    String projects(@RequestParam(required = false) Integer year, @RequestParam(required = false) Rag rag,
                    @RequestParam(required = false) Long unitId, @AuthenticationPrincipal CivicUser user, Model model) {
        return list(true, new WorkQueries.Filter(List.of(WorkKind.INVESTMENT), year, unitId, rag), null, user, model);
    }

    private String list(boolean projects, WorkQueries.Filter filter, WorkKind kind, CivicUser user, Model model) {
        var rows = queries.list(user, filter, Instant.now());
        model.addAttribute("projects", projects);
        model.addAttribute("rows", rows);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", WORK_KINDS);
        model.addAttribute("year", filter.year());
        model.addAttribute("years", queries.years());
        model.addAttribute("rag", filter.rag());
        model.addAttribute("rags", Rag.values());
        model.addAttribute("unitId", filter.unitId());
        model.addAttribute("units", names.unitList());
        model.addAttribute("unitNames", names.units());
        model.addAttribute("leaderNames", names.accounts(rows.stream().map(WorkQueries.Row::leaderAccountId).toList()));
        model.addAttribute("red", rows.stream().filter(r -> r.rag() == Rag.RED).count());
        model.addAttribute("yellow", rows.stream().filter(r -> r.rag() == Rag.YELLOW).count());
        model.addAttribute("green", rows.stream().filter(r -> r.rag() == Rag.GREEN).count());
        model.addAttribute("office", service.permissions().isOffice(user));
        model.addAttribute("mayExport", service.permissions().seesAll(user));
        return "performance/work/list";
    }

    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    @GetMapping("/performance/work/new")
    String newItem(Model model) {
        return form(ItemForm.empty(), model);
    }

    private String form(ItemForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kindOptions", List.of(WorkKind.values()));
        model.addAttribute("unitOptions", names.unitList());
        model.addAttribute("leaderOptions", names.leaderOptions());
        model.addAttribute("industryOptions", org.civicloop.performance.work.domain.InvestmentProject.INDUSTRIES);
        return "performance/work/new";
    }

    @PreAuthorize("hasRole('EVALUATION_OFFICE')")
    @PostMapping("/performance/work/new")
    String create(@ModelAttribute("form") ItemForm form, BindingResult binding, @AuthenticationPrincipal CivicUser user, Model model) {
        if (binding.hasErrors()) {
            return form(form, model);
        }
        try {
            long id = service.create(form.command(), user);
            return "redirect:" + WorkService.link(form.kind(), id);
        } catch (BusinessException e) {
            FormErrors.reject(binding, e, FIELDS);
            return form(form, model);
        }
    }

    @GetMapping("/performance/work/items/{id}")
    String item(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        var loaded = service.load(id, user).orElseThrow(() -> new NotFoundException("performance-work-item", id));
        if (loaded.project() != null) {
            return "redirect:/performance/projects/" + id;
        }
        return page(loaded, user, model);
    }

    @GetMapping("/performance/projects/{id}")
    String project(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        var loaded = service.load(id, user).filter(l -> l.project() != null)
                .orElseThrow(() -> new NotFoundException("performance-project", id));
        return page(loaded, user, model);
    }

    private String page(WorkService.Loaded loaded, CivicUser user, Model model) {
        var item = loaded.item();
        long id = item.id();
        Instant now = Instant.now();
        var milestones = queries.milestones(id);
        model.addAttribute("item", item);
        model.addAttribute("project", loaded.project());
        model.addAttribute("can", service.permissions().actionsFor(user, item, loaded.project()));
        model.addAttribute("rag", WorkRag.of(milestones.stream().map(m -> new WorkRag.MilestoneTimes(m.dueAt(), m.warnAt(), m.doneAt())).toList(),
                item.createdAt(), item.reportedMonths(), now, zone));
        model.addAttribute("reportMissing", WorkRag.reportMissing(item.createdAt(), item.reportedMonths(), now, zone));
        model.addAttribute("now", now);
        model.addAttribute("milestones", milestones);
        model.addAttribute("reports", queries.reports(id));
        var instructions = queries.instructions(id);
        model.addAttribute("instructions", instructions);
        model.addAttribute("unitName", names.unit(item.ownerUnitId()));
        model.addAttribute("leaderName", names.accounts(List.of(item.leaderAccountId())).get(item.leaderAccountId()));
        model.addAttribute("instructorNames", names.accounts(instructions.stream().map(WorkQueries.Instruction::givenBy).toList()));
        YearMonth thisMonth = YearMonth.now(zone);
        model.addAttribute("reportMonths", List.of(thisMonth, thisMonth.minusMonths(1)).stream()
                .filter(m -> !item.reportedMonths().contains(m)).toList());
        model.addAttribute("today", LocalDate.now(zone));
        if (loaded.project() != null) {
            model.addAttribute("moves", queries.moves(id));
            model.addAttribute("funds", queries.funds(id));
            model.addAttribute("fundsTotal", queries.funds(id).stream().map(WorkQueries.FundsEntry::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return "performance/work/item";
    }

    private String back(long id, CivicUser user) {
        return service.load(id, user).map(l -> WorkService.link(l.item())).orElseThrow(() -> new NotFoundException("performance-work-item", id));
    }

    @PostMapping("/performance/work/items/{id}/milestones")
    String addMilestone(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String dueOn, @AuthenticationPrincipal CivicUser user,
                        RedirectAttributes flash) {
        return ActionOutcome.run(back(id, user), flash, "performance.work.done.milestoneAdded",
                () -> service.addMilestone(id, title, date(dueOn, "performance.work.error.dueOn"), user, Instant.now()));
    }

    @PostMapping("/performance/work/items/{id}/milestones/{milestoneId}/done")
    String completeMilestone(@PathVariable long id, @PathVariable long milestoneId, @AuthenticationPrincipal CivicUser user,
                             RedirectAttributes flash) {
        return ActionOutcome.run(back(id, user), flash, "performance.work.done.milestoneCompleted",
                () -> service.completeMilestone(id, milestoneId, user, Instant.now()));
    }

    @PostMapping("/performance/work/items/{id}/reports")
    String fileReport(@PathVariable long id, @RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String report,
                      @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id, user), flash, "performance.work.done.reported",
                () -> service.fileReport(id, parseMonth(month), report, user, Instant.now()));
    }

    /** The month chosen; not choosing one is its own error, not the rule about which months may be reported. */
    private static YearMonth parseMonth(String month) {
        if (month.isBlank()) {
            throw BusinessException.invalid("performance.work.error.monthRequired");
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw BusinessException.invalid("performance.work.error.month");
        }
    }

    @PostMapping("/performance/work/items/{id}/instructions")
    String instruct(@PathVariable long id, @RequestParam(defaultValue = "") String text, @AuthenticationPrincipal CivicUser user,
                    RedirectAttributes flash) {
        return ActionOutcome.run(back(id, user), flash, "performance.work.done.instructed",
                () -> service.instruct(id, text, user, Instant.now()));
    }

    @PostMapping("/performance/projects/{id}/moves")
    String move(@PathVariable long id, @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String contractValue,
                @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id, user), flash, "performance.work.done.moved",
                () -> service.moveProject(id, stage(to), amount(contractValue, "performance.work.error.contractValue"), note, user, Instant.now()));
    }

    @PostMapping("/performance/projects/{id}/funds")
    String funds(@PathVariable long id, @RequestParam(defaultValue = "") String receivedOn, @RequestParam(defaultValue = "") String amount,
                 @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run(back(id, user), flash, "performance.work.done.fundsRecorded",
                () -> service.recordFunds(id, date(receivedOn, "performance.work.error.receivedOn"), amount(amount, "performance.work.error.amount"), note, user, Instant.now()));
    }

    private static ProjectStage stage(String value) {
        try {
            return value.isBlank() ? null : ProjectStage.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("performance.work.error.stageRequired");
        }
    }

    /** An amount as typed, by the module's one rule for numbers ({@link Decimals}); a comma has its own message. */
    private static BigDecimal amount(String value, String key) {
        Decimals.Read read = Decimals.read(value);
        if (read.problem() != null) {
            throw BusinessException.invalid(Decimals.COMMA.equals(read.problem()) ? Decimals.COMMA : key);
        }
        return read.value();
    }

    private static LocalDate date(String value, String key) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw BusinessException.invalid(key);
        }
    }
}
