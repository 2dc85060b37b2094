package org.civicloop.services.cases.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.organization.CivicUser;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.services.cases.domain.MaterialFiles.Upload;
import org.civicloop.services.cases.domain.RatingLevel;
import org.civicloop.services.cases.domain.RefusalReason;
import org.civicloop.services.cases.domain.ServiceCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo applications of the enterprise migration, made through {@link CaseService} with their own
 * times: about forty completed at the window over the last six months (the efficiency page's
 * figures: parts decided in one to four working days, some with a correction), and for the demo
 * accounts one application in each state, recent enough that their clocks are on time. Loaded once:
 * nothing happens when demo applications exist already.
 */
@Component
@Order(31)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaseDemoData implements ApplicationRunner {

    private static final String SERVICE = "enterprise-migration";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The demo's words (fictional enterprises, notes, the form's values), from {@code demo/service-cases.csv}. */
    private Map<String, String> text = Map.of();
    private List<String> companies = List.of();

    private final CaseService cases;
    private final WorkingCalendars calendars;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    private record Who(CivicUser enterprise, CivicUser window, CivicUser market, CivicUser tax, CivicUser hrss,
                       CivicUser police, CivicUser center) {
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean loaded = jdbc.sql("select exists (select 1 from service_case where submission_key like '%:demo-%')")
                .query(Boolean.class).single();
        if (loaded) {
            return;
        }
        text = text();
        companies = text.entrySet().stream().filter(e -> e.getKey().startsWith("company.")).map(Map.Entry::getValue).sorted().toList();
        Who who = new Who(user("enterprise"), user("window"), user("approver"), user("tax"), user("hrss"), user("police"), user("center"));
        WorkingCalendar calendar = calendars.current();
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(zone);
        int n = 0;
        // about forty completed at the window, one every four or five days over the last six months
        for (LocalDate day = today.minusDays(182); day.isBefore(today.minusDays(8)); day = day.plusDays(4 + random.nextInt(2))) {
            LocalDate working = calendar.isWorkingDay(day) ? day : calendar.plusWorkingDays(day, 1);
            completed(who, calendar, random, working, ++n);
        }
        recent(who, calendar, today, n);
    }

    private void completed(Who who, WorkingCalendar calendar, Random random, LocalDate day, int n) {
        Map<String, String> answers = answers(random.nextInt(10) < 9, random.nextInt(10) < 8, random.nextBoolean(), random.nextInt(10) < 3);
        String company = companies.get(n % companies.size());
        Instant submitted = at(day, LocalTime.of(9, 0).plusMinutes(random.nextInt(150)));
        long id = cases.apply(application(answers, company, "demo-done-" + n), who.window(), submitted);
        Instant accepted = submitted.plus(30 + random.nextInt(120), ChronoUnit.MINUTES);
        cases.accept(id, who.window(), accepted);
        ServiceCase c = cases.view(id, who.window());
        LocalDate start = day;
        long shift = 0;
        Instant back = accepted;
        if (random.nextInt(100) < 15 && c.part("change-registration").isPresent()) {
            // one in seven: market regulation asks for a new lease; the applicant brings it a day or two later
            Instant asked = at(calendar.plusWorkingDays(start, 1), LocalTime.of(10, 0));
            cases.returnPart(id, "change-registration", List.of("address-proof"), List.of(), text.get("note.lease"),
                    who.market(), asked);
            int waitDays = 1 + random.nextInt(2);
            back = at(calendar.plusWorkingDays(calendar.dateOf(asked), waitDays), LocalTime.of(15, 0));
            cases.correct(id, Map.of(), List.of(new Upload("address-proof", "lease.pdf", PDF)), who.window(), back);
            shift = waitDays;
        }
        Instant last = accepted;
        for (var p : c.parts()) {
            int days = switch (p.code()) {
                case "change-registration" -> 2 + random.nextInt(3);
                case "tax-migration" -> 1 + random.nextInt(3);
                case "social-insurance" -> 1 + random.nextInt(2);
                default -> random.nextInt(2);
            } + (int) shift;
            Instant decided = at(calendar.plusWorkingDays(start, days), LocalTime.of(9, 30).plusMinutes(random.nextInt(420)));
            if (!decided.isAfter(back)) {
                decided = back.plus(2, ChronoUnit.HOURS);
            }
            CivicUser approver = approverOf(who, p.code());
            if (p.code().equals("seal") && random.nextInt(8) == 0) {
                cases.reject(id, p.code(), text.get("reject.seal"), approver, decided);
            } else {
                cases.approve(id, p.code(), null, approver, decided);
            }
            last = decided.isAfter(last) ? decided : last;
        }
        Instant issued = last.plus(1 + random.nextInt(3), ChronoUnit.HOURS);
        cases.issue(id, who.window(), issued);
        if (random.nextInt(10) < 7) {
            int r = random.nextInt(20);
            RatingLevel level = r < 13 ? RatingLevel.VERY_SATISFIED : r < 18 ? RatingLevel.SATISFIED : r < 19
                    ? RatingLevel.FAIRLY_SATISFIED : RatingLevel.DISSATISFIED;
            cases.rate(id, level, level.needsReason() ? text.get("rating.low") : null, who.window(),
                    issued.plus(1, ChronoUnit.DAYS));
        }
    }

    /** One application in each state for the demo accounts, within the last days. */
    private void recent(Who who, WorkingCalendar calendar, LocalDate today, int n) {
        LocalDate d2 = calendar.plusWorkingDays(today, -2);
        LocalDate d1 = calendar.plusWorkingDays(today, -1);
        Instant now = Instant.now();
        Map<String, String> all = answers(true, true, true, false);
        // 待受理
        cases.apply(application(all, null, "demo-new"), who.enterprise(), now.minus(2, ChronoUnit.HOURS));
        // 待补正 (the window's one request)
        long correction = cases.apply(application(all, null, "demo-correction"), who.enterprise(), at(d1, LocalTime.of(9, 20)));
        cases.requestCorrection(correction, List.of("address-proof"), List.of("new-address"),
                text.get("note.window"),
                who.window(), at(d1, LocalTime.of(10, 5)));
        // 审批中, two parts decided
        long running = cases.apply(application(all, null, "demo-running"), who.enterprise(), at(d1, LocalTime.of(9, 40)));
        cases.accept(running, who.window(), at(d1, LocalTime.of(10, 30)));
        cases.approve(running, "file-transfer", null, who.market(), at(d1, LocalTime.of(15, 0)));
        cases.approve(running, "social-insurance", null, who.hrss(), at(d1, LocalTime.of(16, 10)));
        // 补正中: the tax office asked; every clock stopped
        long returned = cases.apply(application(answers(true, false, false, false), null, "demo-returned"), who.enterprise(),
                at(d2, LocalTime.of(9, 10)));
        cases.accept(returned, who.window(), at(d2, LocalTime.of(9, 50)));
        cases.returnPart(returned, "tax-migration", List.of(), List.of("tax-authority"),
                text.get("note.tax"), who.tax(), at(d1, LocalTime.of(11, 0)));
        // 待出件
        long ready = cases.apply(application(answers(true, false, false, false), null, "demo-ready"), who.enterprise(), at(d2, LocalTime.of(10, 0)));
        cases.accept(ready, who.window(), at(d2, LocalTime.of(10, 40)));
        cases.approve(ready, "file-transfer", null, who.market(), at(d2, LocalTime.of(14, 0)));
        cases.approve(ready, "change-registration", null, who.market(), at(d1, LocalTime.of(10, 0)));
        cases.approve(ready, "tax-migration", null, who.tax(), at(d1, LocalTime.of(11, 30)));
        // 已办结, not yet rated: the enterprise may rate it
        long done = cases.apply(application(answers(true, false, false, false), null, "demo-done-unrated"), who.enterprise(),
                at(d2, LocalTime.of(9, 5)));
        cases.accept(done, who.window(), at(d2, LocalTime.of(9, 30)));
        cases.approve(done, "file-transfer", null, who.market(), at(d2, LocalTime.of(11, 0)));
        cases.approve(done, "change-registration", null, who.market(), at(d2, LocalTime.of(16, 0)));
        cases.approve(done, "tax-migration", null, who.tax(), at(d1, LocalTime.of(9, 45)));
        cases.issue(done, who.window(), at(d1, LocalTime.of(11, 0)));
        // 不予受理 at the window
        long refused = cases.apply(application(all, companies.get(0), "demo-refused"), who.window(), at(d1, LocalTime.of(14, 0)));
        cases.refuse(refused, RefusalReason.NOT_OUR_MATTER, who.window(), at(d1, LocalTime.of(14, 20)));
        // 未通过: the tax office refused a required part
        long failed = cases.apply(application(answers(true, false, false, false), companies.get(1), "demo-failed"), who.window(),
                at(d2, LocalTime.of(15, 0)));
        cases.accept(failed, who.window(), at(d2, LocalTime.of(15, 30)));
        cases.reject(failed, "tax-migration", text.get("reject.tax"),
                who.tax(), at(d1, LocalTime.of(10, 0)));
    }

    private static CivicUser approverOf(Who who, String part) {
        return switch (part) {
            case "tax-migration" -> who.tax();
            case "social-insurance" -> who.hrss();
            case "seal" -> who.police();
            case "bank-notice" -> who.center();
            default -> who.market();
        };
    }

    private static Map<String, String> answers(boolean tax, boolean employees, boolean seal, boolean bank) {
        return Map.of("origin", "guiyang", "tax-registered", tax ? "yes" : "no", "employees", employees ? "yes" : "no",
                "new-seal", seal ? "yes" : "no", "bank", bank ? "yes" : "no");
    }

    /** The enterprise's own application (company null) or one the window takes for another company. */
    private CaseService.Application application(Map<String, String> answers, String company, String key) {
        String name = company == null ? text.get("enterprise") : company;
        Map<String, String> v = new LinkedHashMap<>();
        text.forEach((k, value) -> {
            if (k.startsWith("field.")) {
                v.put(k.substring("field.".length()), value);
            }
        });
        v.put("company-name", name);
        List<Upload> uploads = new ArrayList<>(List.of(new Upload("resolution", "resolution.pdf", PDF),
                new Upload("address-proof", "lease.pdf", PDF)));
        return new CaseService.Application(SERVICE, answers, v, uploads, name, v.get("contact-phone"), true, key);
    }

    private static Map<String, String> text() {
        Map<String, String> t = new LinkedHashMap<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                new org.springframework.core.io.ClassPathResource("demo/service-cases.csv").getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> {
                int comma = l.indexOf(',');
                t.put(l.substring(0, comma), l.substring(comma + 1));
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return t;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private CivicUser user(String username) {
        return (CivicUser) users.loadUserByUsername(username);
    }
}
