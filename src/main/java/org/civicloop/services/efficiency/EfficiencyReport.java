package org.civicloop.services.efficiency;

import org.civicloop.shared.ReportReads;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.WorkingCalendar;
import org.civicloop.deadlines.WorkingCalendars;
import org.civicloop.services.catalogue.FigureRow;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The efficiency figures of the combined services (issue 12, item 5; domain research 3.4): for each
 * service the before/after figures of its definition with their reductions, and the measured times of
 * its completed applications, per month and in all.
 *
 * <p>Per application: elapsed = accepted → completed less the applicant's waiting, in working days
 * ({@link WorkingTime}) and hours; sequential = the sum of the parts' own times (decided − started −
 * their waiting), what the applicant would have spent going from department to department; parallel =
 * the longest part. For a group of applications: the means, the parallel reduction
 * {@code 1 − Σ parallel / Σ sequential} (in working days), and the measured time against the
 * definition's before-figure, {@code 1 − mean elapsed / before.workingDays}.
 */
@Service
@RequiredArgsConstructor
@ReportReads
public class EfficiencyReport {

    private final JdbcClient jdbc;
    private final WorkingCalendars calendars;
    private final ServiceCatalogue catalogue;

    /** One application's measured times. */
    public record CaseTimes(long caseId, String serviceCode, YearMonth month, double elapsedWorkingDays,
            double elapsedHours, double sequentialWorkingDays, double sequentialHours, double parallelWorkingDays,
            double parallelHours) {
    }

    /** Measured times of a group of applications (one service, one month or all months). */
    public record Measured(String label, int cases, double meanElapsedWorkingDays, double meanElapsedHours,
            double meanSequentialWorkingDays, double meanParallelWorkingDays, Double parallelReductionPercent,
            Double versusBeforePercent) {
    }

    /** One service: its figures and its measured times, per month (oldest first) and in all. */
    public record ServiceEfficiency(String code, String name, int promisedWorkingDays, int beforeWorkingDays,
            List<FigureRow> figures, List<Measured> months, Measured total) {
    }

    @Transactional(readOnly = true)
    public List<ServiceEfficiency> services() {
        Map<String, List<CaseTimes>> byService = new LinkedHashMap<>();
        for (CaseTimes c : cases()) {
            byService.computeIfAbsent(c.serviceCode(), k -> new ArrayList<>()).add(c);
        }
        List<ServiceEfficiency> result = new ArrayList<>();
        for (var stored : catalogue.all()) {
            ServiceDefinition d = stored.definition();
            int before = d.before() == null ? 0 : d.before().workingDays();
            List<CaseTimes> cases = byService.getOrDefault(d.code(), List.of());
            Map<YearMonth, List<CaseTimes>> byMonth = new TreeMap<>();
            for (CaseTimes c : cases) {
                byMonth.computeIfAbsent(c.month(), k -> new ArrayList<>()).add(c);
            }
            List<Measured> months = byMonth.entrySet().stream()
                    .map(e -> measure(e.getKey().toString(), e.getValue(), before)).toList();
            result.add(new ServiceEfficiency(d.code(), d.name(), d.promisedWorkingDays(), before,
                    FigureRow.compare(d.before(), d.after()), months, cases.isEmpty() ? null : measure("", cases, before)));
        }
        return result;
    }

    /** Every recorded application's times, on the calendar now in force, oldest completion first. */
    @Transactional(readOnly = true)
    public List<CaseTimes> cases() {
        WorkingCalendar calendar = calendars.current();
        record Part(long caseId, java.time.Instant started, java.time.Instant decided, long waited) {
        }
        Map<Long, List<Part>> parts = new LinkedHashMap<>();
        jdbc.sql("select case_id, started_at, decided_at, waited_seconds from service_efficiency_part")
                .query((rs, i) -> new Part(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .list().forEach(p -> parts.computeIfAbsent(p.caseId(), k -> new ArrayList<>()).add(p));
        return jdbc.sql("""
                select case_id, service_code, accepted_at, completed_at, waited_seconds
                  from service_efficiency_case order by completed_at, case_id""")
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    var accepted = rs.getTimestamp(3).toInstant();
                    var completed = rs.getTimestamp(4).toInstant();
                    Duration waited = Duration.ofSeconds(rs.getLong(5));
                    double seqDays = 0;
                    double seqHours = 0;
                    double parDays = 0;
                    double parHours = 0;
                    for (Part p : parts.getOrDefault(id, List.of())) {
                        double days = WorkingTime.workingDays(calendar, p.started(), p.decided(), Duration.ofSeconds(p.waited()));
                        double hours = WorkingTime.hours(p.started(), p.decided(), Duration.ofSeconds(p.waited()));
                        seqDays += days;
                        seqHours += hours;
                        parDays = Math.max(parDays, days);
                        parHours = Math.max(parHours, hours);
                    }
                    return new CaseTimes(id, rs.getString(2), YearMonth.from(calendar.dateOf(completed)),
                            WorkingTime.workingDays(calendar, accepted, completed, waited),
                            WorkingTime.hours(accepted, completed, waited), seqDays, seqHours, parDays, parHours);
                })
                .list();
    }

    static Measured measure(String label, List<CaseTimes> cases, int beforeWorkingDays) {
        int n = cases.size();
        double elapsed = cases.stream().mapToDouble(CaseTimes::elapsedWorkingDays).sum();
        double hours = cases.stream().mapToDouble(CaseTimes::elapsedHours).sum();
        double sequential = cases.stream().mapToDouble(CaseTimes::sequentialWorkingDays).sum();
        double parallel = cases.stream().mapToDouble(CaseTimes::parallelWorkingDays).sum();
        Double parallelReduction = sequential <= 0 ? null : (1 - parallel / sequential) * 100;
        return new Measured(label, n, elapsed / n, hours / n, sequential / n, parallel / n, parallelReduction,
                FigureRow.reduction(beforeWorkingDays, elapsed / n));
    }
}
