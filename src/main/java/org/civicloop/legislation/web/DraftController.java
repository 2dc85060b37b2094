package org.civicloop.legislation.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.legislation.comments.CommentQueries;
import org.civicloop.legislation.comments.ConsultationService;
import org.civicloop.legislation.drafts.ArticleSplitter;
import org.civicloop.legislation.drafts.Draft;
import org.civicloop.legislation.drafts.DraftQueries;
import org.civicloop.legislation.drafts.DraftRepository;
import org.civicloop.legislation.drafts.DraftService;
import org.civicloop.legislation.drafts.LegislationPermissions;
import org.civicloop.legislation.report.Reports;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's and the contact points' pages for drafts: the list, registering a draft (text pasted or a
 * .docx), the draft with its split to correct before opening, its comments and consultations, and the
 * form to enter a consultation.
 */
@Controller
@RequestMapping("/legislation/drafts")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
class DraftController {

    private static final long DOCX_MAX_BYTES = 10L * 1024 * 1024;

    private final DraftService service;
    private final DraftRepository drafts;
    private final DraftQueries queries;
    private final CommentQueries comments;
    private final ConsultationService consultations;
    private final LiaisonSites sites;
    private final DeputyRoster roster;
    private final ZoneId zone;

    DraftController(DraftService service, DraftRepository drafts, DraftQueries queries, CommentQueries comments,
                    ConsultationService consultations, LiaisonSites sites, DeputyRoster roster,
                    @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.service = service;
        this.drafts = drafts;
        this.queries = queries;
        this.comments = comments;
        this.consultations = consultations;
        this.sites = sites;
        this.roster = roster;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String list(@AuthenticationPrincipal CivicUser user, Model model) {
        List<Long> worked = user.unitId() == null ? List.of()
                : sites.forStaffUnit(user.unitId()).stream().filter(s -> s.type().equals(DraftService.POINT_TYPE))
                        .map(SiteSummary::id).toList();
        model.addAttribute("drafts", queries.forStaff(user, worked));
        model.addAttribute("today", today());
        model.addAttribute("mayRegister", LegislationPermissions.mayManageDrafts(user));
        // station staff see the drafts their contact points were asked about; say why when there are none
        model.addAttribute("emptyKey", LegislationPermissions.mayManageDrafts(user) ? "legislation.draft.list.empty"
                : worked.isEmpty() ? "legislation.draft.list.notAPoint" : "legislation.draft.list.noneAsked");
        return "legislation/drafts";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String newDraft(Model model) {
        model.addAttribute("draftForm", DraftForm.empty());
        model.addAttribute("points", service.contactPoints());
        return "legislation/draft-form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String register(@ModelAttribute DraftForm draftForm, BindingResult result,
                    @RequestParam(name = "file", required = false) MultipartFile file,
                    @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) throws IOException {
        String text = draftForm.text();
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > DOCX_MAX_BYTES || file.getOriginalFilename() == null
                    || !file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT).endsWith(".docx")) {
                FormErrors.rejectValue(result, "text", "legislation.draft.error.docx", null, null);
            } else {
                try {
                    text = ArticleSplitter.text(file.getInputStream());
                } catch (BusinessException e) {
                    FormErrors.rejectValue(result, "text", e.messageKey(), null, null);
                }
            }
        }
        if (!result.hasErrors()) {
            try {
                Draft draft = service.register(user, draftForm.details(), text, Instant.now());
                flash.addFlashAttribute("registered", draft.articles().size());
                return "redirect:/legislation/drafts/" + draft.id();
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            } catch (BusinessException e) {
                result.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        model.addAttribute("points", service.contactPoints());
        return "legislation/draft-form";
    }

    @GetMapping("/{id}")
    String draft(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Draft draft = readable(user, id);
        Map<Long, SiteSummary> points = points(draft);
        model.addAttribute("draft", draft);
        model.addAttribute("chapters", Chapters.of(draft.articles()));
        model.addAttribute("points", points);
        List<CommentQueries.CommentRow> shown = comments.forDraft(id).stream()
                .filter(c -> LegislationPermissions.mayManageDrafts(user)
                        || (c.siteId() != null && LegislationPermissions.mayWorkAt(user, points.get(c.siteId()))))
                .toList();
        model.addAttribute("comments", shown);
        // the report each comment belongs to: its contact point's, or the online one (site id 0), point by point
        Map<Long, Long> places = new LinkedHashMap<>();
        points.keySet().forEach(s -> places.put(s, 0L));
        places.put(Reports.ONLINE, 0L);
        shown.forEach(c -> places.merge(c.siteId() == null ? Reports.ONLINE : c.siteId(), 1L, Long::sum));
        places.values().removeIf(n -> n == 0);
        model.addAttribute("commentPlaces", places);
        model.addAttribute("contactVisible", (java.util.function.Function<Long, Boolean>) site ->
                LegislationPermissions.maySeeContact(user, site == null ? null : points.get(site)));
        model.addAttribute("consultations", comments.consultations(id));
        model.addAttribute("deputyNames", deputyNames());
        model.addAttribute("mayManage", LegislationPermissions.mayManageDrafts(user));
        model.addAttribute("mayRecord", draft.opened() && !consultations.workplaces(user, draft).isEmpty());
        model.addAttribute("renumberNeeded", !draft.hasUniqueNumbers());
        model.addAttribute("today", today());
        return "legislation/draft";
    }

    @GetMapping("/{id}/articles/{position}/edit")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String editArticle(@PathVariable long id, @PathVariable int position, @AuthenticationPrincipal CivicUser user, Model model) {
        Draft draft = readable(user, id);
        if (position < 1 || position > draft.articles().size()) {
            throw new NotFoundException("article", position);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("article", draft.articles().get(position - 1));
        model.addAttribute("body", draft.articles().get(position - 1).body());
        return "legislation/article-form";
    }

    @PostMapping("/{id}/articles/{position}/edit")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String saveArticle(@PathVariable long id, @PathVariable int position, @RequestParam(defaultValue = "") String body,
                       @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        try {
            service.editArticle(user, id, position, body);
        } catch (BusinessException e) {
            if (e.status() != 422) {
                throw e;
            }
            Draft draft = readable(user, id);
            model.addAttribute("draft", draft);
            model.addAttribute("article", draft.articles().get(position - 1));
            model.addAttribute("body", body);
            model.addAttribute("problem", e);
            return "legislation/article-form";
        }
        flash.addFlashAttribute("corrected", "edited");
        return "redirect:/legislation/drafts/" + id + "#position-" + position;
    }

    @PostMapping("/{id}/articles/{position}/merge")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String merge(@PathVariable long id, @PathVariable int position, @AuthenticationPrincipal CivicUser user,
                 RedirectAttributes flash) {
        return corrected(id, position, "merged", flash, () -> service.mergeWithNext(user, id, position));
    }

    @PostMapping("/{id}/articles/{position}/split")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String split(@PathVariable long id, @PathVariable int position, @RequestParam int paragraph,
                 @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return corrected(id, position, "split", flash, () -> service.splitArticle(user, id, position, paragraph));
    }

    @PostMapping("/{id}/renumber")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String renumber(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return corrected(id, 1, "renumbered", flash, () -> service.renumber(user, id));
    }

    @PostMapping("/{id}/open")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String open(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        try {
            service.open(user, id, Instant.now());
            flash.addFlashAttribute("opened", true);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/legislation/drafts/" + id;
    }

    @GetMapping("/{id}/consultations/new")
    String newConsultation(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Draft draft = readable(user, id);
        model.addAttribute("consultationForm", ConsultationForm.empty());
        consultationModel(model, user, draft, ConsultationForm.empty());
        return "legislation/consultation-form";
    }

    @PostMapping("/{id}/consultations/new")
    String recordConsultation(@PathVariable long id, @ModelAttribute ConsultationForm consultationForm, BindingResult result,
                              @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        Draft draft = readable(user, id);
        if (!result.hasErrors()) {
            try {
                consultations.record(user, consultationForm.entry(id), Instant.now());
                flash.addFlashAttribute("consultationSaved", true);
                return "redirect:/legislation/drafts/" + id + "#consultations";
            } catch (InvalidInput e) {
                for (var p : e.problems()) {
                    result.reject(p.messageKey(), p.arguments(), p.messageKey());
                }
                model.addAttribute("problems", e.problems());
            } catch (BusinessException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                result.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        consultationModel(model, user, draft, consultationForm.padded());
        return "legislation/consultation-form";
    }

    private void consultationModel(Model model, CivicUser user, Draft draft, ConsultationForm form) {
        List<SiteSummary> workplaces = consultations.workplaces(user, draft);
        if (!draft.opened() || workplaces.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no contact point of this draft");
        }
        model.addAttribute("draft", draft);
        // the rows apart from the form object: replacing that object would drop its binding result (the errors)
        model.addAttribute("rowArticles", form.padded().viewArticles());
        model.addAttribute("rowBodies", form.padded().viewBodies());
        model.addAttribute("workplaces", workplaces);
        model.addAttribute("channels", List.of("MEETING", "VISIT", "COLLECTOR"));
        model.addAttribute("candidates", roster.active());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, ConsultationForm.ROWS).boxed().toList());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
    }

    private String corrected(long id, int position, String change, RedirectAttributes flash, Runnable move) {
        try {
            move.run();
            flash.addFlashAttribute("corrected", change);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/legislation/drafts/" + id + "#position-" + position;
    }

    /** A draft this user may read: the office any, station staff one that asked a point they work at (once opened). */
    private Draft readable(CivicUser user, long id) {
        Optional<Draft> draft = drafts.find(id);
        if (draft.isEmpty()) {
            throw new NotFoundException("draft", id);
        }
        if (!LegislationPermissions.mayManageDrafts(user) && (!draft.get().opened()
                || !LegislationPermissions.mayRead(user, points(draft.get()).values()))) {
            throw new NotFoundException("draft", id);
        }
        return draft.get();
    }

    private Map<Long, SiteSummary> points(Draft draft) {
        Map<Long, SiteSummary> points = new LinkedHashMap<>();
        draft.siteIds().stream().map(sites::find).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(SiteSummary::name)).forEach(s -> points.put(s.id(), s));
        return points;
    }

    private Map<Long, String> deputyNames() {
        Map<Long, String> names = new HashMap<>();
        for (DeputySummary d : roster.active()) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }
}
