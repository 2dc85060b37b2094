package org.civicloop.legislation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicloop.legislation.drafts.ArticleSplitter;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Drafts and comments on the real database with the demo data: the demo's drafts, public comments
 * stored with their article (once, whatever the resends), refusals that store nothing, comments through
 * a contact point's QR code, the office's registration from a .docx and its corrections, consultations.
 */
@IntegrationTest
class DraftCommentIntegrationTests {

    static final String PROPERTY = "贵州省物业管理条例（修订草案征求意见稿）";
    static final String DOGS = "贵阳市养犬管理条例（草案）";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;

    long draft(String title) {
        return jdbc.sql("select id from legislation_draft where title = :t").param("t", title).query(Long.class).single();
    }

    long article(long draftId, int no) {
        return jdbc.sql("select id from legislation_article where draft_id = :d and article_no = :n").param("d", draftId)
                .param("n", no).query(Long.class).single();
    }

    long comments() {
        return jdbc.sql("select count(*) from legislation_comment").query(Long.class).single();
    }

    /** Each request from an address of its own, so the per-address limit never decides a test. */
    static RequestPostProcessor fromNewAddress() {
        String address = "10.18.0." + ADDRESS.getAndIncrement();
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    MockHttpServletRequestBuilder comment(long draftId, Object articleId, String body, String key) {
        return post("/public/drafts/{id}/comments", draftId).with(csrf()).with(fromNewAddress())
                .param("articleId", articleId == null ? "" : articleId.toString()).param("body", body)
                .param("idempotencyKey", key);
    }

    @Test
    void theDemoHasThreeContactPointsAnOpenDraftFromEveryChannelAndAClosedPassedOne() {
        assertThat(jdbc.sql("select name from liaison_site where type = 'LEGISLATIVE_POINT' order by name").query(String.class).list())
                .containsExactlyInAnyOrder("花溪街道基层立法联系点", "贵筑街道基层立法联系点", "青岩镇基层立法联系点");
        long property = draft(PROPERTY);
        assertThat(jdbc.sql("select count(distinct chapter_no) from legislation_article where draft_id = :d").param("d", property)
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from legislation_article where draft_id = :d").param("d", property)
                .query(Long.class).single()).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("select distinct channel from legislation_comment where draft_id = :d").param("d", property)
                .query(String.class).list()).containsExactlyInAnyOrder("ONLINE", "QR", "MEETING", "VISIT", "COLLECTOR");
        var dogs = jdbc.sql("select closes_on, final_text, passed_on, opened_at from legislation_draft where title = :t").param("t", DOGS)
                .query().singleRow();
        assertThat((LocalDate) ((java.sql.Date) dogs.get("closes_on")).toLocalDate()).isBefore(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(dogs.get("passed_on")).isNotNull();
        assertThat(dogs.get("opened_at")).isNotNull();
        var draftArticles = ArticleSplitter.split(jdbc.sql("select source_text from legislation_draft where title = :t")
                .param("t", DOGS).query(String.class).single()).articles();
        var finalArticles = ArticleSplitter.split((String) dogs.get("final_text")).articles();
        // one inserted (the new 10th), one deleted (the draft's 15th), the 10th to 14th renumbered 11th to 15th
        assertThat(finalArticles).hasSameSizeAs(draftArticles);
        assertThat(finalArticles.get(10).body()).isEqualTo(draftArticles.get(9).body());
        assertThat(finalArticles.get(9).body()).isNotIn(draftArticles.stream().map(a -> a.body()).toList());
        assertThat(finalArticles.stream().map(a -> a.body()).toList()).doesNotContain(draftArticles.get(14).body());
        assertThat(jdbc.sql("select count(*) from legislation_comment where draft_id = :d").param("d", draft(DOGS))
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPublicCommentOnArticleNIsStoredWithItsArticleAndItsContactIsNeverShownInPublic() throws Exception {
        long property = draft(PROPERTY);
        long a24 = article(property, 24);
        String key = UUID.randomUUID().toString();
        mvc.perform(comment(property, a24, "第二十四条应当写明物业发现飞线充电时的处置办法。", key)
                        .param("name", "测试居民").param("phone", "13900000024").param("consent", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/public/drafts/" + property + "/comments/")));
        var row = jdbc.sql("select article_id, channel, site_id, name, phone, consent from legislation_comment where idempotency_key = :k::uuid")
                .param("k", key).query().singleRow();
        assertThat(row).containsEntry("article_id", a24).containsEntry("channel", "ONLINE").containsEntry("phone", "13900000024")
                .containsEntry("consent", true);
        assertThat(row.get("site_id")).isNull();
        mvc.perform(get("/public/drafts/{id}", property))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第二十四条")))
                .andExpect(content().string(not(containsString("13900000024"))))
                .andExpect(content().string(not(containsString("测试居民"))))
                .andExpect(content().string(not(containsString("13985012345"))));
        // the office sees the name and phone the commenter consented to give
        mvc.perform(get("/legislation/drafts/{id}", property).with(user(demo.user("office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("13900000024")));
    }

    @Test
    void aResentFormWithTheSameKeyStoresNothingTwice() throws Exception {
        long property = draft(PROPERTY);
        long a20 = article(property, 20);
        String key = UUID.randomUUID().toString();
        long before = comments();
        for (int i = 0; i < 3; i++) {
            mvc.perform(comment(property, a20, "停水停电催费应当明确禁止，谢谢。", key)).andExpect(status().is3xxRedirection());
        }
        assertThat(comments()).isEqualTo(before + 1);
    }

    /**
     * More comments at once than the pool has connections (ten; twenty when this was found). The per-address
     * allowance used to be taken inside the comment's transaction, on a second connection: each request holding one
     * of the pool's connections waited for another that none of them could give back, until the pool's 5 s were up
     * and the comment was refused. The allowance is now taken before the transaction begins.
     */
    @Test
    void fortyCommentsAtOnceAreAllStored() throws Exception {
        long property = draft(PROPERTY);
        long a20 = article(property, 20);
        long before = comments();
        int n = 40;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                var request = comment(property, a20, "物业费公示应当按月进行，第" + i + "位居民的意见。", UUID.randomUUID().toString());
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(request).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(comments()).isEqualTo(before + n);
    }

    @Test
    void emptyOverLongUnknownArticleClosedAndNoConsentAreRefusedInTheUsersLanguageAndStoreNothing() throws Exception {
        long property = draft(PROPERTY);
        long dogs = draft(DOGS);
        long a1 = article(property, 1);
        long otherDraftsArticle = article(dogs, 1);
        long before = comments();
        Map<String, List<String>> cases = Map.of(
                "empty", List.of("请写下您的意见。", "Please write your comment."),
                "long", List.of("最多 2000 个字", "2000"),
                "unknown", List.of("所选条文不属于该草案", "not part of this draft"),
                "closed", List.of("征求意见期已结束", "consultation window of this draft is closed"),
                "consent", List.of("请勾选同意", "tick the consent box"));
        for (var c : cases.entrySet()) {
            for (int lang = 0; lang < 2; lang++) {
                String language = lang == 0 ? "zh-CN" : "en";
                MockHttpServletRequestBuilder request = switch (c.getKey()) {
                    case "empty" -> comment(property, a1, "   ", UUID.randomUUID().toString());
                    case "long" -> comment(property, a1, "长".repeat(2001), UUID.randomUUID().toString());
                    case "unknown" -> comment(property, otherDraftsArticle, "一条意见", UUID.randomUUID().toString());
                    case "closed" -> comment(dogs, article(dogs, 11), "一条意见", UUID.randomUUID().toString());
                    default -> comment(property, a1, "一条意见", UUID.randomUUID().toString()).param("phone", "13900000001");
                };
                // pages follow the language switch's cookie, not the browser's Accept-Language
                String html = mvc.perform(request.cookie(new jakarta.servlet.http.Cookie("civicloop-lang", language)))
                        .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
                assertThat(html).as("%s in %s", c.getKey(), language).contains(c.getValue().get(lang)).contains("error-summary");
            }
        }
        assertThat(comments()).isEqualTo(before);
    }

    @Test
    void aCommentThroughAContactPointsQrCodeCarriesTheChannelAndThePoint() throws Exception {
        long property = draft(PROPERTY);
        long point = demo.site("花溪街道基层立法联系点");
        mvc.perform(get("/public/drafts/points/huaxilf2026a"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(PROPERTY)))
                .andExpect(content().string(containsString("point=huaxilf2026a")))
                .andExpect(content().string(not(containsString(DOGS))));
        mvc.perform(get("/public/drafts/{id}/comment", property).param("article", String.valueOf(article(property, 29)))
                        .param("point", "huaxilf2026a"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("通过花溪街道基层立法联系点提交")));
        String key = UUID.randomUUID().toString();
        mvc.perform(comment(property, article(property, 29), "加装电梯应当给低层住户合理补偿。", key).param("point", "huaxilf2026a"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select channel, site_id from legislation_comment where idempotency_key = :k::uuid").param("k", key)
                .query().singleRow();
        assertThat(row).containsEntry("channel", "QR").containsEntry("site_id", point);
        // a station's duty code is not a contact point's
        mvc.perform(get("/public/drafts/points/qingyan2026z")).andExpect(status().isNotFound());
    }

    @Test
    void theOfficeRegistersADraftFromADocxCorrectsTheSplitAndOpensIt() throws Exception {
        String text = ArticleSplitterTests.regulation();
        long point = demo.site("贵筑街道基层立法联系点");
        var file = new MockMultipartFile("file", "draft.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ArticleSplitterTests.docx(text));
        String location = mvc.perform(multipart("/legislation/drafts/new").file(file).with(csrf()).with(user(demo.user("office")))
                        .param("title", "花溪区山体公园管理办法（草案）测试").param("issuingBody", "花溪区人民政府司法局")
                        .param("opensOn", LocalDate.now().minusDays(1).toString()).param("closesOn", LocalDate.now().plusDays(30).toString())
                        .param("siteIds", String.valueOf(point)).param("text", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));
        List<String> stored = jdbc.sql("select chapter_no || ':' || article_no || ':' || body from legislation_article where draft_id = :d order by position")
                .param("d", id).query(String.class).list();
        assertThat(stored).hasSize(42).containsExactlyElementsOf(ArticleSplitter.split(text).articles().stream()
                .map(a -> a.chapterNo() + ":" + a.articleNo() + ":" + a.body()).toList());
        // not yet open: the public does not see it
        mvc.perform(get("/public/drafts/{id}", id)).andExpect(status().isNotFound());
        // split article 9 before its second paragraph, merge it back, renumber, open
        var office = user(demo.user("office"));
        mvc.perform(post("/legislation/drafts/{id}/articles/9/split", id).param("paragraph", "2").with(csrf()).with(office))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from legislation_article where draft_id = :d").param("d", id).query(Long.class).single())
                .isEqualTo(43);
        mvc.perform(post("/legislation/drafts/{id}/articles/9/merge", id).with(csrf()).with(office)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/legislation/drafts/{id}/renumber", id).with(csrf()).with(office)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from legislation_article where draft_id = :d").param("d", id).query(Long.class).single())
                .isEqualTo(42);
        mvc.perform(post("/legislation/drafts/{id}/articles/2/edit", id).param("body", "改过的第二条。").with(csrf()).with(office))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/legislation/drafts/{id}/open", id).with(csrf()).with(office)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/drafts/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("改过的第二条。")));
        // once open, the articles are fixed
        mvc.perform(post("/legislation/drafts/{id}/articles/3/edit", id).param("body", "再改。").with(csrf()).with(office))
                .andExpect(status().isConflict());
        // station staff may not register
        mvc.perform(get("/legislation/drafts/new").with(user(demo.user("station")))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeEntersAMeetingWithItsViewsEachOnItsArticle() throws Exception {
        long property = draft(PROPERTY);
        long point = demo.site("青岩镇基层立法联系点");
        long before = comments();
        long consultationsBefore = jdbc.sql("select count(*) from legislation_consultation").query(Long.class).single();
        mvc.perform(post("/legislation/drafts/{id}/consultations/new", property).with(csrf()).with(user(demo.user("office")))
                        .param("siteId", String.valueOf(point)).param("channel", "MEETING")
                        .param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString())
                        .param("place", "青岩镇明清街社区会议室").param("participants", "14")
                        .param("deputyIds", String.valueOf(demo.deputy("王建国")))
                        .param("viewArticles[0]", String.valueOf(article(property, 24))).param("viewBodies[0]", "楼道充电应当禁止。")
                        .param("viewArticles[1]", "0").param("viewBodies[1]", "希望条例早日出台。")
                        .param("viewArticles[2]", "").param("viewBodies[2]", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(comments()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select count(*) from legislation_consultation").query(Long.class).single()).isEqualTo(consultationsBefore + 1);
        // a view without its article is refused, and nothing is stored
        mvc.perform(post("/legislation/drafts/{id}/consultations/new", property).with(csrf()).with(user(demo.user("office")))
                        .param("siteId", String.valueOf(point)).param("channel", "VISIT")
                        .param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString())
                        .param("participants", "3").param("viewArticles[0]", "").param("viewBodies[0]", "没有选条文的意见。"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请为每条意见选择所针对的条文")));
        assertThat(comments()).isEqualTo(before + 2);
        // the demo station account runs no contact point: it sees no draft and cannot enter one
        mvc.perform(get("/legislation/drafts").with(user(demo.user("station")))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(PROPERTY))));
        mvc.perform(get("/legislation/drafts/{id}/consultations/new", property).with(user(demo.user("station"))))
                .andExpect(status().isNotFound());
    }
}
