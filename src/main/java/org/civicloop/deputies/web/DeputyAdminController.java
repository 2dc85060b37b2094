package org.civicloop.deputies.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.validation.Valid;
import org.civicloop.deputies.domain.DeputyLevel;
import org.civicloop.deputies.domain.DeputyPermissions;
import org.civicloop.deputies.domain.DeputyQueries.DeputyRow;
import org.civicloop.deputies.domain.DeputyQueries;
import org.civicloop.deputies.domain.DeputyService;
import org.civicloop.deputies.domain.DeputyStatus;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory.Place;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.civicloop.shared.web.PagingLinks;
import org.springframework.beans.factory.annotation.Value;
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

/** 代表名册: the congress office's list, forms and code page for deputies. */
@Controller
@RequestMapping("/deputies")
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'ADMIN')")
class DeputyAdminController {

    private static final int PAGE_SIZE = 20;
    /** The places a deputy can be elected in, as forms offer them (villages are too many for a list). */
    static final List<String> FORM_LEVELS = List.of("district", "street", "town");

    private final DeputyQueries queries;
    private final DeputyService deputies;
    private final Directory directory;
    private final String publicBaseUrl;

    DeputyAdminController(DeputyQueries queries, DeputyService deputies, Directory directory,
                          @Value("${civicloop.public-base-url}") String publicBaseUrl) {
        this.queries = queries;
        this.deputies = deputies;
        this.directory = directory;
        this.publicBaseUrl = DutyCodeLinks.trim(publicBaseUrl);
    }

    @ModelAttribute
    void choices(Model model) {
        List<Place> places = directory.placesAtLevels(List.of("district", "street", "town", "village"));
        model.addAttribute("levels", Arrays.asList(DeputyLevel.values()));
        model.addAttribute("statuses", Arrays.asList(DeputyStatus.values()));
        model.addAttribute("regions", places.stream().filter(p -> FORM_LEVELS.contains(p.level())).toList());
        model.addAttribute("regionNames", places.stream().collect(Collectors.toMap(Place::code, Place::name)));
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String level,
                @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String region,
                @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CivicUser user, Model model) {
        var filter = new DeputyQueries.Filter(q, level, status, region);
        model.addAttribute("filter", filter);
        model.addAttribute("page", queries.deputies(filter, DeputyPermissions.maySeePhone(user), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("pagingBase", pagingBase(filter));
        return "deputies/list";
    }

    @GetMapping("/new")
    String newDeputy(Model model) {
        model.addAttribute("deputyForm", DeputyForm.empty());
        return "deputies/form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute DeputyForm deputyForm, BindingResult result, RedirectAttributes flash) {
        Long accountId = account(deputyForm, result);
        if (!result.hasErrors()) {
            try {
                long id = deputies.create(deputyForm.details(accountId));
                flash.addFlashAttribute("saved", deputyForm.name());
                return "redirect:/deputies/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e, FIELDS);
            }
        }
        return "deputies/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        DeputyRow row = queries.deputy(id, DeputyPermissions.maySeePhone(user)).orElseThrow(() -> new NotFoundException("deputy", id));
        model.addAttribute("deputy", row);
        model.addAttribute("account", row.accountId() == null ? null : directory.accountUsername(row.accountId()).orElse(null));
        model.addAttribute("dutyCodeAddress", DutyCodeLinks.address(publicBaseUrl, row.dutyToken()));
        return "deputies/deputy";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        DeputyRow row = queries.deputy(id, DeputyPermissions.maySeePhone(user)).orElseThrow(() -> new NotFoundException("deputy", id));
        String username = row.accountId() == null ? null : directory.accountUsername(row.accountId()).orElse(null);
        model.addAttribute("deputyId", id);
        model.addAttribute("deputyForm", DeputyForm.of(row, username));
        return "deputies/form";
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute DeputyForm deputyForm, BindingResult result, Model model,
                  RedirectAttributes flash) {
        queries.deputy(id, false).orElseThrow(() -> new NotFoundException("deputy", id));
        Long accountId = account(deputyForm, result);
        if (!result.hasErrors()) {
            try {
                deputies.update(id, deputyForm.details(accountId));
                flash.addFlashAttribute("saved", deputyForm.name());
                return "redirect:/deputies/" + id;
            } catch (BusinessException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e, FIELDS);
            }
        }
        model.addAttribute("deputyId", id);
        return "deputies/form";
    }

    /** 重新生成二维码: for a lost or misused poster. The old code stops working; the change is audited. */
    @PostMapping("/{id}/duty-token")
    String regenerate(@PathVariable long id, RedirectAttributes flash) {
        deputies.regenerateToken(id);
        flash.addFlashAttribute("regenerated", true);
        return "redirect:/deputies/" + id;
    }

    private Long account(DeputyForm form, BindingResult result) {
        if (!form.hasAccount()) {
            return null;
        }
        var id = directory.accountIdByUsername(form.accountUsername().strip());
        if (id.isEmpty()) {
            FormErrors.rejectValue(result, "accountUsername", "deputy.error.unknownAccount", new Object[] {form.accountUsername().strip()}, null);
            return null;
        }
        return id.get();
    }

    private static final Map<String, String> FIELDS = Map.of(
            "deputy.error.unknownRegion", "regionCode",
            "deputy.error.accountTaken", "accountUsername");

    private static String pagingBase(DeputyQueries.Filter filter) {
        return PagingLinks.base("/deputies", "q", filter.query(), "level", filter.level(), "status", filter.status(),
                "region", filter.regionCode());
    }
}
