package org.civicloop.suggestions.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.organization.Role;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Builds suggestions for KPI tests through {@link SuggestionService}, the way people do: a deputy
 * drafts and submits, the office registers and assigns (at a chosen moment, so deadlines can lie in
 * the past), units created for the test sign and reply. Units are created per test so that their
 * figures belong to the test alone.
 */
public class KpiFixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static long nextAccount = 991_000L;

    private final SuggestionService service;
    private final JdbcClient jdbc;
    public final CivicUser deputy;
    public final CivicUser office;

    public KpiFixtures(SuggestionService service, JdbcClient jdbc, UserDetailsService users) {
        this.service = service;
        this.jdbc = jdbc;
        DemoFixture demo = new DemoFixture(jdbc, users);
        this.deputy = demo.user("deputy");
        this.office = demo.user("office");
    }

    /** A handling unit of its own and a clerk of it (no login needed: the service is called directly). */
    public record TestUnit(long id, String name, CivicUser clerk) {
    }

    public TestUnit unit(String name) {
        String unique = name + "-" + System.nanoTime();
        long id = jdbc.sql("""
                insert into org_unit (name, kind, region_code, handles_items) values (:n, 'GOVERNMENT_DEPARTMENT', '520111', true)
                returning id""").param("n", unique).query(Long.class).single();
        CivicUser clerk = new CivicUser(nextAccount++, "clerk" + id, unique, id, unique, Set.of(Role.HANDLING_UNIT), true, null,
                false, 0, null);
        return new TestUnit(id, unique, clerk);
    }

    /** 10:00 in Shanghai, {@code daysAgo} days before today. */
    public static Instant daysAgo(int daysAgo) {
        return LocalDate.now(ZONE).minusDays(daysAgo).atTime(10, 0).atZone(ZONE).toInstant();
    }

    public long registered(String title, boolean confidential) {
        long id = service.draft(new SuggestionDraft(title, "关于" + title + "的建议内容。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of()), deputy);
        service.submit(id, deputy);
        service.register(id, "URBAN", false, confidential, office);
        return id;
    }

    /** Registered and assigned to one lead unit at {@code at}; the lead is seq 1. */
    public long ledBy(String title, TestUnit lead, Instant at) {
        long id = registered(title, false);
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(lead.id(), AssignmentRole.LEAD)), office, at);
        return id;
    }

    /** The unit signs and replies now with a class; the office audits it to {@code auditedClass} unless null. */
    public void reply(long id, int seq, TestUnit unit, String unitClass, String auditedClass) {
        service.sign(id, seq, unit.clerk());
        replyAgain(id, seq, unit, unitClass, auditedClass);
    }

    /** A reply without signing first (a rehandling round is already signed). */
    public void replyAgain(long id, int seq, TestUnit unit, String unitClass, String auditedClass) {
        service.reply(id, seq, "答复：已按建议办理。", unitClass, unit.clerk());
        if (auditedClass != null) {
            service.auditReply(id, seq, auditedClass, office);
        }
    }

    public void evaluate(long id, org.civicloop.suggestions.domain.Evaluation value) {
        service.sendForEvaluation(id, office);
        service.evaluate(id, value, null, deputy);
    }
}
