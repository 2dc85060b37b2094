package org.civicloop.performance.work.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.performance.work.domain.NewWorkItem;
import org.civicloop.performance.work.domain.ProjectStage;
import org.civicloop.performance.work.domain.WorkKind;
import org.civicloop.performance.work.domain.WorkService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This year's tracked work of the demo district, driven through {@link WorkService}: 28 annual reform
 * points, 17 leader-led reform projects and 3 other tasks ({@code demo/performance-work-items.csv}),
 * and 16 investment projects ({@code demo/performance-work-projects.csv}), 14 of them signed, with
 * 62亿元 contracted and 38亿元 of funds in place. The evaluation office ({@code evaluation}) created
 * them 70 days ago and set one milestone each, due some days from today (negative: overdue, so red);
 * the owner units reported last month's progress except where the file says N (yellow); the
 * investment-promotion bureau ({@code invest}) moved each project to its stage from 160 days ago (signed about 155 days ago).
 * The leading leader of every item is {@code leader} (周明). Loading twice changes nothing.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkDemoData implements ApplicationRunner {

    private final WorkService service;
    private final UserDetailsService users;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    private java.util.Map<String, String> texts = java.util.Map.of();

    @Override
    public void run(ApplicationArguments args) {
        if (directory.accountIdByUsername("evaluation").isEmpty() || directory.accountIdByUsername("leader").isEmpty()) {
            return;
        }
        CivicUser office = (CivicUser) users.loadUserByUsername("evaluation");
        long leader = directory.accountIdByUsername("leader").orElseThrow();
        Instant now = Instant.now();
        Instant created = now.minus(Duration.ofDays(70));
        int year = LocalDate.now(zone).getYear();
        texts = rows("demo/performance-work-texts.csv").stream().collect(java.util.stream.Collectors.toMap(t -> t[0], t -> t[1]));
        for (String[] r : rows("demo/performance-work-items.csv")) {
            tx.executeWithoutResult(s -> item(r, office, leader, year, created, now));
        }
        for (String[] r : rows("demo/performance-work-projects.csv")) {
            tx.executeWithoutResult(s -> project(r, office, leader, year, created, now));
        }
    }

    private boolean exists(String title, int year) {
        return jdbc.sql("select exists (select 1 from perf_work_item where title = :t and year = :y)").param("t", title)
                .param("y", year).query(Boolean.class).single();
    }

    private void item(String[] r, CivicUser office, long leader, int year, Instant created, Instant now) {
        if (exists(r[1], year)) {
            return;
        }
        long unit = directory.unitIdByName(r[2]).orElseThrow().value();
        long id = service.create(new NewWorkItem(WorkKind.valueOf(r[0]), year, r[1], null, unit, leader, null, null), office, created);
        milestoneAndReport(id, unit, r[3], Integer.parseInt(r[4]), "Y".equals(r[5]), created, now);
    }

    private void project(String[] r, CivicUser office, long leader, int year, Instant created, Instant now) {
        if (exists(r[0], year)) {
            return;
        }
        long unit = directory.unitIdByName(r[3]).orElseThrow().value();
        Instant opened = created.minus(Duration.ofDays(90));
        long id = service.create(new NewWorkItem(WorkKind.INVESTMENT, year, r[0], null, unit, leader, r[1], r[2]), office, opened);
        String by = unitAccount(unit);
        ProjectStage target = ProjectStage.valueOf(r[5]);
        ProjectStage line = target == ProjectStage.ON_HOLD ? ProjectStage.valueOf(r[6]) : target;
        LocalDate today = LocalDate.now(zone);
        Instant at = opened.plus(Duration.ofDays(1));
        BigDecimal contract = r[4].isBlank() ? null : new BigDecimal(r[4]);
        for (ProjectStage s : ProjectStage.values()) {
            if (s.ordinal() > line.ordinal() || !s.onLine()) {
                break;
            }
            if (s != ProjectStage.CLUE) {
                service.moveProjectAs(id, s, contract, null, by, at, null);
                at = at.plus(Duration.ofDays(2));
            }
        }
        if (target == ProjectStage.ON_HOLD) {
            service.moveProjectAs(id, ProjectStage.ON_HOLD, null, texts.get("pause"), by, at, null);
        }
        if (!r[7].isBlank()) {
            BigDecimal funds = new BigDecimal(r[7]);
            BigDecimal first = funds.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP);
            service.recordFundsAs(id, today.minusDays(100), first, null, by, now);
            service.recordFundsAs(id, today.minusDays(30), funds.subtract(first), null, by, now);
        }
        milestoneAndReport(id, unit, r[8], Integer.parseInt(r[9]), "Y".equals(r[10]), opened, now);
    }

    private void milestoneAndReport(long id, long unit, String milestone, int dueInDays, boolean reported, Instant created, Instant now) {
        service.addPastMilestone(id, milestone, LocalDate.now(zone).plusDays(dueInDays), "evaluation", created);
        if (reported) {
            YearMonth last = YearMonth.now(zone).minusMonths(1);
            service.fileReportAs(id, last, texts.get("report").formatted(milestone), unitAccount(unit), now);
        }
    }

    private String unitAccount(long unit) {
        return directory.accountsOfUnit(unit, Role.HANDLING_UNIT).stream().findFirst()
                .flatMap(directory::accountUsername).orElse("evaluation");
    }

    private static List<String[]> rows(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
