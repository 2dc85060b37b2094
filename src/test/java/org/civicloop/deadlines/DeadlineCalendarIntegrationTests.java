package org.civicloop.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.deadlines.domain.CalendarImport;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The seeded calendar, its import and its administration page. Imports use years no other test counts in. */
@IntegrationTest
class DeadlineCalendarIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendars calendars;
    @Autowired
    CalendarImport calendarImport;

    @Test
    void theSeededCalendarCountsTheSpringFestivalExample() {
        WorkingCalendar calendar = calendars.current();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 15)).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    }

    @Test
    void everySeededYearHasTheWorkingDaysTheLawLeaves() {
        // 2025, 2026 and 2027 each have 104 Saturdays and Sundays; the law gives 13 days of holiday
        // (元旦 1, 春节 4, 清明 1, 劳动 2, 端午 1, 中秋 1, 国庆 3) and make-up days only move rest days:
        // 365 - 104 - 13 = 248 working days, whatever the arrangement
        WorkingCalendar calendar = calendars.current();
        for (int year : List.of(2025, 2026, 2027)) {
            assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                    .as("working days in %d", year).isEqualTo(248);
        }
        assertThat(jdbc.sql("select count(*) from calendar_exception where provisional and extract(year from day) <> 2027")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryBadLine() throws Exception {
        String csv = "date,kind,name\n"
                + "2030-02-04,HOLIDAY,春节\n"
                + "2030-02-31,HOLIDAY,春节\n"     // line 3: no such date
                + "2030-02-05,HOLIDAY,春节\n"
                + "2030-02-06,RESTDAY,春节\n"     // line 5: unknown kind
                + "2030-02-07,WORKDAY,春节\n"     // line 6: a Thursday cannot be a make-up day
                + "2030-02-04,HOLIDAY,春节\n";    // line 7: twice
        CalendarImport.Result result = calendarImport.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(CalendarImport.RowError::line).containsExactly(3, 5, 6, 7);
        assertThat(result.errors()).extracting(CalendarImport.RowError::messageKey).containsExactly(
                "calendar.import.error.date", "calendar.import.error.kind", "calendar.import.error.workdayOnWeekday",
                "calendar.import.error.duplicate");
        assertThat(jdbc.sql("select count(*) from calendar_exception where extract(year from day) = 2030")
                .query(Long.class).single()).isZero();

        mvc.perform(multipart("/admin/calendar/import")
                        .file(new MockMultipartFile("file", "holidays.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(demo.user("admin"))))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("importErrors", hasSize(4)));
        assertThat(jdbc.sql("select count(*) from calendar_exception where extract(year from day) = 2030")
                .query(Long.class).single()).isZero();
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2030, 2, 4))).isTrue();
    }

    @Test
    void aGoodFileImportsEveryRowReplacesTheYearsProvisionalGuessAndTakesEffectAtOnce() throws Exception {
        // a provisional guess for 2031, as the migration seeds 2027
        jdbc.sql("insert into calendar_exception (day, kind, name, provisional) values "
                + "('2031-01-20', 'HOLIDAY', 'guess', true), ('2031-01-25', 'WORKDAY', 'guess', true)").update();
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2031, 1, 24))).isTrue();
        // the official notice, as administrators download it (with a byte-order mark, lower-case kinds)
        String csv = "\uFEFFdate,kind,name\n"
                + "2031-01-22,holiday,春节\n"    // Wed
                + "2031-01-23,HOLIDAY,春节\n"    // Thu
                + "2031-01-24,HOLIDAY,春节\n"    // Fri
                + "2031-01-26,WORKDAY,春节\n";   // Sun
        mvc.perform(multipart("/admin/calendar/import")
                        .file(new MockMultipartFile("file", "holidays.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(demo.user("admin"))))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("imported", 4));
        assertThat(jdbc.sql("select day::text || ' ' || kind || ' ' || provisional from calendar_exception "
                        + "where extract(year from day) = 2031 order by day")
                .query(String.class).list())
                .containsExactly("2031-01-22 HOLIDAY false", "2031-01-23 HOLIDAY false", "2031-01-24 HOLIDAY false",
                        "2031-01-26 WORKDAY false");
        WorkingCalendar calendar = calendars.current();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 20))).isTrue();   // the guess is gone
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 26))).isTrue();
        // Tue 21 Jan 2031 + 2 working days: Sun 26 (make-up), Mon 27
        assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 1, 21), 2)).isEqualTo(LocalDate.of(2031, 1, 27));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'calendar.imported' and subject_id = '[2031]'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCalendarPageIsForAdministratorsOnly() throws Exception {
        mvc.perform(get("/admin/calendar").with(user(demo.user("office"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").with(user(demo.user("unit"))))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/calendar/import")
                        .file(new MockMultipartFile("file", "h.csv", "text/csv", "date,kind,name\n2032-01-01,HOLIDAY,x\n".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(demo.user("office"))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from calendar_exception where day = '2032-01-01'").query(Long.class).single()).isZero();
        mvc.perform(get("/admin/calendar").param("year", "2026").with(user(demo.user("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年2月15日")))
                .andExpect(content().string(containsString("调休上班")))
                .andExpect(content().string(containsString("全年 248 个工作日")));
        mvc.perform(get("/admin/calendar").param("year", "2027").with(user(demo.user("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("calendar-provisional")))
                .andExpect(content().string(containsString("暂定")));
    }

    @Test
    void theFileIsReadByTheSharedTableReaderQuotedNamesGbkAndBrokenQuotingIncluded() {
        // a name with a comma, quoted as Excel writes it, in the encoding Chinese Excel saves CSV in
        String csv = "date,kind,name\n2033-01-31,HOLIDAY,\"春节,除夕\"\n";
        CalendarImport.Result result = calendarImport.importCsv(new ByteArrayInputStream(csv.getBytes(java.nio.charset.Charset.forName("GB18030"))));
        assertThat(result.errors()).isEmpty();
        assertThat(jdbc.sql("select name from calendar_exception where day = '2033-01-31'").query(String.class).single())
                .isEqualTo("春节,除夕");

        String broken = "date,kind,name\n2034-01-02,HOLIDAY,元旦\n2034-01-03,HOLIDAY,\"元旦\n";
        CalendarImport.Result refused = calendarImport.importCsv(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.errors()).extracting(CalendarImport.RowError::line, CalendarImport.RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "import.error.unclosedQuote"));
        assertThat(jdbc.sql("select count(*) from calendar_exception where extract(year from day) = 2034")
                .query(Long.class).single()).isZero();
    }
}
