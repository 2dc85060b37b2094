package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.language.domain.LanguageService;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.OtherNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, items 3 and 4: similar matters on the triage page, the recording page and as JSON. Each text
 * carries a made-up name so that the demo's opinions do not interfere.
 */
@IntegrationTest
class SimilarMattersIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;
    @Autowired
    LanguageService language;

    OpinionFixtures f;

    @BeforeEach
    void setUp() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    @Test
    void theOpinionItselfIsNeverListedButItsTwinIs() throws Exception {
        Opinion a = f.submitted("翠柏湾小区东门外的垃圾桶三天没人清运，臭气熏天，苍蝇成群，请尽快安排清运。");
        Opinion b = f.submitted("翠柏湾小区东门外垃圾桶好几天没人清运了，很臭，苍蝇很多，希望尽快清运。");
        JsonNode answer = api("office", "翠柏湾小区东门外的垃圾桶三天没人清运，臭气熏天，苍蝇成群，请尽快安排清运。", a.id());
        assertThat(ids(answer)).contains(b.id()).doesNotContain(a.id());

        var page = Jsoup.parse(mvc.perform(get("/opinions/" + a.id()).with(user(f.user("office"))))
                .andReturn().getResponse().getContentAsString());
        String similar = page.select("#similar").text();
        assertThat(similar).contains(b.receiptCode()).doesNotContain(a.receiptCode());
        // why it matches: the band in words and the place both name; never a raw score
        assertThat(similar).containsAnyOf("很可能是同一件事", "可能相关").contains("翠柏湾小区").doesNotContain("%");
        assertThat(page.select("#similar mark").text()).isNotBlank();
        // the twin's day as every other screen writes it: in Chinese, on the district's calendar
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")
                .format(b.submittedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(similar).contains(day);
    }

    /**
     * The check compares candidates by the words stored with them (their word index) instead of segmenting
     * each again: for every opinion stored, those are the words of its text. Texts with Latin letters, digits,
     * a bus line and a long text among them.
     */
    @Test
    void theWordsStoredWithEachOpinionAreTheWordsOfItsText() {
        f.submitted("XinYuan小区的WiFi信号很差，201路公交站旁边的路灯也不亮，已经反映3次了。");
        f.submitted("金竹镇政府门前的道路坑洼不平，雨天积水严重。".repeat(400));
        List<Map<String, Object>> stored = jdbc.sql(
                        "select content, array_to_string(tsvector_to_array(search), chr(31)) as words from opinion")
                .query().listOfRows();
        assertThat(stored).hasSizeGreaterThan(2);
        for (Map<String, Object> row : stored) {
            String content = (String) row.get("content");
            String words = (String) row.get("words");
            assertThat(words == null || words.isEmpty() ? java.util.Set.of() : java.util.Set.of(words.split("\u001f")))
                    .as(content).isEqualTo(org.civicloop.shared.ChineseText.words(content));
        }
    }

    @Test
    void aUnitIsNeverShownAnotherUnitsMatters() throws Exception {
        Opinion a = f.submitted("白鹭洲路的井盖松动，汽车压过去哐当直响，晚上吵得睡不着。");
        f.forwardedToHousing(a);
        String text = "白鹭洲路井盖松动，车子压过去哐当响，晚上吵得人睡不着觉。";
        assertThat(ids(api("unit", text, null))).contains(a.id());
        assertThat(ids(api("unit2", text, null))).doesNotContain(a.id());
        assertThat(mvc.perform(post("/opinions/similar").param("content", text).with(user(f.user("station"))).with(csrf()))
                .andReturn().getResponse().getContentAsString()).doesNotContain(a.receiptCode());
    }

    @Test
    void theSameProblemAtAnotherEstateIsLabelledDifferentPlace() throws Exception {
        Opinion a = f.submitted("青藤苑小区中心的喷泉水池长满绿藻，发出腥臭味，夏天蚊子成群，请物业尽快清理水池。");
        JsonNode answer = api("office", "紫藤花园小区中心的喷泉水池长满绿藻，发出腥臭味，夏天蚊子成群，请物业尽快清理水池。", null);
        JsonNode match = matchOf(answer, a.id());
        assertThat(match).as("the same complaint at another estate is still shown, labelled").isNotNull();
        assertThat(match.get("differentPlace").asBoolean()).isTrue();
        assertThat(match.get("band").asString()).isEqualTo("RELATED");

        String html = mvc.perform(post("/opinions/similar").with(user(f.user("office"))).with(csrf())
                .param("content", "紫藤花园小区中心的喷泉水池长满绿藻，发出腥臭味，夏天蚊子成群，请物业尽快清理水池。"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("不同地点").contains(a.receiptCode());
    }

    @Test
    void theSameWordsFromAnotherVillageChosenAreLabelledAndRankedBelowTheSameVillage() throws Exception {
        String here = f.anyVillageOf("520111101");
        Opinion a = f.submitted("村委会门口的石狮子被运煤货车撞坏了一只，碎石散落在路边，请尽快清理修复。");
        String otherVillage = jdbc.sql("select code from region where parent_code = '520111101' and code <> :c order by code limit 1")
                .param("c", here).query(String.class).single();
        Map<String, Object> body = new HashMap<>();
        body.put("text", "村委会门口的石狮子被运煤货车撞坏了一只，碎石散落在路边，请尽快清理修复。");
        body.put("placeCode", otherVillage);
        var r = mvc.perform(post("/api/opinions/similar").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)).with(httpBasic("office", DemoFixture.PASSWORD))).andReturn().getResponse();
        JsonNode elsewhere = matchOf(JSON.readTree(r.getContentAsString()), a.id());
        assertThat(elsewhere).as("the same words from another village: still shown, labelled, never the same matter").isNotNull();
        assertThat(elsewhere.get("differentPlace").asBoolean()).isTrue();
        assertThat(elsewhere.get("band").asString()).isEqualTo("RELATED");
        body.put("placeCode", here);
        r = mvc.perform(post("/api/opinions/similar").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)).with(httpBasic("office", DemoFixture.PASSWORD))).andReturn().getResponse();
        JsonNode same = matchOf(JSON.readTree(r.getContentAsString()), a.id());
        assertThat(same.get("differentPlace").asBoolean()).isFalse();
        assertThat(same.get("band").asString()).isEqualTo("SAME");
    }

    /**
     * With the model ready, the word index is searched only among the opinions the vectors cannot return yet.
     * The twin is stored by SQL, as another node would store it: no event asks this node's worker for its
     * vector, so it has none when the check runs (the worker's backfill looks every few seconds).
     */
    @Test
    void withTheModelReadyAnOpinionWithoutItsVectorYetIsFoundByWords() throws Exception {
        language.drain();
        Opinion a = f.submitted("柳溪巷口那盏路灯杆被货车撞歪了，随时可能倒下，砸到行人怎么办，请赶快处理。");
        language.drain();
        String twin = "柳溪巷口路灯杆被货车撞歪了，随时会倒，怕砸到过路的人，请赶快来处理。";
        long b = OtherNode.storesOpinion(jdbc, a.id(), twin);
        assertThat(language.notSearchableYet("opinion", List.of(b))).as("no vector yet").containsExactly(b);

        JsonNode answer = api("office", a.content(), a.id());
        assertThat(answer.get("lexicalOnly").asBoolean()).as("the model is ready").isFalse();
        assertThat(ids(answer)).contains(b).doesNotContain(a.id());
    }

    @Test
    void aTenThousandCharacterTextIsCompared() throws Exception {
        StringBuilder text = new StringBuilder("观澜坪村的自来水管破裂，整个村子停水三天了。");
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("第").append(i).append("户人家反映，挑水要走两公里山路，老人吃不消，请水务部门尽快抢修。");
        }
        String body = text.substring(0, 10_000);
        var page = mvc.perform(post("/opinions/similar").param("content", body).with(user(f.user("deputy"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        var api = mvc.perform(post("/api/opinions/similar").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("text", body))).with(httpBasic("office", DemoFixture.PASSWORD)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(api.getContentAsString()).has("lexicalOnly")).isTrue();
    }

    @Test
    void aTextTooLongOrWithNulIsRefusedWithAMessage() throws Exception {
        var api = mvc.perform(post("/api/opinions/similar").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("text", "路灯坏了\u0000"))).with(httpBasic("office", DemoFixture.PASSWORD)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        String html = mvc.perform(post("/opinions/similar").param("content", "灯".repeat(20_001))
                .with(user(f.user("office"))).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("20000");
    }

    @Test
    void aMergedMatterIsShownOnceWithItsCountAndOneClickMergesIntoIt() throws Exception {
        String text = "枫叶谷村通往镇上的便桥被洪水冲垮了，孩子们上学要绕行十多公里，请尽快修复便桥。";
        Opinion root = f.submitted(text, "13800138001");
        Opinion second = f.submitted("枫叶谷村去镇上的便桥被洪水冲垮，孩子上学要绕十多公里路，请尽快修复。", "13800138002");
        Opinion third = f.submitted("枫叶谷村的便桥被大水冲垮了，学生上学绕行十几公里，请早日修好便桥。", "13800138003");
        service.merge(second.id(), root.receiptCode(), f.user("office"));
        service.merge(third.id(), root.receiptCode(), f.user("office"));
        Opinion fresh = f.submitted("枫叶谷村通往镇上的便桥冲垮了，孩子们上学要绕行十多公里，盼尽快修复便桥。");

        JsonNode answer = api("office", text, fresh.id());
        List<JsonNode> holding = new ArrayList<>();
        answer.get("matches").forEach(m -> {
            if (idsOf(m).contains(root.id()) || idsOf(m).contains(second.id()) || idsOf(m).contains(third.id())) {
                holding.add(m);
            }
        });
        assertThat(holding).hasSize(1);
        assertThat(idsOf(holding.get(0))).containsExactlyInAnyOrder(root.id(), second.id(), third.id());
        assertThat(holding.get(0).get("count").asInt()).isEqualTo(3);
        assertThat(holding.get(0).get("leadId").asLong()).isEqualTo(root.id());

        var page = Jsoup.parse(mvc.perform(get("/opinions/" + fresh.id()).with(user(f.user("office"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#similar .similar-count").eachText()).containsOnlyOnce("3人反映");
        var merge = page.selectFirst("#merge-into-" + root.id());
        assertThat(merge).isNotNull();
        // one click: the form posts the existing, reversible merge with the matter's lead as target
        mvc.perform(post("/opinions/" + fresh.id() + "/merge").param("target", merge.parent().selectFirst("input[name=target]").val())
                .with(user(f.user("office"))).with(csrf()));
        assertThat(f.status(fresh.id())).isEqualTo("MERGED");
        assertThat(jdbc.sql("select duplicate_of from opinion where id = :id").param("id", fresh.id()).query(Long.class).single())
                .isEqualTo(root.id());
    }

    @Test
    void aMattersPeopleReadTheSameOnTheOpinionAndOnTheHotSpotOnePhoneOnePerson() throws Exception {
        // five opinions of one matter this month, three of them from one phone: 3 people, 5 opinions
        List<Opinion> raised = List.of(
                f.submitted("石榴湾小区后门的下水道堵了一个星期，污水漫到路上，请尽快疏通。", "13800138011"),
                f.submitted("石榴湾小区后门下水道堵塞一周了，污水流到路面，麻烦尽快疏通。", "13800138011"),
                f.submitted("石榴湾小区后门的下水道又堵了，污水漫上路面，催一下疏通。", "13800138011"),
                f.submitted("石榴湾小区后门那里下水道堵了好几天，路上全是污水，请派人疏通。", "13800138012"),
                f.submitted("石榴湾小区后门的下水道堵了，污水横流，希望尽快处理。", "13800138013"));
        long cluster = jdbc.sql("""
                        insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                        values ('520111', :lead, 5, now(), now()) returning id""").param("lead", raised.get(0).id())
                .query(Long.class).single();
        for (Opinion o : raised) {
            jdbc.sql("insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, 0.9)")
                    .param("o", o.id()).param("c", cluster).update();
        }
        Opinion first = raised.get(0);

        JsonNode answer = api("office", first.content(), first.id());
        JsonNode matter = null;
        for (JsonNode m : answer.get("matches")) {
            if (idsOf(m).contains(raised.get(3).id())) {
                matter = m;
            }
        }
        assertThat(matter).isNotNull();
        // the four others are listed; the people are the whole matter's, the opinion compared included
        assertThat(idsOf(matter)).hasSize(4).doesNotContain(first.id());
        assertThat(matter.get("count").asInt()).isEqualTo(4);
        assertThat(matter.get("people").asInt()).isEqualTo(3);

        var page = Jsoup.parse(mvc.perform(get("/opinions/" + first.id()).with(user(f.user("office"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#similar .similar-count").eachText()).containsOnlyOnce("3人反映");
        assertThat(page.select("#similar details summary").eachText()).contains("查看其他 4 条");
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String hotspot = mvc.perform(get("/opinions/hotspots/" + cluster).param("month", month).with(user(f.user("office"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(hotspot).text()).contains("3 人反映，共 5 条意见");
    }

    @Test
    void aSameMatterClusterIsShownOnce() throws Exception {
        Opinion a = f.submitted("银杏坡社区的广场舞音乐每天晚上放到十一点，吵得学生没法写作业。");
        Opinion b = f.submitted("银杏坡社区广场舞的音响每晚开到十一点多，孩子作业都写不了，太吵了。");
        long cluster = jdbc.sql("""
                        insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                        values ('520111', :lead, 2, now(), now()) returning id""").param("lead", b.id()).query(Long.class).single();
        for (Opinion o : List.of(a, b)) {
            jdbc.sql("insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, 0.9)")
                    .param("o", o.id()).param("c", cluster).update();
        }
        JsonNode answer = api("office", "银杏坡社区的广场舞音乐每天晚上放到十一点，吵得学生没法写作业，请管一管。", null);
        List<JsonNode> holding = new ArrayList<>();
        answer.get("matches").forEach(m -> {
            if (idsOf(m).contains(a.id()) || idsOf(m).contains(b.id())) {
                holding.add(m);
            }
        });
        assertThat(holding).hasSize(1);
        assertThat(holding.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(holding.get(0).get("leadId").asLong()).isEqualTo(b.id());
    }

    @Test
    void theHotlineImportPreviewFlagsARowThatRepeatsAnOpenMatterAndStoresNothing() throws Exception {
        Opinion open = f.submitted("石榴湾村的自来水发黄发浑，烧开了还有沉淀，全村人都不敢喝，请水务部门来检测。");
        long before = jdbc.sql("select count(*) from opinion").query(Long.class).single();
        String csv = """
                工单编号,诉求内容,诉求类别,发生地点
                PV%1$dA,石榴湾村自来水发黄发浑，烧开后有沉淀，村民不敢喝，请来检测水质。,城乡建设与住房,青岩镇
                PV%1$dB,希望在体育馆旁边增设一个公共厕所。,城乡建设与住房,青岩镇
                """.formatted(System.nanoTime() % 1_000_000);
        var page = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/opinions/import/preview").file(new org.springframework.mock.web.MockMultipartFile("file",
                                "12345.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(user(f.user("office"))).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        var flagged = page.select("#import-preview tr.import-duplicate");
        assertThat(flagged).hasSize(1);
        assertThat(flagged.text()).contains(open.receiptCode()).contains("石榴湾村");
        // every row also names the unit it would likely be forwarded to (智能派单), or says there is none
        assertThat(page.select("#import-preview td.import-routing")).hasSize(2).allSatisfy(td -> assertThat(td.text()).isNotBlank());
        assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(before);
    }

    // ------------------------------------------------------------------

    private JsonNode api(String role, String text, Long excludeId) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("excludeId", excludeId);
        var r = mvc.perform(post("/api/opinions/similar").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)).with(httpBasic(role, DemoFixture.PASSWORD))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return JSON.readTree(r.getContentAsString());
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("matches").forEach(m -> ids.addAll(idsOf(m)));
        return ids;
    }

    private static List<Long> idsOf(JsonNode match) {
        List<Long> ids = new ArrayList<>();
        match.get("opinionIds").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static JsonNode matchOf(JsonNode answer, long id) {
        for (JsonNode m : answer.get("matches")) {
            if (idsOf(m).contains(id)) {
                return m;
            }
        }
        return null;
    }
}
