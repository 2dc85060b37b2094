package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A unit's work orders come in pages, the nearest deadline first, however many there are. */
@IntegrationTest
class WorkOrderInboxIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void aUnitsWorkOrdersComeInPagesOfFiftyNearestDeadlineFirstLosingAndRepeatingNothing() throws Exception {
        OpinionFixtures f = new OpinionFixtures(service, users, jdbc);
        String name = "工单分页测试局-" + System.nanoTime();
        long unit = jdbc.sql("""
                insert into org_unit (name, kind, region_code, handles_items) values (:n, 'GOVERNMENT_DEPARTMENT', '520111', true)
                returning id""").param("n", name).query(Long.class).single();
        CivicUser clerk = new CivicUser(-unit, "clerk" + unit, name, unit, name, Set.of(Role.HANDLING_UNIT), true, null, false, 0, null);
        CivicUser office = f.user("office");
        for (int i = 0; i < 53; i++) {
            Opinion o = f.submitted("工单分页测试第" + i + "件：路灯不亮，晚上出行不便。");
            service.accept(o.id(), office);
            service.forward(o.id(), unit, "请核实处理", office);
        }
        assertThat(jdbc.sql("select count(*) from work_order where unit_id = :u and due_at is not null").param("u", unit)
                .query(Long.class).single()).as("every order keeps its due time").isEqualTo(53);

        String first = page("/work-orders", clerk);
        List<String> firstOrders = orders(first);
        assertThat(firstOrders).hasSize(50).doesNotHaveDuplicates();
        assertThat(firstOrders.get(0)).as("forwarded first, due first").isEqualTo("工单分页测试第0件");
        String next = Pattern.compile("id=\"inbox-next\"\\s+href=\"([^\"]+)\"").matcher(first).results()
                .map(m -> m.group(1).replace("&amp;", "&")).findFirst().orElseThrow();
        String second = page(next, clerk);
        assertThat(orders(second)).hasSize(3).doesNotContainAnyElementsOf(firstOrders);
        assertThat(second).doesNotContain("id=\"inbox-next\"");
        List<String> all = new ArrayList<>(firstOrders);
        all.addAll(orders(second));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 53).mapToObj(i -> "工单分页测试第" + i + "件").toList());
    }

    private String page(String url, CivicUser clerk) throws Exception {
        return mvc.perform(get(URI.create(url)).with(user(clerk))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> orders(String html) {
        return Pattern.compile("工单分页测试第\\d+件").matcher(html).results().map(MatchResult::group).toList();
    }
}
