package org.civicloop.campaigns.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.campaigns.domain.Campaign;
import org.civicloop.campaigns.domain.CampaignService;
import org.civicloop.campaigns.domain.CampaignStatus;
import org.civicloop.campaigns.domain.CampaignVoting;
import org.civicloop.campaigns.domain.Nominee;
import org.civicloop.campaigns.domain.VoteLimits;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.notifications.Masking;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public's campaign pages: the campaigns open to the public, a campaign with its nominees and
 * votes, the two steps of a vote (the phone, then the SMS code), the announcement with each chosen
 * deputy's deeds. No sign-in, no session, no JavaScript needed: the vote's steps carry what they
 * need in the form itself, and the result comes back in the address ({@code ?voted=}).
 */
@Controller
@RequestMapping("/public/campaigns")
class PublicCampaignController {

    private final CampaignService campaigns;
    private final CampaignVoting voting;
    private final VoteLimits limits;
    private final Deputies deputies;

    PublicCampaignController(CampaignService campaigns, CampaignVoting voting, VoteLimits limits, Deputies deputies) {
        this.campaigns = campaigns;
        this.voting = voting;
        this.limits = limits;
        this.deputies = deputies;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.published());
        return "campaigns/public/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Long voted, Model model) {
        Campaign c = campaigns.findPublic(id);
        model.addAttribute("c", c);
        model.addAttribute("byGroup", byGroup(c));
        model.addAttribute("votingOpen", c.votingOpen(campaigns.today(Instant.now())));
        c.nominee(voted == null ? -1 : voted).ifPresent(n -> model.addAttribute("votedFor", name(n.deputyId())));
        return "campaigns/public/campaign";
    }

    @GetMapping("/{id}/announcement")
    String announcement(@PathVariable long id, Model model) {
        Campaign c = campaigns.findPublic(id);
        if (c.status() != CampaignStatus.ANNOUNCED) {
            throw new NotFoundException("announcement", id);
        }
        List<Honoured> honoured = new ArrayList<>();
        for (Nominee n : c.nominees()) {
            if (n.chosen()) {
                DeputySummary d = deputies.find(n.deputyId()).orElse(null);
                honoured.add(new Honoured(d == null ? "" : d.name(), d == null ? "" : d.constituency(), n.group(), n.reason(),
                        campaigns.deeds(c, n.deputyId())));
            }
        }
        model.addAttribute("c", c);
        model.addAttribute("honoured", honoured);
        return "campaigns/public/announcement";
    }

    @GetMapping("/{id}/vote/{nomineeId}")
    String phoneStep(@PathVariable long id, @PathVariable long nomineeId, Model model) {
        Campaign c = campaigns.findPublic(id);
        Nominee n = votable(c, nomineeId);
        stepModel(model, c, n, "", List.of());
        return "campaigns/public/vote-phone";
    }

    @PostMapping("/{id}/vote/{nomineeId}/code")
    String sendCode(@PathVariable long id, @PathVariable long nomineeId, @RequestParam(required = false) String phone,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Campaign c = campaigns.findPublic(id);
        Nominee n = votable(c, nomineeId);
        limits.checkCodeRequest(request.getRemoteAddr());
        try {
            voting.requestCode(id, nomineeId, phone, Instant.now());
        } catch (InvalidInput e) {
            return phoneAgain(model, response, c, n, phone, e.problems());
        } catch (BusinessException e) {
            return phoneAgain(model, response, c, n, phone, List.of(new Problem("phone", e.messageKey(), e.arguments())));
        }
        stepModel(model, c, n, CampaignVoting.normalisePhone(phone).orElse(""), List.of());
        model.addAttribute("maskedPhone", Masking.phone(phone));
        return "campaigns/public/vote-code";
    }

    @PostMapping("/{id}/vote/{nomineeId}")
    String vote(@PathVariable long id, @PathVariable long nomineeId, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Campaign c = campaigns.findPublic(id);
        Nominee n = votable(c, nomineeId);
        limits.checkVote(request.getRemoteAddr());
        List<Problem> problems;
        try {
            voting.vote(id, nomineeId, phone, code, Instant.now());
            return "redirect:/public/campaigns/" + id + "?voted=" + nomineeId;
        } catch (InvalidInput e) {
            problems = e.problems();
        } catch (BusinessException e) {
            problems = List.of(new Problem("code", e.messageKey(), e.arguments()));
        }
        if (CampaignVoting.normalisePhone(phone).isEmpty()) {
            return phoneAgain(model, response, c, n, phone, problems);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        stepModel(model, c, n, CampaignVoting.normalisePhone(phone).get(), problems);
        model.addAttribute("maskedPhone", Masking.phone(phone));
        return "campaigns/public/vote-code";
    }

    private String phoneAgain(Model model, HttpServletResponse response, Campaign c, Nominee n, String phone, List<Problem> problems) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        stepModel(model, c, n, phone == null ? "" : phone, problems);
        return "campaigns/public/vote-phone";
    }

    private void stepModel(Model model, Campaign c, Nominee n, String phone, List<Problem> problems) {
        model.addAttribute("c", c);
        model.addAttribute("nominee", n);
        model.addAttribute("deputyName", name(n.deputyId()));
        model.addAttribute("phone", phone);
        model.addAttribute("problems", problems);
        model.addAttribute("codeMinutes", voting.codeLifetimeMinutes());
    }

    /** The nominee if the public may vote for it now; otherwise the campaign's page says why. */
    private Nominee votable(Campaign c, long nomineeId) {
        return c.ballot(nomineeId, campaigns.today(Instant.now()));
    }

    private Map<String, List<Entry>> byGroup(Campaign c) {
        Map<Long, Long> votes = campaigns.votes(c.id());
        boolean decided = c.status() != CampaignStatus.VOTING;
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        c.groups().forEach(g -> groups.put(g, new ArrayList<>()));
        for (Nominee n : c.nominees()) {
            // the public sees those put to the vote; once decided, those chosen
            if (decided ? n.chosen() : n.eligible()) {
                DeputySummary d = deputies.find(n.deputyId()).orElse(null);
                groups.get(n.group()).add(new Entry(n.id(), d == null ? "" : d.name(), d == null ? "" : d.constituency(),
                        n.group(), n.reason(), votes.getOrDefault(n.id(), 0L), n.chosen()));
            }
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private String name(long deputyId) {
        return deputies.find(deputyId).map(DeputySummary::name).orElse("");
    }
}
