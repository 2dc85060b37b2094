package org.civicloop.legislation.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.civicloop.legislation.LegislationFixture;
import org.civicloop.legislation.report.Reports;
import org.civicloop.notifications.RecordingSmsSender;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Adoption fed back on the real database: the SMS once per commenter per draft, judging, publishing, the public page. */
@IntegrationTest
class AdoptionIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String FINAL = """
            测试条例
            第一章 总则
            第一条 养犬人携犬出户时，应当为犬只束犬链，犬链长度不得超过一点五米。
            第二条 本条例自二〇二六年十月一日起施行。
            """;

    @Autowired JdbcClient jdbc;
    @Autowired Reports reports;
    @Autowired Adoption adoption;
    @Autowired AdoptionDemoData demo;
    @Autowired RecordingSmsSender gateway;
    @Autowired MockMvc mvc;

    LegislationFixture fx;
    CivicUser office;
    long point;
    long draft;
    long a1;
    String phone;
    String phone2;

    @BeforeEach
    void fixture() {
        fx = new LegislationFixture(jdbc);
        office = fx.office();
        point = fx.site(0);
        draft = fx.draft("test-adoption-" + System.nanoTime(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), point);
        a1 = fx.article(draft, 1, 1, "总则", "养犬人携犬出户时，应当为犬只束犬链。");
        fx.article(draft, 2, 1, "总则", "重点管理区域内禁止个人饲养大型犬。");
        fx.article(draft, 3, 1, "总则", "本条例自公布之日起施行。");
        phone = "1390852" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        phone2 = "1390853" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        // the same person twice (the second time with spaces in the number), another person, one without a number
        fx.comment(draft, a1, "QR", point, null, "建议写明犬链长度不超过一点五米，防止伤人", phone);
        fx.comment(draft, null, "QR", point, null, "希望条例多一些服务措施，少一些处罚", phone.substring(0, 3) + " " + phone.substring(3));
        fx.comment(draft, a1, "QR", point, null, "犬链应当有长度限制，一点五米比较合适", phone2);
        fx.comment(draft, a1, "QR", point, null, "支持", null);
    }

    @Test
    void theAdoptionSmsGoesOnceToEachCommenterEvenWhenTheFeedbackIsPublishedTwice() throws Exception {
        demo.feedBack(draft, Instant.now()); // no final text yet: reports sent, nothing published
        assertThat(adoption.publicFeedback(draft)).isEmpty();
        assertThatThrownBy(() -> adoption.publish(office, draft, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.adoption.error.noFinalText");

        adoption.enterFinalText(office, draft, FINAL, LocalDate.of(2026, 6, 1));
        var suggestions = adoption.feedback(draft).suggestions();
        assertThat(suggestions).isNotEmpty();
        assertThatThrownBy(() -> adoption.publish(office, draft, Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.adoption.error.unjudged");
        for (var s : suggestions) {
            adoption.judge(office, draft, s.id(), "ADOPTED", "已写入第一条", Instant.now());
        }

        assertThat(adoption.publish(office, draft, Instant.now())).isEqualTo(2);
        assertThat(adoption.publish(office, draft, Instant.now())).isZero();
        await().atMost(WAIT).until(() -> gateway.sentTo(phone).size() == 1 && gateway.sentTo(phone2).size() == 1);
        Thread.sleep(500);
        assertThat(gateway.sentTo(phone)).hasSize(1);
        assertThat(gateway.sentTo(phone2)).hasSize(1);
        assertThat(gateway.sentTo(phone).get(0).text()).contains("/public/drafts/" + draft + "/feedback");
        assertThat(jdbc.sql("select count(*) from legislation_feedback_sms where draft_id = :d").param("d", draft)
                .query(Long.class).single()).isEqualTo(2);
        // the unique key itself refuses a second row for the same number and draft
        assertThatThrownBy(() -> jdbc.sql("insert into legislation_feedback_sms (draft_id, phone, sent_at) values (:d, :p, now())")
                .param("d", draft).param("p", phone).update()).hasMessageContaining("legislation_feedback_sms_pkey");

        // once published, nothing changes any more
        assertThatThrownBy(() -> adoption.judge(office, draft, suggestions.get(0).id(), "PARTLY", "改", Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.adoption.error.published");

        // the public page: no session, the counts and the differences
        var page = mvc.perform(get("/public/drafts/" + draft + "/feedback").accept("text/html"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<ins")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不得超过一点五米")))
                .andReturn();
        assertThat(page.getRequest().getSession(false)).as("no session on a public page").isNull();
        assertThat(page.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION") || c.startsWith("JSESSIONID"));
        mvc.perform(get("/public/drafts/feedback").accept("text/html")).andExpect(status().isOk());
    }

    @Test
    void theDemoPathSendsReportsJudgesAndPublishesForAPassedDraft() {
        jdbc.sql("update legislation_draft set final_text = :t, passed_on = :p where id = :d")
                .param("t", FINAL).param("p", LocalDate.of(2026, 6, 1)).param("d", draft).update();
        demo.feedBack(draft, Instant.now());
        assertThat(jdbc.sql("select status from legislation_report where draft_id = :d").param("d", draft).query(String.class).list())
                .containsExactly("SENT");
        // 支持 is too short to say anything: excluded, with a reason
        assertThat(jdbc.sql("""
                        select count(*) from legislation_report_comment rc join legislation_comment c on c.id = rc.comment_id
                         where c.draft_id = :d and not rc.included and rc.reason is not null""")
                .param("d", draft).query(Long.class).single()).isEqualTo(1);
        var feedback = adoption.publicFeedback(draft).orElseThrow();
        assertThat(feedback.unjudged()).isZero();
        assertThat(feedback.reported()).isEqualTo(2); // article 1 and the draft as a whole
        assertThat(jdbc.sql("select count(*) from legislation_feedback_sms where draft_id = :d").param("d", draft)
                .query(Long.class).single()).isEqualTo(2);
        demo.feedBack(draft, Instant.now()); // a second start does nothing
        assertThat(jdbc.sql("select count(*) from legislation_report where draft_id = :d").param("d", draft)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badFinalTextAndJudgementsGetAClearMessageAndWriteNothing() {
        assertThatThrownBy(() -> adoption.enterFinalText(office, draft, "没有条文的文本", LocalDate.of(2026, 6, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("legislation.adoption.error.noArticles"));
        assertThatThrownBy(() -> adoption.enterFinalText(office, draft, FINAL, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("legislation.adoption.error.passedOnRequired"));
        assertThatThrownBy(() -> adoption.enterFinalText(office, draft, FINAL, LocalDate.of(2025, 1, 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("legislation.adoption.error.passedBeforeOpening"));
        assertThat(jdbc.sql("select final_text from legislation_draft where id = :d").param("d", draft)
                .query(String.class).optional()).isEmpty();
        assertThatThrownBy(() -> Adoption.readDocx("not a docx".getBytes()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.adoption.error.notDocx");

        demo.feedBack(draft, Instant.now());
        long id = adoption.feedback(draft).suggestions().get(0).id();
        assertThatThrownBy(() -> adoption.judge(office, draft, id, null, "理由", Instant.now()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("legislation.adoption.error.chooseOutcome"));
        assertThatThrownBy(() -> adoption.judge(office, draft, id, "ADOPTED", "", Instant.now()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("input.error.required"));
        assertThatThrownBy(() -> adoption.judge(office, draft, id + 100_000, "ADOPTED", "理由", Instant.now()))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("legislation.adoption.error.unknownSuggestion");
        assertThat(jdbc.sql("select count(*) from legislation_adoption where report_article_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }
}
