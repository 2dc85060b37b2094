package org.civicloop.deputies.web;

import org.civicloop.deputies.domain.DeputyQueries;
import org.civicloop.organization.CivicUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的履职二维码: a deputy's own code, to show on the phone or print. No phone number here. */
@Controller
@PreAuthorize("hasRole('DEPUTY')")
class MyDutyCodeController {

    private final DeputyQueries queries;
    private final String publicBaseUrl;

    MyDutyCodeController(DeputyQueries queries, @Value("${civicloop.public-base-url}") String publicBaseUrl) {
        this.queries = queries;
        this.publicBaseUrl = DutyCodeLinks.trim(publicBaseUrl);
    }

    @GetMapping("/my/duty-code")
    String myDutyCode(@AuthenticationPrincipal CivicUser user, Model model) {
        var deputy = queries.forAccount(user.accountId(), false);
        model.addAttribute("deputy", deputy.orElse(null));
        deputy.ifPresent(d -> model.addAttribute("dutyCodeAddress", DutyCodeLinks.address(publicBaseUrl, d.dutyToken())));
        return "deputies/my-duty-code";
    }
}
