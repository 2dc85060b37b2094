package org.civicloop.open311.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.civicloop.open311.domain.Open311Properties;
import org.civicloop.open311.domain.Partners;
import org.civicloop.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 开放接口（Open311）: the administrator lists partner systems, creates one (its API key is shown on
 * the answer page exactly once, never stored, never put in the session) and deactivates one.
 */
@Controller
@RequestMapping("/admin/open311")
@PreAuthorize("hasRole('ADMIN')")
class PartnerAdminController {

    private final Partners partners;
    private final Open311Properties properties;
    private final String baseUrl;

    PartnerAdminController(Partners partners, Open311Properties properties,
                           @Value("${civicloop.public-base-url:http://localhost:8080}") String baseUrl) {
        this.partners = partners;
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", "", List.of());
    }

    /**
     * The key is rendered straight into this answer rather than redirected through a flash
     * attribute: a flash attribute would sit in the session, which is stored in the database.
     */
    @PostMapping
    String create(@RequestParam(name = "name", defaultValue = "") String name,
                  @RequestParam(name = "requestsPerHour", defaultValue = "") String requestsPerHour,
                  Model model, HttpServletResponse response) {
        Integer limit = null;
        if (!requestsPerHour.isBlank()) {
            try {
                limit = Integer.valueOf(requestsPerHour.strip());
            } catch (NumberFormatException e) {
                limit = -1; // refused below with the field's own message
            }
        }
        Partners.CreatedPartner created;
        try {
            created = partners.create(name, limit);
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, name, requestsPerHour, e.problems());
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("created", created);
        model.addAttribute("apiBase", baseUrl + "/open311/v2");
        return "open311/partner-created";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes flash) {
        partners.deactivate(id);
        flash.addFlashAttribute("deactivated", true);
        return "redirect:/admin/open311";
    }

    private String page(Model model, String name, String requestsPerHour, List<InvalidInput.Problem> problems) {
        model.addAttribute("partners", partners.list());
        model.addAttribute("name", name);
        model.addAttribute("requestsPerHour", requestsPerHour);
        model.addAttribute("problems", problems);
        model.addAttribute("apiBase", baseUrl + "/open311/v2");
        model.addAttribute("nameMax", Partners.NAME_MAX);
        model.addAttribute("defaultLimit", properties.requestsPerHour());
        return "open311/partners";
    }
}
