package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A unit's work orders come in pages, the nearest deadline first, however many there are; they filter by
 * status and category, and the ticked ones are signed for at once, all or none.
 */
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
    @Autowired
    MessageSource messages;

    /** A handling unit of its own (no other test's orders in its inbox) and a clerk of it. */
    private CivicUser clerkOfNewUnit(String prefix) {
        String name = prefix + System.nanoTime();
        long unit = jdbc.sql("""
                insert into org_unit (name, kind, region_code, handles_items) values (:n, 'GOVERNMENT_DEPARTMENT', '520111', true)
                returning id""").param("n", name).query(Long.class).single();
        return new CivicUser(-unit, "clerk" + unit, name, unit, name, Set.of(Role.HANDLING_UNIT), true, null, false, 0, null);
    }

    @Test
    void aUnitsWorkOrdersComeInPagesOfFiftyNearestDeadlineFirstLosingAndRepeatingNothing() throws Exception {
        OpinionFixtures f = new OpinionFixtures(service, users, jdbc);
        CivicUser clerk = clerkOfNewUnit("工单分页测试局-");
        long unit = clerk.unitId();
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

    @Test
    void theInboxFiltersByStatusAndCategoryAndSignsTheTickedOrdersAllOrNone() throws Exception {
        OpinionFixtures f = new OpinionFixtures(service, users, jdbc);
        CivicUser clerk = clerkOfNewUnit("批量签收测试局-");
        long unit = clerk.unitId();
        CivicUser office = f.user("office");
        // four housing (URBAN) orders and one transport (TRAFFIC) order, all 待签收; the fourth is then signed for
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Opinion o = service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category(i == 4 ? "TRAFFIC" : "URBAN")
                    .content("批量签收测试第" + i + "件：路灯不亮，晚上出行不便。").place(f.anyVillageOf(OpinionFixtures.QINGYAN), null)
                    .voter("张三", "13800138000", null).consent(true).build(), List.of());
            service.accept(o.id(), office);
            orders.add(service.forward(o.id(), unit, "请核实处理", office));
        }
        service.sign(orders.get(3), clerk);

        String toSign = page("/work-orders?state=ASSIGNED", clerk);
        assertThat(batch(toSign)).as("only the four still to sign for").containsExactly("批量签收测试第0件", "批量签收测试第1件",
                "批量签收测试第2件", "批量签收测试第4件");
        assertThat(page("/work-orders?state=SIGNED", clerk)).contains("批量签收测试第3件").doesNotContain("批量签收测试第0件");
        assertThat(batch(page("/work-orders?category=TRAFFIC", clerk))).containsExactly("批量签收测试第4件");
        assertThat(batch(page("/work-orders?state=ASSIGNED&category=TRAFFIC", clerk))).containsExactly("批量签收测试第4件");
        assertThat(batch(page("/work-orders?state=NOT_A_STATE", clerk))).as("an unknown state filters nothing").hasSize(5);
        // a box to tick on each order to sign for, none on the signed one
        assertThat(toSign).contains("id=\"pick-" + orders.get(0) + "\"", "id=\"bulk-sign-button\"");
        assertThat(page("/work-orders", clerk)).doesNotContain("id=\"pick-" + orders.get(3) + "\"");

        // nothing ticked: said so, nothing signed
        mvc.perform(post("/work-orders/sign").param("state", "ASSIGNED").with(user(clerk)).with(csrf()))
                .andExpect(redirectedUrl("/work-orders?active=true&state=ASSIGNED&category="))
                .andExpect(flash().attribute("failed", "workOrder.error.nothingSelected"));

        // one of them signed meanwhile: none of the ticked is signed, and the reason names the status in words
        var refused = mvc.perform(post("/work-orders/sign").param("orders", orders.get(0).toString(), orders.get(3).toString())
                        .with(user(clerk)).with(csrf()))
                .andExpect(flash().attribute("failed", "workOrder.error.transition")).andReturn();
        assertThat(f.orderStatus(orders.get(0))).as("all or none").isEqualTo("ASSIGNED");
        // as the page's outcome shows it (#messages.msgWithParams(failed, failedArgs)): the status in words, not SIGNED
        Object[] args = (Object[]) refused.getFlashMap().get("failedArgs");
        assertThat(messages.getMessage("workOrder.error.transition", args, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("这个工单现在是“办理中”，这项操作已不能进行。请刷新页面查看最新情况。");
        assertThat(messages.getMessage("workOrder.error.transition", args, Locale.ENGLISH))
                .isEqualTo("This work order is now \"In hand\", so this can no longer be done. Reload the page to see what changed.");

        // another unit's order among the ticked: not found, and nothing signed
        long other = f.forwardedToHousing(f.submitted("批量签收测试：别的单位的工单。"));
        mvc.perform(post("/work-orders/sign").param("orders", orders.get(0).toString(), Long.toString(other))
                .with(user(clerk)).with(csrf())).andExpect(status().isNotFound());
        assertThat(f.orderStatus(orders.get(0))).isEqualTo("ASSIGNED");
        assertThat(f.orderStatus(other)).isEqualTo("ASSIGNED");

        // three ticked: all three signed, each with its line in the history
        mvc.perform(post("/work-orders/sign").param("orders", orders.get(0).toString(), orders.get(1).toString(),
                        orders.get(4).toString()).param("state", "ASSIGNED").with(user(clerk)).with(csrf()))
                .andExpect(redirectedUrl("/work-orders?active=true&state=ASSIGNED&category="))
                .andExpect(flash().attribute("done", "workOrder.done.signedAll"));
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> f.orderStatus(orders.get(i))).toList())
                .containsExactly("SIGNED", "SIGNED", "ASSIGNED", "SIGNED", "SIGNED");
        assertThat(jdbc.sql("""
                        select count(*) from opinion_step s join work_order w on w.opinion_id = s.opinion_id
                        where w.id in (:ids) and s.kind = 'workOrder.signed'""")
                .param("ids", List.of(orders.get(0), orders.get(1), orders.get(4))).query(Long.class).single()).isEqualTo(3);
        assertThat(batch(page("/work-orders?state=ASSIGNED", clerk))).containsExactly("批量签收测试第2件");
    }

    private static List<String> batch(String html) {
        return Pattern.compile("批量签收测试第\\d+件").matcher(html).results().map(MatchResult::group).toList();
    }

    private String page(String url, CivicUser clerk) throws Exception {
        return mvc.perform(get(URI.create(url)).with(user(clerk))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> orders(String html) {
        return Pattern.compile("工单分页测试第\\d+件").matcher(html).results().map(MatchResult::group).toList();
    }
}
