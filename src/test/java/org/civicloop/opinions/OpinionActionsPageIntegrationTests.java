package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.shared.BusinessException;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.civicloop.testing.WebClient;
import java.util.Map;

/**
 * The opinion's staff page offers what the service accepts, and the service refuses what the page
 * does not offer: while the office decides a unit's request, the unit waits; it is not offered
 * 签收, and signing (which would have cancelled its own request) is refused. The office routes an
 * accepted opinion only.
 */
@IntegrationTest
class OpinionActionsPageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    OpinionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    @Test
    void whileTheOfficeDecidesAReturnTheUnitWaitsAndCannotSign() throws Exception {
        var opinion = f.submitted("小区门口的井盖松动，踩上去会响");
        long order = f.forwardedToHousing(opinion);
        service.requestReturn(order, "井盖归供水公司管理", f.user("unit"));

        Document unit = page("/opinions/" + opinion.id(), "unit");
        assertThat(unit.select("#unit-actions form")).isEmpty();
        assertThat(unit.select("#unit-actions").text()).contains("等待人大办审批");
        assertThat(page("/opinions/" + opinion.id(), "office").select("#approve-return")).hasSize(1);

        assertThatThrownBy(() -> service.sign(order, f.user("unit"))).isInstanceOf(BusinessException.class)
                .extracting("messageKey").isEqualTo("workOrder.error.transition");
        assertThat(orderStatus(order)).isEqualTo("RETURN_REQUESTED");
    }

    @Test
    void whileTheOfficeDecidesAnExtensionTheUnitCannotSignItAway() throws Exception {
        var opinion = f.submitted("公交站台的遮雨棚漏水");
        long order = f.forwardedToHousing(opinion);
        service.sign(order, f.user("unit"));
        service.requestExtension(order, 5, "需要协调公交公司", f.user("unit"));

        assertThat(page("/opinions/" + opinion.id(), "unit").select("#sign")).isEmpty();
        assertThat(page("/opinions/" + opinion.id(), "office").select("#approve-extension")).hasSize(1);
        assertThatThrownBy(() -> service.sign(order, f.user("unit"))).isInstanceOf(BusinessException.class)
                .extracting("messageKey").isEqualTo("workOrder.error.transition");
        assertThat(orderStatus(order)).isEqualTo("EXTENSION_REQUESTED");
    }

    /** Routing is offered on an accepted opinion only; the service refuses it on one a unit handles or that was answered. */
    @Test
    void theOfficeDoesNotAnswerAnOpinionAUnitHandlesNorForwardOneAlreadyAnswered() throws Exception {
        var handled = f.submitted("路边的垃圾桶满了没人清运");
        long order = f.forwardedToHousing(handled);
        assertThat(page("/opinions/" + handled.id(), "office").select("#route-actions")).isEmpty();
        assertThatThrownBy(() -> service.answer(handled.id(), "已处理。", f.user("office"))).isInstanceOf(BusinessException.class)
                .extracting("messageKey").isEqualTo("opinion.error.transition");
        assertThat(f.status(handled.id())).isEqualTo("HANDLING");
        assertThat(orderStatus(order)).isEqualTo("ASSIGNED");

        var answered = f.submitted("希望村里的文化广场装几盏灯");
        service.accept(answered.id(), f.user("office"));
        service.answer(answered.id(), "已列入今年计划。", f.user("office"));
        assertThat(page("/opinions/" + answered.id(), "office").select("#route-actions")).isEmpty();
        assertThatThrownBy(() -> service.forward(answered.id(), f.unitId("花溪区住房和城乡建设局"), null, f.user("office")))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("opinion.error.transition");
        assertThat(f.status(answered.id())).isEqualTo("REPLIED");
        assertThat(jdbc.sql("select count(*) from work_order where opinion_id = :id").param("id", answered.id())
                .query(Long.class).single()).isZero();
    }

    /**
     * A stale action (the opinion was accepted in another tab, then 不予受理 is sent from this one): the refusal names
     * both states in the reader's language. It read "当前状态（ACCEPTED）下不能进行这项操作（REJECTED）。", the codes.
     * Over real HTTP: the states travel in the flash scope through the JDBC session.
     */
    @Test
    void aStaleActionNamesTheStatesInTheReadersLanguage() throws Exception {
        var opinion = f.submitted("村口的路灯坏了一个多月");
        service.accept(opinion.id(), f.user("office"));
        WebClient office = new WebClient(port).signIn("office");
        String page = "/opinions/" + opinion.id();

        var zh = office.post(page + "?lang=zh_CN", page + "/reject", Map.of("reason", "NO_CONTENT", "note", ""));
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(zh.body()).select("#action-failed").text())
                .isEqualTo("这条意见现在是“已受理”，这项操作已不能进行。请刷新页面查看最新情况。");
        var en = office.post(page + "?lang=en", page + "/reject", Map.of("reason", "NO_CONTENT", "note", ""));
        assertThat(Jsoup.parse(en.body()).select("#action-failed").text())
                .isEqualTo("This opinion is now \"Accepted\", so this can no longer be done. Reload the page to see what changed.");
        assertThat(f.status(opinion.id())).isEqualTo("ACCEPTED");
    }

    private String orderStatus(long order) {
        return jdbc.sql("select status from work_order where id = :id").param("id", order).query(String.class).single();
    }

    private Document page(String path, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(users.loadUserByUsername(role)))).andReturn().getResponse()
                .getContentAsString());
    }
}
