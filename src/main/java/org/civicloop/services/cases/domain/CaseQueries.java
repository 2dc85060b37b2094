package org.civicloop.services.cases.domain;

import static org.civicloop.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklists, by the same rules as {@link CasePermissions}: the applicant's own applications, the
 * window's (every application), and a department's parts (its unit's only), with their clocks.
 */
@Component
@RequiredArgsConstructor
public class CaseQueries {

    private final JdbcClient jdbc;
    private final Deadlines deadlines;

    /** One line of the applicant's or the window's list. */
    public record CaseRow(long id, String reference, String serviceName, String applicantName, CaseStatus status,
                          Instant submittedAt, int parts, int decided) {
    }

    /** One line of a department's worklist: a part, its application and its clock. */
    public record PartRow(long caseId, String reference, String serviceName, String partCode, String item, PartStatus status,
                          CaseStatus caseStatus, Instant startedAt, ClockView clock) {
    }

    private static final String CASE_SELECT = """
            select c.id, c.reference, coalesce(d.name, c.service_code) as service_name, c.applicant_name, c.status, c.submitted_at,
                   (select count(*) from service_case_part p where p.case_id = c.id) as parts,
                   (select count(*) from service_case_part p where p.case_id = c.id and p.status in %s) as decided
              from service_case c
              left join service_definition d on d.code = c.service_code and d.version = c.service_version
            """.formatted(PartStatus.DECIDED_SQL);

    @Transactional(readOnly = true)
    public List<CaseRow> ofApplicant(long accountId) {
        return jdbc.sql(CASE_SELECT + " where c.applicant_account = :a order by c.submitted_at desc limit 200")
                .param("a", accountId).query((rs, n) -> caseRow(rs)).list();
    }

    /** The window's list: one status, or those waiting for the window (to check, to issue) first. */
    @Transactional(readOnly = true)
    public List<CaseRow> forWindow(CaseStatus status) {
        String where = status == null ? "" : " where c.status = :status";
        var spec = jdbc.sql(CASE_SELECT + where + """
                 order by case c.status when 'SUBMITTED' then 0 when 'READY' then 1 else 2 end, c.submitted_at desc limit 200""");
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query((rs, n) -> caseRow(rs)).list();
    }

    /** A department's parts: open ones first (by due date), then recently decided. */
    @Transactional(readOnly = true)
    public List<PartRow> forUnit(long unitId, boolean openOnly) {
        List<PartRow> rows = jdbc.sql("""
                select c.id, c.reference, coalesce(d.name, c.service_code) as service_name, p.code, p.item, p.status, c.status as case_status,
                       p.started_at
                  from service_case_part p join service_case c on c.id = p.case_id
                  left join service_definition d on d.code = c.service_code and d.version = c.service_version
                 where p.unit_id = :u and p.status <> 'WAITING'%s
                 order by case when p.status in %s then 0 else 1 end, p.started_at desc limit 200"""
                .formatted(openOnly ? " and p.status in " + PartStatus.OPEN_SQL : "", PartStatus.OPEN_SQL))
                .param("u", unitId)
                .query((rs, n) -> new PartRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        PartStatus.valueOf(rs.getString(6)), CaseStatus.valueOf(rs.getString(7)), instant(rs, "started_at"), null))
                .list();
        Map<String, ClockView> clocks = deadlines.find(ServiceCase.CLOCK_SUBJECT,
                rows.stream().map(r -> ServiceCase.clockId(r.caseId(), r.partCode())).toList());
        return rows.stream().map(r -> new PartRow(r.caseId(), r.reference(), r.serviceName(), r.partCode(), r.item(), r.status(),
                r.caseStatus(), r.startedAt(), clocks.get(ServiceCase.clockId(r.caseId(), r.partCode())))).toList();
    }

    /** The clocks of an application's parts, by part code. */
    @Transactional(readOnly = true)
    public Map<String, ClockView> clocks(ServiceCase c) {
        Map<String, ClockView> byId = deadlines.find(ServiceCase.CLOCK_SUBJECT, c.parts().stream().map(p -> c.clockId(p.code())).toList());
        java.util.Map<String, ClockView> byPart = new java.util.HashMap<>();
        c.parts().forEach(p -> {
            ClockView v = byId.get(c.clockId(p.code()));
            if (v != null) {
                byPart.put(p.code(), v);
            }
        });
        return byPart;
    }

    private static CaseRow caseRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("reference"), rs.getString("service_name"), rs.getString("applicant_name"),
                CaseStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"), rs.getInt("parts"), rs.getInt("decided"));
    }
}
