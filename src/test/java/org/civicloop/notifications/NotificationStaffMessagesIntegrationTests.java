package org.civicloop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.civicloop.shared.Actor;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff inboxes: each sees their own messages, newest first, and nobody else's. */
@IntegrationTest
class NotificationStaffMessagesIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    UserDetails station;
    UserDetails window;
    long stationId;

    @BeforeEach
    void accounts() {
        station = demo.user("station");
        window = demo.user("window");
        stationId = ((Actor) station).accountId();
        clear();
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from staff_message where account_id in (:ids)")
                .param("ids", List.of(stationId, ((Actor) window).accountId())).update();
    }

    @Test
    void shouldListTheirOwnMessagesNewestFirstWithTheUnreadCount() throws Exception {
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("第一条"), "/workbench");
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("第二条"), null);
        String page = mvc.perform(get("/messages").with(user(station)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 条未读")))
                .andExpect(content().string(containsString("id=\"badge-messages\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("第二条，您好")).isPositive().isLessThan(page.indexOf("第一条，您好"));
        assertThat(notifications.unreadStaffMessages(stationId)).isEqualTo(2);
        // an error page draws the same header, the badge included
        mvc.perform(get("/no-such-page").with(user(station)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("id=\"badge-messages\"")))
                .andExpect(content().string(containsString("ms-1\"><span>2</span>")));

        mvc.perform(get("/messages").with(user(window)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("第一条"))))
                .andExpect(content().string(not(containsString("id=\"badge-messages\""))));
    }

    @Test
    void shouldMarkAMessageReadWithOrWithoutJavaScript() throws Exception {
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("甲"), null);
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("乙"), null);
        long first = idOf("甲");
        long second = idOf("乙");

        mvc.perform(post("/messages/{id}/read", first).with(user(station)).with(csrf()))
                .andExpect(redirectedUrl("/messages"));
        mvc.perform(post("/messages/{id}/read", second).with(user(station)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"message-" + second + "\"")))
                .andExpect(content().string(not(containsString("/messages/" + second + "/read"))))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(notifications.unreadStaffMessages(stationId)).isZero();
    }

    @Test
    void followingAMessageMarksItReadAndLeadsToItsLink() throws Exception {
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("丙"), "/my-unit");
        mvc.perform(get("/messages/{id}", idOf("丙")).with(user(station))).andExpect(redirectedUrl("/my-unit"));
        assertThat(notifications.unreadStaffMessages(stationId)).isZero();
    }

    @Test
    void markAllReadEmptiesTheUnreadCount() throws Exception {
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("丁"), null);
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("戊"), null);
        mvc.perform(post("/messages/read-all").with(user(station)).with(csrf())).andExpect(redirectedUrl("/messages"));
        assertThat(notifications.unreadStaffMessages(stationId)).isZero();
    }

    @Test
    void anotherAccountCanNeitherReadNorMarkAMessage() throws Exception {
        notifications.notifyStaff(stationId, "workbench.greeting", List.of("己"), "/workbench");
        long id = idOf("己");
        mvc.perform(get("/messages/{id}", id).with(user(window)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("己"))));
        mvc.perform(post("/messages/{id}/read", id).with(user(window)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/messages/read-all").with(user(window)).with(csrf()));
        assertThat(notifications.unreadStaffMessages(stationId)).isEqualTo(1);
        mvc.perform(get("/messages/{id}", 999_999_999L).with(user(station))).andExpect(status().isNotFound());
    }

    @Test
    void theInboxNeedsASignedInUser() throws Exception {
        mvc.perform(get("/messages")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aMessageIsLeftOnlyIfTheCallersTransactionCommits() {
        tx.executeWithoutResult(status -> {
            notifications.notifyStaff(stationId, "workbench.greeting", List.of("庚"), null);
            status.setRollbackOnly();
        });
        assertThat(notifications.unreadStaffMessages(stationId)).isZero();
    }

    @Test
    void linksMustStayInsideCivicLoopAndKeysMustExist() {
        for (String link : List.of("https://evil.example.cn/", "//evil.example.cn", "javascript:alert(1)", "/\\evil", "relative")) {
            assertThatThrownBy(() -> notifications.notifyStaff(stationId, "workbench.greeting", List.of("x"), link))
                    .as(link).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> notifications.notifyStaff(stationId, "no.such.key", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(notifications.unreadStaffMessages(stationId)).isZero();
    }

    @Test
    void everyoneSignedInFindsTheInboxInTheNavigation() throws Exception {
        mvc.perform(get("/workbench").with(user(window)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/messages\"")));
    }

    private long idOf(String argument) {
        return jdbc.sql("select id from staff_message where account_id = :a and arguments ->> 0 = :arg")
                .param("a", stationId).param("arg", argument).query(Long.class).single();
    }
}
