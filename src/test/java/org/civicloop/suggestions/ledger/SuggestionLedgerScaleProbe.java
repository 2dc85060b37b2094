package org.civicloop.suggestions.ledger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Not part of the suite (surefire runs *Tests): the ledger on 50,000 suggestions, run by hand with
 * {@code ./mvnw -B -o test -Dtest=SuggestionLedgerScaleProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 * It fills the test database (so never run it with other tests), prints the plans and timings of the
 * ledger's queries, the page and the full export.
 */
@IntegrationTest
class SuggestionLedgerScaleProbe {

    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SuggestionLedger ledger;
    @Autowired
    MockMvc mvc;

    @Test
    void fiftyThousandSuggestions() throws Exception {
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into suggestion (title, content, category, lead_deputy_id, period, key_suggestion, status, mode,
                                        created_by_account, created_at, submitted_at, registered_at, assigned_at, updated_at,
                                        evaluation, evaluated_at, closed_at)
                select '规模测试建议 ' || g, '内容 ' || g,
                       (array['FINANCE','AGRICULTURE','URBAN','EDUCATION','JUDICIAL','SOCIAL','OTHER'])[1 + g % 7],
                       (select min(id) from deputy) + g % 5,
                       case when g % 4 = 0 then 'SESSION' else 'RECESS' end, g % 10 = 0,
                       st, case when st in ('ASSIGNED','REPLIED','CLOSED') then 'LEAD_AND_CO' end,
                       1, at, at, at, at, at + interval '30 days',
                       case when st = 'CLOSED' then (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 3] end,
                       case when st = 'CLOSED' then at + interval '100 days' end,
                       case when st = 'CLOSED' then at + interval '100 days' end
                  from generate_series(1, 50000) g,
                       lateral (select (array['CLOSED','CLOSED','CLOSED','CLOSED','ASSIGNED','ASSIGNED','ASSIGNED','REPLIED','REGISTERED','SUBMITTED'])[1 + g % 10] as st,
                                       timestamptz '2022-01-01' + (g * interval '50 minutes') as at) x""").update();
        jdbc.sql("""
                insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, assigned_at, due_at, warn_at, result_class,
                                                   reply_text, replied_at, audited)
                select s.id, 1, u.ids[1 + s.id % array_length(u.ids, 1)], 'LEAD',
                       case when s.status = 'ASSIGNED' then 'SIGNED' else 'REPLIED' end, s.assigned_at,
                       now() + ((s.id % 180) - 90) * interval '1 day', now() + ((s.id % 180) - 104) * interval '1 day',
                       case when s.status <> 'ASSIGNED' then (array['A','B','C','D'])[1 + s.id % 4] end,
                       case when s.status <> 'ASSIGNED' then '答复' end,
                       case when s.status <> 'ASSIGNED' then s.assigned_at + interval '60 days' end, s.status <> 'ASSIGNED'
                  from suggestion s, (select array_agg(id order by id) as ids from org_unit where handles_items) u
                 where s.status in ('ASSIGNED', 'REPLIED', 'CLOSED') and s.title like '规模测试建议%'""").update();
        jdbc.sql("""
                insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, assigned_at, due_at, warn_at)
                select s.id, 2, u.ids[1 + (s.id + 3) % array_length(u.ids, 1)], 'CO',
                       case when s.status = 'ASSIGNED' then 'SIGNED' else 'VIEW_SENT' end, s.assigned_at,
                       now() + ((s.id % 100) - 50) * interval '1 day', now() + ((s.id % 100) - 57) * interval '1 day'
                  from suggestion s, (select array_agg(id order by id) as ids from org_unit where handles_items) u
                 where s.status in ('ASSIGNED', 'REPLIED', 'CLOSED') and s.id % 3 = 0 and s.title like '规模测试建议%'""").update();
        jdbc.sql("analyze suggestion").update();
        jdbc.sql("analyze suggestion_assignment").update();
        System.out.printf("PROBE fill: %d suggestions, %d assignments in %d ms%n",
                jdbc.sql("select count(*) from suggestion").query(Long.class).single(),
                jdbc.sql("select count(*) from suggestion_assignment").query(Long.class).single(), (System.nanoTime() - t0) / 1_000_000);

        long unit = jdbc.sql("select min(id) from org_unit where handles_items").query(Long.class).single();
        Map<String, SuggestionLedger.Filter> filters = Map.of(
                "none", SuggestionLedger.Filter.none(),
                "year2024", new SuggestionLedger.Filter(2024, "", "", "", null, false, false, "", ""),
                "overdue", new SuggestionLedger.Filter(null, "", "", "", null, false, true, "", ""),
                "unit+overdue", new SuggestionLedger.Filter(null, "", "", "", unit, false, true, "", ""),
                "unit", new SuggestionLedger.Filter(null, "", "", "", unit, false, false, "", ""),
                "classA+2023", new SuggestionLedger.Filter(2023, "", "", "", null, false, false, "A", ""),
                "status+category+key", new SuggestionLedger.Filter(null, "", "CLOSED", "URBAN", null, true, false, "", ""),
                "dissatisfied+session", new SuggestionLedger.Filter(null, "SESSION", "", "", null, false, false, "", "DISSATISFIED"));
        Instant now = Instant.now();
        for (int round = 0; round < 2; round++) {
            for (var e : filters.entrySet()) {
                long a = System.nanoTime();
                var page = ledger.page(e.getValue(), null, 51, now);
                long b = System.nanoTime();
                Long before = page.isEmpty() ? null : page.get(page.size() - 1).id();
                var second = ledger.page(e.getValue(), before, 51, now);
                long c = System.nanoTime();
                long count = ledger.count(e.getValue(), now);
                long d = System.nanoTime();
                if (round == 1) {
                    System.out.printf("PROBE %-22s rows %6d  page1 %6.1f ms  page2 %6.1f ms (%d)  count %6.1f ms%n", e.getKey(), count,
                            (b - a) / 1e6, (c - b) / 1e6, second.size(), (d - c) / 1e6);
                }
            }
        }
        explain("select * from suggestion s where s.status <> 'DRAFT' and exists (select 1 from suggestion_assignment a "
                + "where a.suggestion_id = s.id and a.status in ('ASSIGNED','SIGNED','RETURN_REQUESTED','EXTENSION_REQUESTED') "
                + "and a.due_at < now()) order by s.id desc limit 51");
        explain("select * from suggestion s where s.status <> 'DRAFT' and s.submitted_at >= '2024-01-01' and s.submitted_at < '2025-01-01' "
                + "and exists (select 1 from suggestion_assignment a where a.suggestion_id = s.id and a.role <> 'CO' and a.result_class = 'A') "
                + "order by s.id desc limit 51");
        explain("select count(*) from suggestion s where s.status <> 'DRAFT' and exists (select 1 from suggestion_assignment a "
                + "where a.suggestion_id = s.id and a.unit_id = " + unit + ")");

        for (int round = 0; round < 2; round++) {
            long[] n = {0};
            long a0 = System.nanoTime();
            ledger.stream(SuggestionLedger.Filter.none(), now, r -> n[0]++);
            System.out.printf("PROBE stream all rows (no sheet): %d rows in %d ms%n", n[0], (System.nanoTime() - a0) / 1_000_000);
        }
        for (int round = 0; round < 2; round++) {
            long a = System.nanoTime();
            MvcResult started = mvc.perform(get("/suggestions/ledger.xlsx").with(user(demo.user("office"))))
                    .andExpect(request().asyncStarted()).andReturn();
            started.getAsyncResult(300_000);
            MvcResult done = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
            long b = System.nanoTime();
            System.out.printf("PROBE export all: %d bytes in %d ms%n", done.getResponse().getContentAsByteArray().length, (b - a) / 1_000_000);
            a = System.nanoTime();
            mvc.perform(get("/suggestions/ledger").with(user(demo.user("office")))).andExpect(status().isOk());
            System.out.printf("PROBE ledger page (HTTP): %d ms%n", (System.nanoTime() - a) / 1_000_000);
        }
    }

    private void explain(String sql) {
        List<String> plan = jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list();
        System.out.println("PROBE plan: " + sql);
        plan.forEach(l -> System.out.println("PROBE   " + l));
    }
}
