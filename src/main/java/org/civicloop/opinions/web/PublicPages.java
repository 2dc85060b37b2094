package org.civicloop.opinions.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.DistrictPlaces;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.WorkOrderClocks;
import org.civicloop.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the public pages show besides the form: places, categories, addressee, status and clock. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicPages {

    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final Addressing addressing;
    private final WorkOrderClocks clocks;
    private final DistrictPlaces places;

    Optional<Addressing.Addressee> addressee(String token) {
        return token == null || token.isBlank() ? Optional.empty() : addressing.byToken(token);
    }

    void formModel(Model model, PublicOpinionForm form, Addressing.Addressee addressee) {
        model.addAttribute("form", form);
        model.addAttribute("addressee", addressee);
        model.addAttribute("categories", queries.categories());
        model.addAttribute("placeGroups", placeGroups());
        model.addAttribute("rules", rules);
    }

    /** One optgroup of the place list per town or street. */
    List<DistrictPlaces.Town> placeGroups() {
        return places.towns();
    }

    void statusModel(Model model, String receiptCode) {
        var status = queries.publicStatus(receiptCode).orElseThrow(() -> new NotFoundException("opinion", receiptCode));
        model.addAttribute("opinion", status);
        model.addAttribute("steps", queries.publicSteps(status.id()));
        model.addAttribute("earlierReplies", queries.publicEarlierReplies(status.id()));
        model.addAttribute("categories", queries.categories());
        if (status.rejectReason() != null) {
            queries.rejectReasons().stream().filter(r -> r.code().equals(status.rejectReason())).findFirst()
                    .ifPresent(r -> model.addAttribute("rejectReasonLabel", r.label(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        }
        if (status.duplicateOf() != null) {
            queries.publicStatus(status.duplicateOf()).ifPresent(target -> model.addAttribute("mergedInto", target));
        }
        if (status.activeOrderId() != null) {
            clocks.find(status.activeOrderId()).ifPresent(clock -> model.addAttribute("clock", clock));
        }
        model.addAttribute("inSuggestion", queries.inSuggestion(status.id()));
        queries.suggestionOutcome(status.id()).ifPresent(o -> model.addAttribute("suggestionOutcome", o));
        model.addAttribute("now", Instant.now());
        model.addAttribute("rules", rules);
    }
}
