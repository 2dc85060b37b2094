package org.civicloop.organization.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.domain.OrganizationQueries;
import org.civicloop.organization.domain.Region;
import org.civicloop.organization.domain.RegionImport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 行政区划: the division tree and its CSV import. */
@Controller
@RequestMapping("/admin/regions")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegionAdminController {

    private final OrganizationQueries queries;
    private final RegionImport regionImport;

    @GetMapping
    String list(Model model) {
        List<Region> all = queries.regions();
        Map<String, List<Region>> children = all.stream().filter(r -> r.parentCode() != null)
                .collect(Collectors.groupingBy(Region::parentCode));
        model.addAttribute("roots", all.stream().filter(r -> r.parentCode() == null).toList());
        model.addAttribute("children", children);
        model.addAttribute("total", all.size());
        return "organization/regions";
    }

    @PostMapping("/import")
    String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("importErrors", List.of(new RegionImport.RowError(0, "region.import.error.empty")));
            return "redirect:/admin/regions";
        }
        RegionImport.Result result = regionImport.importCsv(file.getInputStream());
        if (result.ok()) {
            flash.addFlashAttribute("imported", result.imported());
        } else {
            flash.addFlashAttribute("importErrors", result.errors());
        }
        return "redirect:/admin/regions";
    }
}
