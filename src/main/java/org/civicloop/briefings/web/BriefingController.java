package org.civicloop.briefings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.briefings.domain.Briefing;
import org.civicloop.briefings.domain.BriefingKind;
import org.civicloop.briefings.domain.BriefingMaterials;
import org.civicloop.briefings.domain.BriefingPermissions;
import org.civicloop.briefings.domain.BriefingQueries;
import org.civicloop.briefings.domain.BriefingService;
import org.civicloop.briefings.domain.HalfYear;
import org.civicloop.briefings.domain.InvitationStatus;
import org.civicloop.briefings.web.BriefingForms.BriefingForm;
import org.civicloop.briefings.web.BriefingForms.LeaveForm;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 知情知政 pages. The office: the half-year's briefings with their attendance, a briefing's form, its
 * page (invited deputies, leave requests, materials, the door's QR code) and attendance per deputy.
 * A deputy: their own briefings on a phone, a briefing's page with its materials and a leave request,
 * and the sign-in page the door's code opens.
 */
@Controller
class BriefingController {

    private static final int LIST_SIZE = 200;

    private final BriefingService service;
    private final BriefingQueries queries;
    private final BriefingMaterials materials;
    private final Deputies deputies;
    private final DeputyRoster roster;
    private final String publicBaseUrl;

    BriefingController(BriefingService service, BriefingQueries queries, BriefingMaterials materials, Deputies deputies,
                       DeputyRoster roster, @Value("${civicloop.public-base-url}") String publicBaseUrl) {
        this.service = service;
        this.queries = queries;
        this.materials = materials;
        this.deputies = deputies;
        this.roster = roster;
        this.publicBaseUrl = publicBaseUrl;
    }

    // ------------------------------------------------------------------ the office

    @GetMapping("/briefings")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String list(@RequestParam(required = false) String half, Model model) {
        HalfYear period = period(half);
        Instant now = service.now();
        model.addAttribute("half", period);
        model.addAttribute("now", now);
        model.addAttribute("rows", queries.between(start(period.firstDay()), start(period.endExclusive()), now, 0, LIST_SIZE));
        model.addAttribute("pendingLeave", queries.pendingLeave());
        return "briefings/list";
    }

    @GetMapping("/briefings/new")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String newForm(Model model) {
        model.addAttribute("briefingForm", BriefingForm.empty());
        return form(null, model);
    }

    @PostMapping("/briefings")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String create(@ModelAttribute("briefingForm") BriefingForm briefingForm, BindingResult result,
                  @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = service.schedule(briefingForm.draft(), user);
                flash.addFlashAttribute("saved", true);
                return "redirect:/briefings/" + id;
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            }
        }
        return form(null, model);
    }

    @GetMapping("/briefings/{id}/edit")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Briefing b = service.get(id, user);
        model.addAttribute("briefingForm", BriefingForm.of(b, service.zone()));
        return form(b, model);
    }

    @PostMapping("/briefings/{id}")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String revise(@PathVariable long id, @ModelAttribute("briefingForm") BriefingForm briefingForm, BindingResult result,
                  @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        Briefing b = service.get(id, user);
        if (!result.hasErrors()) {
            try {
                service.revise(id, briefingForm.draft(), user);
                flash.addFlashAttribute("saved", true);
                return "redirect:/briefings/" + id;
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            } catch (BusinessException e) {
                rethrowNotFound(e);
                FormErrors.reject(result, e);
            }
        }
        return form(b, model);
    }

    @PostMapping("/briefings/{id}/materials")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) throws IOException {
        service.get(id, user);
        try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            service.addMaterial(id, file == null ? null : file.getOriginalFilename(), bytes, user);
            flash.addFlashAttribute("uploaded", true);
            return "redirect:/briefings/" + id + "#materials";
        } catch (InvalidInput e) {
            InvalidInput.Problem p = e.problems().get(0);
            model.addAttribute("uploadError", p);
            return detail(id, user, model);
        }
    }

    @PostMapping("/briefings/{id}/leave/{deputyId}/{decision:approve|decline}")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String decide(@PathVariable long id, @PathVariable long deputyId, @PathVariable String decision,
                  @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        try {
            service.decideLeave(id, deputyId, decision.equals("approve"), user);
            flash.addFlashAttribute("decided", decision);
        } catch (BusinessException e) {
            rethrowNotFound(e);
            flash.addFlashAttribute("refusal", e.messageKey());
            flash.addFlashAttribute("refusalArgs", e.arguments());
        }
        return "redirect:/briefings/" + id + "#invited";
    }

    @PostMapping("/briefings/{id}/present/{deputyId}")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String recordPresent(@PathVariable long id, @PathVariable long deputyId, @AuthenticationPrincipal CivicUser user,
                         RedirectAttributes flash) {
        try {
            service.recordPresent(id, deputyId, user);
            flash.addFlashAttribute("recorded", true);
        } catch (BusinessException e) {
            rethrowNotFound(e);
            flash.addFlashAttribute("refusal", e.messageKey());
            flash.addFlashAttribute("refusalArgs", e.arguments());
        }
        return "redirect:/briefings/" + id + "#invited";
    }

    /** The page to show on a screen at the door or print: the QR code, the title and the window. */
    @GetMapping("/briefings/{id}/door")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String door(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        Briefing b = service.get(id, user);
        model.addAttribute("briefing", b);
        model.addAttribute("address", DoorCode.address(publicBaseUrl, b.signInToken()));
        model.addAttribute("opensAt", b.opensAt(service.opensBefore()));
        return "briefings/door";
    }

    @GetMapping(value = "/briefings/{id}/door.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    ResponseEntity<byte[]> doorPng(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        Briefing b = service.get(id, user);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.IMAGE_PNG).body(DoorCode.png(DoorCode.address(publicBaseUrl, b.signInToken()), 480));
    }

    /** Attendance per deputy for a half-year: invited, present, on leave, absent, rate. */
    @GetMapping("/briefings/attendance")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String attendance(@RequestParam(required = false) String half, Model model) {
        HalfYear period = period(half);
        Instant now = service.now();
        var tallies = queries.tallies(period, service.zone(), now);
        Map<Long, String> names = new LinkedHashMap<>();
        tallies.forEach(t -> names.put(t.deputyId(), deputies.find(t.deputyId()).map(DeputySummary::name).orElse("—")));
        model.addAttribute("half", period);
        model.addAttribute("tallies", tallies.stream()
                .sorted(Comparator.comparing((BriefingQueries.Tally t) -> t.rate() == null ? 101 : t.rate())
                        .thenComparing(t -> names.get(t.deputyId()))).toList());
        model.addAttribute("names", names);
        return "briefings/attendance";
    }

    // ------------------------------------------------------------------ both

    /** The office's page of a briefing, or the invited deputy's. */
    @GetMapping("/briefings/{id}")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'DEPUTY')")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        return detail(id, user, model);
    }

    @GetMapping("/briefings/{id}/materials/{materialId}")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'DEPUTY')")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long materialId, @AuthenticationPrincipal CivicUser user) {
        var d = service.material(id, materialId, user);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.material().fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(d.material().contentType())).body(d.bytes());
    }

    // ------------------------------------------------------------------ the deputy

    /** 我的知情知政: this half-year's briefings and the next, my attendance, on a phone. */
    @GetMapping("/briefings/mine")
    @PreAuthorize("hasRole('DEPUTY')")
    String mine(@AuthenticationPrincipal CivicUser user, Model model) {
        Optional<DeputySummary> deputy = service.deputyOf(user);
        Instant now = service.now();
        HalfYear half = HalfYear.of(LocalDate.ofInstant(now, service.zone()));
        model.addAttribute("deputy", deputy.orElse(null));
        model.addAttribute("half", half);
        model.addAttribute("now", now);
        deputy.ifPresent(d -> {
            model.addAttribute("tally", queries.tally(d.id(), half, service.zone(), now));
            var rows = queries.forDeputy(d.id(), start(half.firstDay()), start(half.next().endExclusive()));
            model.addAttribute("upcoming", rows.stream().filter(r -> !r.over(now)).toList());
            model.addAttribute("past", rows.stream().filter(r -> r.over(now)).sorted(
                    Comparator.comparing(BriefingQueries.MyRow::startsAt).reversed()).toList());
        });
        return "briefings/mine";
    }

    @PostMapping("/briefings/{id}/leave")
    @PreAuthorize("hasRole('DEPUTY')")
    String requestLeave(@PathVariable long id, @ModelAttribute("leaveForm") LeaveForm leaveForm, BindingResult result,
                        @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        service.get(id, user);
        try {
            service.requestLeave(id, leaveForm.reason(), user);
            flash.addFlashAttribute("leaveRequested", true);
            return "redirect:/briefings/" + id;
        } catch (InvalidInput e) {
            FormErrors.reject(result, e.problems());
        } catch (BusinessException e) {
            rethrowNotFound(e);
            FormErrors.reject(result, e);
        }
        model.addAttribute("openLeave", true);
        return detail(id, user, model);
    }

    /** What the door's code opens: the briefing and one button, or why the deputy cannot sign in. */
    @GetMapping("/briefings/sign-in/{token}")
    @PreAuthorize("hasRole('DEPUTY')")
    String signInPage(@PathVariable String token, @AuthenticationPrincipal CivicUser user, Model model) {
        Briefing b = service.byToken(token);
        model.addAttribute("briefing", b);
        model.addAttribute("token", b.signInToken());
        Optional<DeputySummary> deputy = service.deputyOf(user);
        Instant now = service.now();
        String refusal = null;
        Object[] args = new Object[0];
        if (deputy.isEmpty()) {
            refusal = "briefing.signIn.noDeputy";
        } else if (!b.invited(deputy.get().id())) {
            refusal = "briefing.signIn.notInvited";
        } else if (b.invitation(deputy.get().id()).status() == InvitationStatus.PRESENT) {
            model.addAttribute("signedInAt", b.invitation(deputy.get().id()).signedInAt());
        } else if (now.isBefore(b.opensAt(service.opensBefore()))) {
            refusal = "briefing.signIn.notYet";
            args = new Object[] {b.opensAt(service.opensBefore())};
        } else if (b.over(now)) {
            refusal = "briefing.signIn.closed";
            args = new Object[] {b.endsAt()};
        }
        model.addAttribute("deputy", deputy.orElse(null));
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalTime", args.length == 0 ? null : args[0]);
        return "briefings/sign-in";
    }

    @PostMapping("/briefings/sign-in/{token}")
    @PreAuthorize("hasRole('DEPUTY')")
    String signIn(@PathVariable String token, @AuthenticationPrincipal CivicUser user, Model model,
                  HttpServletResponse response) {
        Briefing b = service.byToken(token);
        try {
            service.signIn(token, user);
            model.addAttribute("justSignedIn", true);
            Briefing after = service.byToken(token);
            model.addAttribute("briefing", after);
            model.addAttribute("signedInAt", after.invitation(service.deputyOf(user).orElseThrow().id()).signedInAt());
        } catch (BusinessException e) {
            rethrowNotFound(e);
            response.setStatus(e.status());
            model.addAttribute("briefing", b);
            model.addAttribute("refusalMessage", e.messageKey());
            model.addAttribute("refusalArgs", e.arguments());
        }
        model.addAttribute("token", b.signInToken());
        model.addAttribute("deputy", service.deputyOf(user).orElse(null));
        return "briefings/sign-in";
    }

    // ------------------------------------------------------------------ helpers

    private String detail(long id, CivicUser user, Model model) {
        Briefing b = service.get(id, user);
        Instant now = service.now();
        model.addAttribute("briefing", b);
        model.addAttribute("now", now);
        model.addAttribute("materials", materials.of(id));
        model.addAttribute("maxMegabytes", materials.maxBytes() / (1024 * 1024));
        model.addAttribute("attendance", b.attendance(now));
        model.addAttribute("signInOpen", b.signInOpen(now, service.opensBefore()));
        model.addAttribute("opensAt", b.opensAt(service.opensBefore()));
        if (BriefingPermissions.mayManage(user)) {
            Map<Long, String> names = new LinkedHashMap<>();
            b.invitations().forEach(i -> names.put(i.deputyId(), deputies.find(i.deputyId()).map(DeputySummary::name).orElse("—")));
            model.addAttribute("names", names);
            model.addAttribute("mayRecord", !now.isBefore(b.opensAt(service.opensBefore())));
            return "briefings/detail";
        }
        DeputySummary deputy = service.deputyOf(user).orElseThrow(() -> new NotFoundException("briefing", id));
        model.addAttribute("mine", b.invitation(deputy.id()));
        if (!model.containsAttribute("leaveForm")) {
            model.addAttribute("leaveForm", LeaveForm.empty());
        }
        return "briefings/mine-detail";
    }

    private String form(Briefing b, Model model) {
        model.addAttribute("briefing", b);
        model.addAttribute("kinds", List.of(BriefingKind.values()));
        model.addAttribute("candidates", candidates(b));
        return "briefings/form";
    }

    /** Serving deputies, plus those of the briefing who no longer serve (so that their tick stays visible). */
    private List<DeputySummary> candidates(Briefing b) {
        Map<Long, DeputySummary> all = new LinkedHashMap<>();
        roster.active().forEach(d -> all.put(d.id(), d));
        if (b != null) {
            b.invitations().forEach(i -> deputies.find(i.deputyId()).ifPresent(d -> all.putIfAbsent(d.id(), d)));
        }
        return List.copyOf(all.values());
    }

    private HalfYear period(String half) {
        return HalfYear.parse(half).orElseGet(() -> HalfYear.of(LocalDate.ofInstant(service.now(), service.zone())));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(service.zone()).toInstant();
    }

    private static void rethrowNotFound(BusinessException e) {
        if (e instanceof NotFoundException) {
            throw e;
        }
    }
}
