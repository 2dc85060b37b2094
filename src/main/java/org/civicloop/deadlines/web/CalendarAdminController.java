package org.civicloop.deadlines.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.deadlines.domain.CalendarImport;
import org.civicloop.deadlines.domain.CalendarQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历: a year's holidays and make-up working days, and their CSV import. */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarAdminController {

    private final CalendarQueries queries;
    private final CalendarImport calendarImport;
    private final WorkingCalendars calendars;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    @GetMapping
    String year(@RequestParam(name = "year", required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(zone).getYear();
        int shown = year == null || year < 1900 || year > 2999 ? thisYear : year;
        TreeSet<Integer> years = new TreeSet<>(queries.years());
        years.add(thisYear);
        years.add(shown);
        List<CalendarQueries.Entry> entries = queries.year(shown);
        WorkingCalendar calendar = calendars.current();
        model.addAttribute("year", shown);
        model.addAttribute("years", years);
        model.addAttribute("entries", entries);
        model.addAttribute("provisional", entries.stream().anyMatch(CalendarQueries.Entry::provisional));
        model.addAttribute("workingDays",
                calendar.workingDaysBetween(LocalDate.of(shown - 1, 12, 31), LocalDate.of(shown, 12, 31)));
        return "deadlines/calendar";
    }

    @PostMapping("/import")
    String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("importErrors", List.of(new CalendarImport.RowError(0, "calendar.import.error.empty")));
            return "redirect:/admin/calendar";
        }
        CalendarImport.Result result = calendarImport.importCsv(file.getInputStream());
        if (result.ok()) {
            flash.addFlashAttribute("imported", result.imported());
        } else {
            flash.addFlashAttribute("importErrors", result.errors());
        }
        return "redirect:/admin/calendar";
    }
}
