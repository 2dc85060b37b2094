package org.civicloop.opinions.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.Opinions;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.ReceptionDetails;
import org.civicloop.opinions.domain.SimilarMatters;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A deputy, a station's staff or the office records what they heard in person (a visit, a
 * reception, a market day), from a phone; one short entry after another. Similar opinions already
 * on file appear as the text is typed.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecordOpinionController {

    private final OpinionService service;
    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final Addressing addressing;
    private final SimilarMatters similar;
    private final org.springframework.context.MessageSource messages;
    private final PublicPages pages;
    private final OpinionPermissions permissions = new OpinionPermissions();
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /**
     * What the form holds. Never kept in the session: after a save the browser is sent (post/redirect/get)
     * to {@code GET /opinions/record?recorded=<id>&...}, which reads the saved opinion back and refills
     * what a run of entries shares from the address, so a reload cannot store the opinion again and
     * what the page says comes from what was stored.
     */
    record RecordForm(String channel, String addressee, String category, String content, String placeCode,
                      String placeDetail, String voterName, String voterPhone, Boolean consent, String receivedAt,
                      String receptionPlace, String visitorCount, String submissionKey) {
    }

    @GetMapping("/opinions/record")
    String form(@RequestParam(required = false) Long recorded, @RequestParam(defaultValue = "") String channel,
                @RequestParam(defaultValue = "") String addressee, @RequestParam(defaultValue = "") String placeCode,
                @RequestParam(defaultValue = "") String receivedAt, @RequestParam(defaultValue = "") String receptionPlace,
                @RequestParam(defaultValue = "") String visitorCount,
                @AuthenticationPrincipal CivicUser user, Model model) {
        check(user);
        if (recorded != null) {
            // only the recorder's own entry: an id in the address must not reveal anyone else's receipt code
            queries.receiptCodeRecordedBy(recorded, user.accountId()).ifPresent(code -> {
                model.addAttribute("recordedCode", code);
                model.addAttribute("recordedId", recorded);
            });
        }
        model(model, user, new RecordForm(parseChannel(channel) == null ? "" : channel, addressee, "", "", placeCode, "",
                "", "", false, receivedAt, receptionPlace, visitorCount, UUID.randomUUID().toString()));
        return "opinions/staff/record";
    }

    @PostMapping("/opinions/record")
    String record(@ModelAttribute("form") RecordForm form, BindingResult binding, @AuthenticationPrincipal CivicUser user,
                  Model model, jakarta.servlet.http.HttpServletResponse response) {
        check(user);
        // in the order the form shows the fields, so that the error summary reads top to bottom
        List<InvalidInput.Problem> reception = ReceptionDetails.check(form.receivedAt(), form.receptionPlace(),
                form.visitorCount(), zone, java.time.Instant.now());
        // the same form sent again (a double tap, a retry on a weak signal): show what the first one stored
        UUID key = parseKey(form.submissionKey());
        Optional<Long> already = key == null ? Optional.empty() : queries.recordedWith(key, user.accountId());
        if (already.isPresent()) {
            return recorded(already.get(), form);
        }
        List<Addressing.Addressee> mine = addressing.recordableBy(user);
        Addressing.Addressee addressee = mine.stream().filter(a -> (a.kind() + ":" + a.id()).equals(form.addressee()))
                .findFirst().orElse(mine.size() == 1 ? mine.get(0) : null);
        SubmitOpinion opinion = SubmitOpinion.recorded(parseChannel(form.channel()), addressee, user.accountId())
                .category(form.category()).content(form.content()).place(form.placeCode(), form.placeDetail())
                .voter(form.voterName(), form.voterPhone(), null).consent(form.consent())
                .reception(reception.isEmpty() ? ReceptionDetails.of(form.receivedAt(), form.receptionPlace(),
                        form.visitorCount(), zone) : null, key)
                .build();
        List<InvalidInput.Problem> problems = service.check(opinion);
        // the channel heads the form, the reception's fields come next
        FormErrors.reject(binding, problems.stream().filter(p -> p.field().equals("channel")).toList());
        FormErrors.reject(binding, reception);
        FormErrors.reject(binding, problems.stream().filter(p -> !p.field().equals("channel")).toList());
        if (addressee == null && mine.size() > 1) {
            // whose duty the opinion counts for is the recorder's choice, never a default
            FormErrors.rejectValue(binding, "addressee", "opinion.error.addressee", null, "opinion.error.addressee");
        }
        if (!binding.hasErrors()) {
            try {
                Opinion saved = service.submit(opinion, List.of());
                return recorded(saved.id(), form);
            } catch (DuplicateKeyException e) {
                // sent twice at the same moment: the other request stored it, this one stored nothing
                Optional<Long> first = key == null ? Optional.empty() : queries.recordedWith(key, user.accountId());
                if (first.isEmpty()) {
                    throw e;
                }
                return recorded(first.get(), form);
            } catch (Opinions.InvalidOpinion e) {
                FormErrors.reject(binding, e.problems());
            } catch (BusinessException e) {
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        model(model, user, form);
        return "opinions/staff/record";
    }

    /** Post/redirect/get; the next entry keeps the channel, the addressee, the place and the reception: market days come in runs. */
    private static String recorded(long opinionId, RecordForm form) {
        return "redirect:" + UriComponentsBuilder.fromPath("/opinions/record")
                .queryParam("recorded", opinionId).queryParam("channel", nonNull(form.channel()))
                .queryParam("addressee", nonNull(form.addressee())).queryParam("placeCode", nonNull(form.placeCode()))
                .queryParam("receivedAt", nonNull(form.receivedAt()).strip())
                .queryParam("receptionPlace", nonNull(form.receptionPlace()).strip())
                .queryParam("visitorCount", nonNull(form.visitorCount()).strip())
                .encode().build().toUriString();
    }

    private static UUID parseKey(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * htmx: similar matters for the text typed so far, sent by POST (a long text does not fit in an
     * address), only among the opinions this user may open (a receipt code lets its holder rate and
     * reopen an opinion, so none is shown to someone outside its scope).
     */
    @PostMapping("/opinions/similar")
    String similar(@RequestParam(defaultValue = "") String content, @RequestParam(required = false) String placeCode,
                   @AuthenticationPrincipal CivicUser user, Model model) {
        check(user);
        var problem = SimilarMatters.TEXT.problem(content);
        if (problem != null) {
            model.addAttribute("similarProblem", messages.getMessage(problem.messageKey(), problem.arguments(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        } else if (content.strip().length() >= 4) {
            model.addAttribute("matters", similar.find(content, placeCode, null, user));
        }
        return "opinions/staff/similar-matters :: record";
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
        model.addAttribute("receptionPlaceMax", ReceptionDetails.PLACE_MAX_LENGTH);
        model.addAttribute("maxVisitors", ReceptionDetails.MAX_VISITORS);
    }

    private void check(CivicUser user) {
        if (!permissions.canRecord(user)) {
            throw new AccessDeniedException("record");
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
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
