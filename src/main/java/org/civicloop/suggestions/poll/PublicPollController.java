package org.civicloop.suggestions.poll;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Published poll results for everyone (/public/**: no sign-in, no JavaScript): counts per unit, the
 * satisfaction rate and the turnout, never who voted or what anyone chose. A poll not yet published
 * does not exist here.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicPollController {

    private final PollQueries queries;
    private final PollDisclosure disclosure;

    @GetMapping("/public/polls")
    String list(Model model) {
        model.addAttribute("polls", queries.published());
        return "suggestions/poll/public-list";
    }

    @GetMapping("/public/polls/{id}")
    String results(@PathVariable long id, Model model) {
        var poll = queries.findPublished(id).orElseThrow(() -> new NotFoundException("poll", id));
        model.addAttribute("poll", poll);
        // published before the minimum existed, or with the minimum since raised: no counts
        if (disclosure.canDisclose(poll.ballots())) {
            model.addAttribute("results", queries.results(id));
        }
        model.addAttribute("minBallots", disclosure.minBallots());
        return "suggestions/poll/public-results";
    }
}
