package org.civicloop.liaison.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.liaison.casework.SiteChoices;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.liaison.disputes.AgreementPdf;
import org.civicloop.liaison.disputes.Dispute;
import org.civicloop.liaison.disputes.DisputePermissions;
import org.civicloop.liaison.disputes.DisputeQueries;
import org.civicloop.liaison.disputes.DisputeService;
import org.civicloop.liaison.disputes.DisputeStatus;
import org.civicloop.liaison.disputes.Party;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 纠纷调解: the site takes up a dispute, records its sittings and closes it; the agreement as a PDF. */
@Controller
@RequestMapping("/liaison/disputes")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER', 'STATION_STAFF')")
class DisputeController {

    private static final int PAGE_SIZE = 20;

    private final DisputeService disputes;
    private final DisputeQueries queries;
    private final SiteChoices choices;
    private final DeputyRoster roster;
    private final AgreementPdf pdf;
    private final ZoneId zone;

    DisputeController(DisputeService disputes, DisputeQueries queries, SiteChoices choices, DeputyRoster roster,
                      AgreementPdf pdf, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.disputes = disputes;
        this.queries = queries;
        this.choices = choices;
        this.roster = roster;
        this.pdf = pdf;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String list(@RequestParam(required = false) Long site, @RequestParam(required = false) DisputeStatus status,
                @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CivicUser user, Model model) {
        var result = queries.disputes(user, new DisputeQueries.Filter(site, status), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("site", site);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Arrays.asList(DisputeStatus.values()));
        model.addAttribute("sites", choices.readable(user, SiteWork.DISPUTE_SITES));
        model.addAttribute("mayOpen", SiteWork.recordsAtSites(user) && !choices.workplaces(user, SiteWork.DISPUTE_SITES).isEmpty());
        model.addAttribute("pagingBase", PagingLinks.base("/liaison/disputes", "site", site == null ? "" : site.toString(),
                "status", status == null ? "" : status.name()));
        return "liaison/disputes";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String newDispute(@RequestParam(required = false) Long site, @AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("disputeForm", DisputeForm.empty(site, LocalDate.now(zone)));
        formChoices(user, model);
        return "liaison/dispute-form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String create(@Valid @ModelAttribute DisputeForm disputeForm, BindingResult result, @AuthenticationPrincipal CivicUser user,
                  Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = disputes.open(user, disputeForm.draft(), Instant.now());
                flash.addFlashAttribute("saved", true);
                return "redirect:/liaison/disputes/" + id;
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems(), DisputeForm::field);
            }
        }
        formChoices(user, model);
        return "liaison/dispute-form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        show(disputes.visible(user, id), user, model);
        return "liaison/dispute";
    }

    @PostMapping("/{id}/sessions")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String session(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                   @RequestParam(required = false) String note, @AuthenticationPrincipal CivicUser user, Model model,
                   RedirectAttributes flash) {
        try {
            disputes.recordSession(user, id, heldOn, note, Instant.now());
        } catch (InvalidInput e) {
            show(disputes.visible(user, id), user, model);
            model.addAttribute("problems", e.problems());
            model.addAttribute("noteText", note);
            return "liaison/dispute";
        }
        flash.addFlashAttribute("sessionSaved", true);
        return "redirect:/liaison/disputes/" + id;
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String close(@PathVariable long id, @RequestParam(required = false) String outcome,
                 @RequestParam(required = false) String outcomeText,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
                 @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        DisputeStatus chosen = null;
        try {
            chosen = outcome == null || outcome.isBlank() ? null : DisputeStatus.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        try {
            disputes.close(user, id, chosen, outcomeText, closedOn, Instant.now());
        } catch (InvalidInput e) {
            show(disputes.visible(user, id), user, model);
            model.addAttribute("problems", e.problems());
            model.addAttribute("outcomeTextValue", outcomeText);
            return "liaison/dispute";
        }
        flash.addFlashAttribute("closed", true);
        return "redirect:/liaison/disputes/" + id;
    }

    /** The agreement names the parties: only those who may see them download it. */
    @GetMapping("/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreement(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Locale locale) {
        Dispute d = disputes.visible(user, id);
        SiteSummary site = disputes.site(d);
        if (!DisputePermissions.maySeeParties(user, site)) {
            throw new AccessDeniedException("may not see the parties");
        }
        if (d.status() != DisputeStatus.AGREED) {
            throw new NotFoundException("agreement", id);
        }
        byte[] body = pdf.render(d, site.name(), new ArrayList<>(choices.deputyNames(d.deputyIds()).values()), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("agreement-" + id + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private void show(Dispute d, CivicUser user, Model model) {
        SiteSummary site = disputes.site(d);
        boolean parties = DisputePermissions.maySeeParties(user, site);
        List<Party> shown = d.parties().stream()
                .map(p -> parties ? p : new Party(Inputs.maskName(p.name()), Inputs.maskPhone(p.phone()))).toList();
        model.addAttribute("d", d);
        model.addAttribute("siteName", site.name());
        model.addAttribute("parties", shown);
        model.addAttribute("partiesMasked", !parties);
        model.addAttribute("sessions", parties ? disputes.sessions(d.id()) : List.of());
        model.addAttribute("deputyNames", new ArrayList<>(choices.deputyNames(d.deputyIds()).values()));
        model.addAttribute("mayMediate", DisputePermissions.mayMediate(user, site) && d.status() == DisputeStatus.MEDIATING);
        model.addAttribute("mayDownload", parties && d.status() == DisputeStatus.AGREED);
        model.addAttribute("outcomes", List.of(DisputeStatus.AGREED, DisputeStatus.NO_AGREEMENT, DisputeStatus.REFERRED));
        model.addAttribute("today", LocalDate.now(zone));
    }

    private void formChoices(CivicUser user, Model model) {
        var sites = choices.workplaces(user, SiteWork.DISPUTE_SITES);
        if (sites.isEmpty()) {
            throw new AccessDeniedException("no site to record at");
        }
        model.addAttribute("sites", sites);
        model.addAttribute("candidates", roster.active());
    }
}
