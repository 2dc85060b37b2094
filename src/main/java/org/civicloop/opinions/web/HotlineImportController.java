package org.civicloop.opinions.web;

import java.io.IOException;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.HotlineColumns;
import org.civicloop.opinions.domain.HotlineImport;
import org.civicloop.opinions.domain.HotlinePreview;
import org.civicloop.opinions.routing.RoutingSuggestions;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.spreadsheet.TableReader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 导入 12345 工单: the office uploads the hotline's export; all rows or none. */
@Controller
@PreAuthorize("hasRole('CONGRESS_OFFICE')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HotlineImportController {

    private final HotlineImport hotlineImport;
    private final HotlineColumns columns;
    private final HotlinePreview preview;
    private final RoutingSuggestions routing;

    @GetMapping("/opinions/import")
    String form(Model model) {
        model.addAttribute("columns", columns);
        model.addAttribute("maxRows", HotlineImport.MAX_ROWS);
        model.addAttribute("maxSize", TableReader.humanSize(HotlineImport.MAX_BYTES));
        return "opinions/staff/import";
    }

    @PostMapping("/opinions/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        HotlineImport.Result result = file == null || file.isEmpty()
                ? new HotlineImport.Result(0, List.of(new HotlineImport.LineProblem(0, "region.import.error.empty")))
                : hotlineImport.importTable(file.getInputStream());
        flash.addFlashAttribute("result", result);
        return "redirect:/opinions/import";
    }

    /**
     * Before importing: each row flagged when it very likely repeats a matter already open on file
     * (similar matters, band "same"), and the unit it would likely be forwarded to (智能派单, from the
     * district's routing history and the row's place). Nothing is stored; the office then imports the file.
     */
    @PostMapping("/opinions/import/preview")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, @AuthenticationPrincipal CivicUser user,
                   Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("result", new HotlineImport.Result(0, List.of(new HotlineImport.LineProblem(0, "region.import.error.empty"))));
        } else {
            HotlinePreview.Preview p = preview.preview(file.getInputStream(), user);
            model.addAttribute("preview", p);
            java.util.Map<Integer, RoutingSuggestions.UnitChoice> units = new java.util.HashMap<>();
            p.rows().stream().filter(r -> !r.content().isEmpty())
                    .forEach(r -> routing.forText(r.content(), r.placeCode()).best().ifPresent(u -> units.put(r.line(), u)));
            model.addAttribute("routed", units);
        }
        return form(model);
    }
}
