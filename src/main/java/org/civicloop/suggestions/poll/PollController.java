package org.civicloop.suggestions.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.springframework.http.HttpStatus;
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
 * Satisfaction polls for staff: the office makes, opens, closes and publishes them and reads the
 * results (/polls/manage); a voter sees the open polls they may vote in (/polls) and casts one ballot
 * on one phone-sized form. A poll the signed-in account may not vote in does not exist for it (404).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PollController {

    private final PollService service;
    private final PollQueries queries;
    private final Directory directory;
    private final PollDisclosure disclosure;

    // ---- the office ----

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @GetMapping("/polls/manage")
    String manage(Model model) {
        model.addAttribute("polls", queries.all());
        return "suggestions/poll/manage";
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @GetMapping("/polls/manage/new")
    String newPoll(Model model) {
        return form(model, new PollForm("", List.of(), "", ""), List.of());
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @PostMapping("/polls/manage")
    String create(PollForm form, @AuthenticationPrincipal CivicUser user, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        try {
            long id = service.create(form.toNewPoll(), user);
            flash.addFlashAttribute("done", "poll.done.created");
            return "redirect:/polls/manage/" + id;
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, e.problems());
        }
    }

    private String form(Model model, PollForm form, List<InvalidInput.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("electorates", Electorate.values());
        model.addAttribute("titleMax", PollService.TITLE_MAX);
        model.addAttribute("minBallots", disclosure.minBallots());
        return "suggestions/poll/form";
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @GetMapping("/polls/manage/{id}")
    String poll(@PathVariable long id, Model model) {
        var poll = queries.find(id).orElseThrow(() -> new NotFoundException("poll", id));
        model.addAttribute("poll", poll);
        model.addAttribute("units", queries.units(id));
        // the office reads the counts once the poll is closed: no running score to sway the last voters
        // and only with enough ballots that the counts do not tell who voted how
        model.addAttribute("minBallots", disclosure.minBallots());
        if (PollStatus.valueOf(poll.status()) == PollStatus.CLOSED && disclosure.canDisclose(poll.ballots())) {
            model.addAttribute("results", queries.results(id));
        }
        return "suggestions/poll/poll";
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @PostMapping("/polls/manage/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/polls/manage/" + id, flash, "poll.done.opened", () -> service.open(id, user));
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @PostMapping("/polls/manage/{id}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/polls/manage/" + id, flash, "poll.done.closed", () -> service.close(id, user));
    }

    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    @PostMapping("/polls/manage/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return ActionOutcome.run("/polls/manage/" + id, flash, "poll.done.published", () -> service.publish(id, user));
    }

    // ---- voters ----

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/polls")
    String ballots(@AuthenticationPrincipal CivicUser user, Model model) {
        model.addAttribute("polls", queries.openFor(user.accountId()));
        return "suggestions/poll/ballots";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/polls/{id}")
    String ballot(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        return ballotPage(id, user, model, Map.of(), List.of());
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/polls/{id}/ballot")
    String vote(@PathVariable long id, @RequestParam Map<String, String> params, @AuthenticationPrincipal CivicUser user,
                Model model, HttpServletResponse response, RedirectAttributes flash) {
        Map<Long, String> choices = new HashMap<>();
        Map<String, String> kept = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("unit-")) {
                try {
                    choices.put(Long.parseLong(name.substring(5)), value);
                    kept.put(name, value);
                } catch (NumberFormatException ignored) {
                    // not one of the ballot's fields: the check below asks for every unit anyway
                }
            }
        });
        try {
            service.vote(id, choices, user);
            flash.addFlashAttribute("done", "poll.done.voted");
            return "redirect:/polls/" + id;
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ballotPage(id, user, model, kept, e.problems());
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("failed", e.messageKey());
            flash.addFlashAttribute("failedArgs", e.arguments());
            // a second ballot goes back to the poll's page, which says it has been cast; a closed poll to the list
            return "poll.error.alreadyVoted".equals(e.messageKey()) ? "redirect:/polls/" + id : "redirect:/polls";
        }
    }

    private String ballotPage(long id, CivicUser user, Model model, Map<String, String> choices, List<InvalidInput.Problem> problems) {
        var poll = queries.openBallot(id, user.accountId()).orElseThrow(() -> new NotFoundException("poll", id));
        model.addAttribute("poll", poll);
        model.addAttribute("units", queries.units(id));
        model.addAttribute("scale", queries.scale());
        model.addAttribute("choices", choices);
        model.addAttribute("problems", problems);
        return "suggestions/poll/ballot";
    }

    /** The office's form: units ticked, voters as login names (one a line, or separated by commas) for a chosen list. */
    record PollForm(String title, List<Long> units, String electorate, String voters) {

        PollService.NewPoll toNewPoll() {
            Electorate e = null;
            try {
                e = electorate == null || electorate.isBlank() ? null : Electorate.valueOf(electorate);
            } catch (IllegalArgumentException ignored) {
                // refused by the service as a missing choice
            }
            List<String> names = new ArrayList<>();
            if (voters != null) {
                for (String part : voters.split("[,，、;；\\s]+")) {
                    if (!part.isBlank()) {
                        names.add(part.strip());
                    }
                }
            }
            return new PollService.NewPoll(title, units == null ? List.of() : units, e, names);
        }
    }
}
