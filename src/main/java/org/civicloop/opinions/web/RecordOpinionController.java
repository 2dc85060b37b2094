package org.civicloop.opinions.web;

import java.util.List;
import org.civicloop.opinions.domain.OpinionInput;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.NewOpinion;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.SimilarOpinions;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A deputy, a station's staff or the office records what they heard in person (a visit, a
 * reception, a market day), from a phone; one short entry after another. Similar opinions already
 * on file appear as the text is typed.
 */
@Controller
class RecordOpinionController {

    private final OpinionService service;
    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final Addressing addressing;
    private final SimilarOpinions similar;
    private final PublicPages pages;
    private final OpinionPermissions permissions = new OpinionPermissions();

    RecordOpinionController(OpinionService service, OpinionQueries queries, OpinionsProperties rules, Addressing addressing,
                            SimilarOpinions similar, PublicPages pages) {
        this.service = service;
        this.queries = queries;
        this.rules = rules;
        this.addressing = addressing;
        this.similar = similar;
        this.pages = pages;
    }

    record RecordForm(String channel, String addressee, String category, String content, String placeCode,
                      String placeDetail, String voterName, String voterPhone, Boolean consent) {
    }

    @GetMapping("/opinions/record")
    String form(@AuthenticationPrincipal CivicUser user, Model model) {
        check(user);
        model(model, user, new RecordForm("MARKET_DAY", "", "", "", "", "", "", "", false));
        return "opinions/staff/record";
    }

    @PostMapping("/opinions/record")
    String record(@ModelAttribute("form") RecordForm form, BindingResult binding, @AuthenticationPrincipal CivicUser user,
                  Model model, RedirectAttributes flash, jakarta.servlet.http.HttpServletResponse response) {
        check(user);
        Channel channel = parseChannel(form.channel());
        if (channel == null) {
            binding.rejectValue("channel", "opinion.error.channel");
        }
        for (OpinionInput.Problem p : OpinionInput.check(form.category(), form.content(), form.placeCode(), form.placeDetail(),
                form.voterName(), form.voterPhone(), null, form.consent(), rules)) {
            binding.rejectValue(p.field(), p.messageKey(), p.arguments(), p.messageKey());
        }
        List<Addressing.Addressee> mine = addressing.recordableBy(user);
        Addressing.Addressee addressee = mine.stream().filter(a -> (a.kind() + ":" + a.id()).equals(form.addressee()))
                .findFirst().orElse(mine.size() == 1 ? mine.get(0) : null);
        if (!binding.hasErrors()) {
            try {
                Opinion saved = service.submit(new NewOpinion(channel, addressee == null ? null : addressee.kind(),
                        addressee == null ? null : addressee.id(), form.category(), form.content().strip(), form.placeCode(),
                        OpinionInput.orNull(form.placeDetail()), OpinionInput.orNull(form.voterName()),
                        OpinionInput.orNull(form.voterPhone()), null, Boolean.TRUE.equals(form.consent()),
                        user.accountId(), null, null), List.of());
                flash.addFlashAttribute("recordedCode", saved.receiptCode());
                flash.addFlashAttribute("recordedId", saved.id());
                // the next entry keeps the channel, the addressee and the place: market days come in runs
                flash.addFlashAttribute("form", new RecordForm(form.channel(), form.addressee(), "", "", form.placeCode(),
                        "", "", "", false));
                return "redirect:/opinions/record";
            } catch (BusinessException e) {
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        model(model, user, form);
        return "opinions/staff/record";
    }

    /** htmx: similar opinions for the text typed so far. */
    @GetMapping("/opinions/similar")
    String similar(@RequestParam(defaultValue = "") String content, @AuthenticationPrincipal CivicUser user, Model model) {
        check(user);
        model.addAttribute("similar", content.length() < 4 ? List.of() : similar.to(content, null, 5));
        return "opinions/staff/record :: similar";
    }

    private void model(Model model, CivicUser user, RecordForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("channels", List.of(Channel.MARKET_DAY, Channel.RECEPTION, Channel.VISIT));
        model.addAttribute("addressees", addressing.recordableBy(user));
        model.addAttribute("categories", queries.categories());
        model.addAttribute("placeGroups", pages.placeGroups());
        model.addAttribute("rules", rules);
    }

    private void check(CivicUser user) {
        if (!permissions.canRecord(user)) {
            throw new AccessDeniedException("record");
        }
    }

    private static Channel parseChannel(String value) {
        try {
            Channel c = Channel.valueOf(value);
            return c.recordedByStaff() ? c : null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

}
