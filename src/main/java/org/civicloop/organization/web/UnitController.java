package org.civicloop.organization.web;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.domain.OrganizationQueries;
import org.civicloop.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A unit's own page: what it is and who works there. Visible to that unit's staff and to the
 * district-wide roles; anyone else gets 404, the same answer as for a unit that does not exist.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UnitController {

    private final OrganizationQueries queries;

    @GetMapping("/my-unit")
    String myUnit(@AuthenticationPrincipal CivicUser user) {
        if (user.unitId() == null) {
            throw new NotFoundException("unit", "-");
        }
        return "redirect:/units/" + user.unitId();
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        var scope = user.dataScope();
        var unit = queries.unit(id, scope).orElseThrow(() -> new NotFoundException("unit", id));
        model.addAttribute("unit", unit);
        model.addAttribute("staff", queries.accounts("", "", id, scope, 0, 200).items());
        return "organization/unit";
    }
}
