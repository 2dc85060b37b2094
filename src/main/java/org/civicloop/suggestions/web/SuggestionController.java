package org.civicloop.suggestions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.civicloop.suggestions.AssignmentKey;
import org.civicloop.suggestions.LinkedOpinionCodes;
import org.civicloop.suggestions.domain.Assignment;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.CoSignLinks;
import org.civicloop.suggestions.domain.ContactStage;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SimilarSuggestions;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.SuggestionActions;
import org.civicloop.suggestions.domain.SuggestionClocks;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionPermissions;
import org.civicloop.suggestions.domain.SuggestionQueries;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suggestion pages: a deputy's list and draft form, the office's filtered list, a unit's inbox by
 * deadline, and each suggestion's page with only the actions its viewer may take now.
 */
@Controller
@PreAuthorize("hasAnyRole('DEPUTY', 'CONGRESS_OFFICE', 'HANDLING_UNIT', 'LEADER', 'ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SuggestionController {

    private static final int PAGE_SIZE = 30;
    private static final int INBOX_PAGE = 50;

    private final SuggestionService service;
    private final SuggestionQueries queries;
    private final SuggestionClocks clocks;
    private final Deputies deputies;
    private final Directory directory;
    private final DeputyRoster roster;
    private final SuggestionPermissions permissions = new SuggestionPermissions();
    private final LinkedOpinionCodes opinionCodes;
    private final CoSignLinks coSignLinks;
    private final SimilarSuggestions similar;

    @PreAuthorize("hasRole('DEPUTY')")
    @GetMapping("/suggestions/mine")
    String mine(@AuthenticationPrincipal CivicUser user, Model model) {
        Long deputyId = service.deputyIdOf(user);
        if (deputyId == null) {
            throw new NotFoundException("deputy", user.accountId());
        }
        model.addAttribute("rows", queries.mine(deputyId));
        model.addAttribute("deputyId", deputyId);
        model.addAttribute("categories", queries.categories());
        return "suggestions/mine";
    }

    /**
     * The draft form; from an opinion's page (转为代表建议, {@code opinion} its id) it starts from the
     * opinion: its receipt code linked, its text as the content, and its category where the
     * suggestions' dictionary has the same code (the two dictionaries differ; no other is guessed).
     * Nothing changes until the deputy saves: the opinion is taken up with the saved suggestion.
     */
    @PreAuthorize("hasRole('DEPUTY')")
    @GetMapping("/suggestions/new")
    String newForm(@RequestParam(required = false) Long opinion, @AuthenticationPrincipal CivicUser user, Model model) {
        if (!permissions.canDraft(user, service.deputyIdOf(user))) {
            throw new NotFoundException("deputy", user.accountId());
        }
        var source = opinion == null ? Optional.<LinkedOpinionCodes.DraftSource>empty()
                : opinionCodes.draftSource(opinion, user);
        String category = source.map(LinkedOpinionCodes.DraftSource::category)
                .filter(c -> queries.categories().stream().anyMatch(e -> e.code().equals(c))).orElse("");
        model.addAttribute("form", new DraftForm("", source.map(LinkedOpinionCodes.DraftSource::content).orElse(""),
                category, "RECESS", List.of(), source.map(LinkedOpinionCodes.DraftSource::receiptCode).orElse("")));
        return formPage(model, null);
    }

    @PostMapping("/suggestions")
    String create(DraftForm form, @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        // who may not draft learns nothing of the opinions the codes name
        if (!permissions.canDraft(user, service.deputyIdOf(user))) {
            throw new AccessDeniedException("draft");
        }
        try {
            long id = service.draft(form.toDraft(opinionCodes.opinionsToTakeUp(DraftForm.typedCodes(form.opinions()), null)), user);
            flash.addFlashAttribute("done", "suggestion.done.drafted");
            return "redirect:/suggestions/" + id;
        } catch (BusinessException e) {
            return refused(e, form, model, null);
        }
    }

    @GetMapping("/suggestions/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Suggestion s = service.visible(id, user);
        // the receipt codes of the linked opinions this user may open; the others stay linked (links are only added)
        var codes = opinionCodes.receiptCodes(opinionCodes.openableBy(user, s.opinionIds()));
        model.addAttribute("form", DraftForm.of(s, s.opinionIds().stream().filter(codes::containsKey).map(codes::get).toList()));
        return formPage(model, id);
    }

    @PostMapping("/suggestions/{id}/edit")
    String edit(@PathVariable long id, DraftForm form, @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        if (!permissions.isLeadDeputy(user, service.deputyIdOf(user), service.visible(id, user))) {
            throw new AccessDeniedException("edit");
        }
        try {
            service.edit(id, form.toDraft(opinionCodes.opinionsToTakeUp(DraftForm.typedCodes(form.opinions()), id)), user);
            flash.addFlashAttribute("done", "suggestion.done.edited");
            return "redirect:/suggestions/" + id;
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            return refused(e, form, model, id);
        }
    }

    /** The form again as typed, with every problem (receipt codes each with its reason) or the one refusal. */
    private String refused(BusinessException e, DraftForm form, Model model, Long id) {
        model.addAttribute("form", form);
        if (e instanceof InvalidInput invalid) {
            model.addAttribute("problems", invalid.problems());
        } else {
            model.addAttribute("failed", e.messageKey());
            model.addAttribute("failedArgs", e.arguments());
        }
        return formPage(model, id);
    }

    private String formPage(Model model, Long id) {
        model.addAttribute("suggestionId", id);
        model.addAttribute("categories", queries.categories());
        // the lead deputy is not offered as their own co-signer
        Long lead = id != null ? Long.valueOf(service.visible(id, currentUser()).leadDeputyId()) : service.deputyIdOf(currentUser());
        model.addAttribute("deputies", roster.active().stream().filter(d -> lead == null || d.id() != lead).toList());
        return "suggestions/form";
    }

    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER', 'ADMIN')")
    @GetMapping("/suggestions")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String category,
                @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "false") boolean keyOnly,
                @RequestParam(required = false) Instant beforeAt, @RequestParam(required = false) Long beforeId,
                @AuthenticationPrincipal CivicUser user, Model model) {
        var rows = queries.list(new SuggestionQueries.Filter(status, category, unitId, keyOnly), beforeAt, beforeId, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var page = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("rows", page);
        model.addAttribute("next", more ? page.get(PAGE_SIZE - 1) : null);
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("unitId", unitId);
        model.addAttribute("keyOnly", keyOnly);
        model.addAttribute("statuses", SuggestionStatus.values());
        model.addAttribute("categories", queries.categories());
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("deputyNames", deputyNames(page.stream().map(SuggestionQueries.Row::leadDeputyId).toList()));
        return "suggestions/list";
    }

    /** One line of the inbox: the assignment and its clock. */
    record InboxItem(SuggestionQueries.InboxRow row, ClockView clock) {
    }

    @PreAuthorize("hasRole('HANDLING_UNIT')")
    @GetMapping("/suggestions/inbox")
    String inbox(@RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Instant afterDue,
                 @RequestParam(required = false) Long afterId, @RequestParam(defaultValue = "0") int afterSeq,
                 @AuthenticationPrincipal CivicUser user, Model model) {
        if (!user.hasRole(Role.HANDLING_UNIT) || user.unitId() == null) {
            throw new NotFoundException("unit", user.accountId());
        }
        var after = afterId == null ? null : new SuggestionQueries.InboxCursor(afterDue, afterId, afterSeq);
        var rows = queries.inbox(user.unitId(), all, after, INBOX_PAGE + 1);
        boolean more = rows.size() > INBOX_PAGE;
        rows = more ? rows.subList(0, INBOX_PAGE) : rows;
        Map<String, ClockView> found = clocks.assignments(rows.stream().map(SuggestionQueries.InboxRow::clockKey).toList());
        List<InboxItem> items = rows.stream().map(r -> new InboxItem(r, found.get(r.clockKey()))).toList();
        model.addAttribute("items", items);
        model.addAttribute("next", more ? rows.get(rows.size() - 1) : null);
        model.addAttribute("all", all);
        model.addAttribute("categories", queries.categories());
        return "suggestions/inbox";
    }

    /** One assignment on the suggestion's page: its unit, its clock and what the viewer may do to it now. */
    record AssignmentView(Assignment a, String unitName, ClockView clock, SuggestionActions.AssignmentActions can) {
    }

    @GetMapping("/suggestions/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Suggestion s = service.visible(id, user);
        Long deputyId = service.deputyIdOf(user);
        SuggestionStatus st = s.status();
        SuggestionActions can = permissions.actionsFor(user, deputyId, s, clocks.returnWindowsClosed(s, Instant.now()));
        List<AssignmentView> views = s.assignments().stream().map(a -> new AssignmentView(a,
                directory.unitName(a.unitId()).orElse(""), clocks.assignment(id, a.seq()).orElse(null), can.on(a.seq()))).toList();
        model.addAttribute("s", s);
        model.addAttribute("can", can);
        model.addAttribute("assignments", views);
        model.addAttribute("feedbackClock", clocks.feedback(id).orElse(null));
        model.addAttribute("lead", deputies.find(s.leadDeputyId()).orElse(null));
        model.addAttribute("coSignerNames", deputyNames(s.coSigners().stream().map(c -> c.deputyId()).toList()));
        model.addAttribute("myCoSigning", s.coSigners().stream().filter(c -> deputyId != null && c.deputyId() == deputyId)
                .findFirst().orElse(null));
        model.addAttribute("published", st == SuggestionStatus.CLOSED && !s.confidential());
        // linked opinions by their receipt codes, as everywhere else
        // only the codes of opinions this user may open: a receipt code lets its holder rate the answer
        var openable = opinionCodes.openableBy(user, s.opinionIds());
        model.addAttribute("opinionCodes", opinionCodes.receiptCodes(openable));
        model.addAttribute("openableOpinions", openable);
        model.addAttribute("steps", queries.steps(id));
        model.addAttribute("replies", queries.replies(id));
        model.addAttribute("contacts", queries.contacts(id));
        model.addAttribute("categories", queries.categories());
        var resultClasses = queries.resultClasses();
        model.addAttribute("resultClasses", resultClasses);
        // a reply's class named as the dictionary names it (A 所提问题已经解决或者基本解决), not the bare letter
        Map<String, SuggestionQueries.Entry> classNames = new HashMap<>();
        resultClasses.forEach(rc -> classNames.put(rc.code(), rc));
        model.addAttribute("classNames", classNames);
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("unitNames", unitNames(s));
        model.addAttribute("modes", HandlingMode.values());
        model.addAttribute("stages", ContactStage.values());
        model.addAttribute("evaluations", Evaluation.values());
        // similar past suggestions and their replies: only those this viewer may open, or published ones
        model.addAttribute("similar", similar.like(s, user, deputyId));
        return "suggestions/detail";
    }

    private Map<Long, String> deputyNames(List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (Long d : ids) {
            names.computeIfAbsent(d, k -> deputies.find(k).map(DeputySummary::name).orElse(""));
        }
        return names;
    }

    private Map<Long, String> unitNames(Suggestion s) {
        Map<Long, String> names = new HashMap<>();
        s.assignments().forEach(a -> names.put(a.unitId(), directory.unitName(a.unitId()).orElse("")));
        return names;
    }

    @PostMapping("/suggestions/{id}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.submitted", () -> service.submit(id, user));
    }

    /** Co-signers without an account confirm through a link sent to their phone. */
    @PostMapping("/suggestions/{id}/cosign-links")
    String sendCoSignLinks(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.coSignLinksSent", () -> coSignLinks.send(id, user, Instant.now()));
    }

    @PostMapping("/suggestions/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.confirmed", () -> service.confirmCoSigning(id, user));
    }

    @PostMapping("/suggestions/{id}/return")
    String returnForRevision(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                             @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.returned", () -> service.returnForRevision(id, reason, user));
    }

    @PostMapping("/suggestions/{id}/not-register")
    String notRegister(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                       @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.notRegistered", () -> service.notRegister(id, reason, user));
    }

    @PostMapping("/suggestions/{id}/register")
    String register(@PathVariable long id, @RequestParam(defaultValue = "") String category,
                    @RequestParam(defaultValue = "false") boolean key, @RequestParam(defaultValue = "false") boolean confidential,
                    @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.registered", () -> service.register(id, category, key, confidential, user));
    }

    @PostMapping("/suggestions/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(defaultValue = "") String mode,
                  @RequestParam(required = false) Long leadUnit, @RequestParam(required = false) List<Long> otherUnits,
                  @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.assigned", () -> {
            HandlingMode m = parse(HandlingMode.class, mode, "suggestion.error.mode");
            List<Suggestion.UnitRole> units = new ArrayList<>();
            if (leadUnit != null) {
                units.add(new Suggestion.UnitRole(leadUnit, m == HandlingMode.SEPARATE ? AssignmentRole.SEPARATE : AssignmentRole.LEAD));
            }
            for (Long u : otherUnits == null ? List.<Long>of() : otherUnits) {
                units.add(new Suggestion.UnitRole(u, m == HandlingMode.SEPARATE ? AssignmentRole.SEPARATE : AssignmentRole.CO));
            }
            service.assign(id, m, units, user);
        });
    }

    /** 批量签收 from the inbox: the checked assignments ({@code <suggestion>-<seq>}), all or none. */
    @PreAuthorize("hasRole('HANDLING_UNIT')")
    @PostMapping("/suggestions/inbox/sign")
    String signAll(@RequestParam(name = "items", required = false) List<String> items,
                   @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/suggestions/inbox", flash, "suggestion.done.signedAll", () -> {
            List<AssignmentKey> keys = new ArrayList<>();
            for (String item : items == null ? List.<String>of() : items) {
                keys.add(AssignmentKey.parse(item).orElseThrow(() -> BusinessException.invalid("suggestion.error.nothingSelected")));
            }
            service.signAll(keys, user);
        });
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/sign")
    String sign(@PathVariable long id, @PathVariable int seq, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.signed", () -> service.sign(id, seq, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/return")
    String requestReturn(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "") String reason,
                         @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.returnRequested", () -> service.requestReturn(id, seq, reason, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/return-decision")
    String decideReturn(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "false") boolean approve,
                        @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.decided", () -> service.decideReturn(id, seq, approve, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/extension")
    String requestExtension(@PathVariable long id, @PathVariable int seq,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CivicUser user,
                            RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.extensionRequested", () -> {
            if (due == null) {
                throw BusinessException.invalid("suggestion.error.date");
            }
            service.requestExtension(id, seq, due, reason, user);
        });
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/extension-decision")
    String decideExtension(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "false") boolean approve,
                           @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.decided", () -> service.decideExtension(id, seq, approve, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/contact")
    String contact(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "") String stage,
                   @RequestParam(defaultValue = "false") boolean faceToFace, @RequestParam(defaultValue = "") String summary,
                   @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.contactRecorded", () -> service.recordContact(id, seq,
                parse(ContactStage.class, stage, "suggestion.error.contactStage"), faceToFace, summary, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/view")
    String view(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "") String text,
                @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.viewSent", () -> service.sendView(id, seq, text, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/reply")
    String reply(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "") String text,
                 @RequestParam(defaultValue = "") String resultClass, @AuthenticationPrincipal CivicUser user,
                 RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.replied", () -> service.reply(id, seq, text, resultClass, user));
    }

    @PostMapping("/suggestions/{id}/assignments/{seq}/audit")
    String audit(@PathVariable long id, @PathVariable int seq, @RequestParam(defaultValue = "") String resultClass,
                 @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.audited", () -> service.auditReply(id, seq, resultClass, user));
    }

    @PostMapping("/suggestions/{id}/send-for-evaluation")
    String sendForEvaluation(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.sentForEvaluation", () -> service.sendForEvaluation(id, user));
    }

    @PostMapping("/suggestions/{id}/evaluate")
    String evaluate(@PathVariable long id, @RequestParam(defaultValue = "") String evaluation,
                    @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CivicUser user,
                    RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.evaluated", () -> service.evaluate(id,
                parse(Evaluation.class, evaluation, "suggestion.error.evaluationRequired"), note, user));
    }

    @PostMapping("/suggestions/{id}/co-signer-opinion")
    String coSignerOpinion(@PathVariable long id, @RequestParam(defaultValue = "") String evaluation,
                           @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CivicUser user,
                           RedirectAttributes flash) {
        return act(id, flash, "suggestion.done.coSignerOpinion", () -> service.coSignerOpinion(id,
                parse(Evaluation.class, evaluation, "suggestion.error.evaluationRequired"), note, user));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String errorKey) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid(errorKey);
        }
    }

    /** Runs an action and comes back to the suggestion's page with what happened, or why not. */
    private static String act(long id, RedirectAttributes flash, String doneKey, Runnable action) {
        return ActionOutcome.run("/suggestions/" + id, flash, doneKey, action);
    }

    /** The draft form; co-signers as ids, linked opinions as the receipt codes deputies know them by. */
    record DraftForm(String title, String content, String category, String period, List<Long> coSigners, String opinions) {

        static DraftForm of(Suggestion s, List<String> opinionCodes) {
            return new DraftForm(s.title(), s.content(), s.category(), s.period().name(),
                    s.coSigners().stream().map(c -> c.deputyId()).toList(), String.join(", ", opinionCodes));
        }

        SuggestionDraft toDraft(List<Long> opinionIds) {
            SubmissionPeriod p = period == null || period.isBlank() ? null : parse(SubmissionPeriod.class, period, "suggestion.error.period");
            return new SuggestionDraft(title, content, category, p, coSigners == null ? List.of() : coSigners, opinionIds);
        }

        /**
         * The receipt codes typed, separated by commas (or 、 ；), or by spaces: a code written with a
         * space inside ({@code 8CJYV T8YBE}) is one code when the part between separators is one.
         */
        static List<String> typedCodes(String text) {
            List<String> codes = new ArrayList<>();
            if (text == null) {
                return codes;
            }
            for (String part : text.split("[,，、;；\\n]+")) {
                String stripped = part.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                String joined = stripped.replaceAll("[\\s-]+", "");
                if (joined.length() == 10 || !stripped.matches(".*\\s.*")) {
                    codes.add(stripped);
                } else {
                    codes.addAll(List.of(stripped.split("\\s+")));
                }
            }
            return codes;
        }
    }

    private static CivicUser currentUser() {
        return (CivicUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
