package org.civicloop.opinions.web;

import java.io.IOException;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.HotlineColumns;
import org.civicloop.opinions.domain.HotlineImport;
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

    @GetMapping("/opinions/import")
    String form(Model model) {
        model.addAttribute("columns", columns);
        model.addAttribute("maxRows", HotlineImport.MAX_ROWS);
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
}
