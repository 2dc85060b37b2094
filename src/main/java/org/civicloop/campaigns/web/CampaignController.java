package org.civicloop.campaigns.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.campaigns.domain.Campaign;
import org.civicloop.campaigns.domain.CampaignPermissions;
import org.civicloop.campaigns.domain.CampaignService;
import org.civicloop.campaigns.domain.CampaignStatus;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.deputies.Deputies;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.web.FormErrors;
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

/** 典型选树 for the office (set up, move through the phases) and the stations (nominate). */
@Controller
@RequestMapping("/campaigns")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN', 'LEADER', 'STATION_STAFF')")
class CampaignController {

    private final CampaignService campaigns;
    private final DeputyRoster roster;
    private final Deputies deputies;

    CampaignController(CampaignService campaigns, DeputyRoster roster, Deputies deputies) {
        this.campaigns = campaigns;
        this.roster = roster;
        this.deputies = deputies;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CivicUser user, Model model) {
        List<Campaign> all = campaigns.all();
        model.addAttribute("campaigns", all);
        model.addAttribute("mayManage", CampaignPermissions.mayManage(user));
        return "campaigns/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String newCampaign(Model model) {
        model.addAttribute("campaignForm", CampaignForm.empty());
        return "campaigns/form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String create(@ModelAttribute CampaignForm campaignForm, BindingResult result, @AuthenticationPrincipal CivicUser user,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = campaigns.create(user, campaignForm.draft(), Instant.now());
                flash.addFlashAttribute("saved", "campaign.created");
                return "redirect:/campaigns/" + id;
            } catch (InvalidInput e) {
                FormErrors.reject(result, e.problems());
            }
        }
        return "campaigns/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        show(campaigns.find(id), user, model);
        return "campaigns/show";
    }

    @PostMapping("/{id}/nominees")
    @PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
    String nominate(@PathVariable long id, @RequestParam(required = false) String deputyId,
                    @RequestParam(required = false) String group, @RequestParam(required = false) String reason,
                    @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        try {
            campaigns.nominate(user, id, parseId(deputyId), group, reason, Instant.now());
        } catch (InvalidInput e) {
            Map<String, String> entered = new HashMap<>();
            entered.put("deputyId", deputyId);
            entered.put("group", group);
            entered.put("reason", reason);
            return again(id, user, model, e.problems(), entered);
        } catch (BusinessException e) {
            return again(id, user, model, List.of(new Problem("nominate", e.messageKey(), e.arguments())), Map.of());
        }
        flash.addFlashAttribute("saved", "campaign.nominatedSaved");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/{id}/close-nominations")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String closeNominations(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        return move(id, user, model, flash, "campaign.nominationsClosedSaved",
                () -> campaigns.closeNominations(user, id, Instant.now()));
    }

    @PostMapping("/{id}/open-voting")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String openVoting(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        return move(id, user, model, flash, "campaign.votingOpenedSaved", () -> campaigns.openVoting(user, id, Instant.now()));
    }

    @PostMapping("/{id}/close-voting")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String closeVoting(@PathVariable long id, @RequestParam(name = "chosen", required = false) List<String> chosen,
                       @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        Set<Long> ids;
        try {
            ids = chosen == null ? Set.of() : chosen.stream().map(Long::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            return again(id, user, model, List.of(new Problem("chosen", "campaign.error.chosenNotEligible")), Map.of());
        }
        return move(id, user, model, flash, "campaign.votingClosedSaved", () -> campaigns.closeVoting(user, id, ids, Instant.now()));
    }

    @PostMapping("/{id}/announce")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String announce(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model, RedirectAttributes flash) {
        return move(id, user, model, flash, "campaign.announcedSaved", () -> campaigns.announce(user, id, Instant.now()));
    }

    private String move(long id, CivicUser user, Model model, RedirectAttributes flash, String savedKey, Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return again(id, user, model, e.problems(), Map.of());
        } catch (BusinessException e) {
            return again(id, user, model, List.of(new Problem("moves", e.messageKey(), e.arguments())), Map.of());
        }
        flash.addFlashAttribute("saved", savedKey);
        return "redirect:/campaigns/" + id;
    }

    private String again(long id, CivicUser user, Model model, List<Problem> problems, Map<String, String> entered) {
        show(campaigns.find(id), user, model);
        model.addAttribute("problems", problems);
        model.addAttribute("entered", entered);
        return "campaigns/show";
    }

    private void show(Campaign c, CivicUser user, Model model) {
        Map<Long, Long> votes = campaigns.votes(c.id());
        Map<Long, String> names = c.nominees().stream().map(n -> n.deputyId()).distinct()
                .collect(Collectors.toMap(Function.identity(), d -> deputies.find(d).map(DeputySummary::name).orElse("#" + d)));
        model.addAttribute("c", c);
        model.addAttribute("votes", votes);
        model.addAttribute("names", names);
        model.addAttribute("mayManage", CampaignPermissions.mayManage(user));
        boolean nominating = c.status() == CampaignStatus.NOMINATION && CampaignPermissions.mayNominate(user);
        model.addAttribute("mayNominate", nominating);
        if (nominating) {
            model.addAttribute("candidates", roster.active().stream()
                    .filter(d -> CampaignPermissions.mayNominate(user, campaigns.deputyUnit(d))).toList());
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
            model.addAttribute("entered", Map.of());
        }
    }

    private static Long parseId(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
