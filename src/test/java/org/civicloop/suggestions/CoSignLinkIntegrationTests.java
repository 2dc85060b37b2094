package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.notifications.RecordingSmsSender;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.CoSignLinks;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 12: a co-signer without an account confirms through a link sent to their phone. The
 * link works once and only for its own co-signer; the database keeps only its hash; the draft can
 * then be submitted.
 */
@IntegrationTest
class CoSignLinkIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService service;
    @Autowired
    CoSignLinks links;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordingSmsSender sms;

    @Test
    void aCoSignerWithoutAnAccountConfirmsByTheLinkOnTheirPhoneOnce() throws Exception {
        CivicUser deputy = demo.user("deputy");
        long lead = service.deputyIdOf(deputy);
        // a deputy of the roster with a phone and no login, as most are
        var coSigner = jdbc.sql("select id, phone from deputy where id <> :l and account_id is null and phone is not null "
                        + "and phone <> '' order by id limit 1").param("l", lead)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long coSignerId = (Long) coSigner[0];
        String phone = (String) coSigner[1];
        long id = service.draft(new SuggestionDraft("关于短信联名确认的建议", "联名代表没有账号，也能用手机确认联名。", "URBAN",
                SubmissionPeriod.RECESS, List.of(coSignerId), List.of()), deputy);
        int before = sms.sentTo(phone).size();

        assertThat(links.send(id, deputy, Instant.now())).isEqualTo(new CoSignLinks.Sent(1, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> sms.sentTo(phone).size() == before + 1);
        String text = sms.sentTo(phone).get(before).text();
        Matcher m = Pattern.compile("/public/cosign/([A-Za-z0-9_-]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        String secret = m.group(1);
        assertThat(jdbc.sql("select count(*) from suggestion_cosign_link where token_hash = :s").param("s", secret)
                .query(Long.class).single()).as("the secret itself is not stored").isZero();

        String page = mvc.perform(get("/public/cosign/" + secret)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("关于短信联名确认的建议", "我同意联名");
        assertThat(mvc.perform(get("/public/cosign/" + secret.substring(1) + "x")).andReturn().getResponse().getStatus())
                .isEqualTo(410);

        mvc.perform(post("/public/cosign/" + secret).with(csrf()));
        assertThat(jdbc.sql("select confirmed_at is not null from suggestion_co_signer where suggestion_id = :s and deputy_id = :d")
                .param("s", id).param("d", coSignerId).query(Boolean.class).single()).isTrue();
        // once only
        assertThat(mvc.perform(post("/public/cosign/" + secret).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(410);
        // every co-signer has confirmed: the lead deputy can submit, and there is nobody left to ask
        service.submit(id, deputy);
        assertThatThrownBy(() -> links.send(id, deputy, Instant.now())).isInstanceOf(BusinessException.class);
    }
}
