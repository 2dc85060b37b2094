package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicloop.opinions.domain.HotlineImport;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 (item 7): real letters and 12345 tickets run past 2,000 characters. A text of exactly
 * 20,000 characters (code points, emoji counting once) is stored whole through every channel an
 * opinion can come from; one of 20,001 is refused with the limit named, and nothing is stored.
 */
@IntegrationTest
class OpinionTextLengthIntegrationTests {

    static final int MAX = 20_000;
    private static final AtomicInteger IP = new AtomicInteger(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPEN311_KEY = "demo-open311-key-huaxi-2026";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HotlineImport hotline;
    @Autowired
    Opinions opinions;
    @LocalServerPort
    int port;

    /** A text of exactly {@code codePoints} characters, unique, with emoji (two UTF-16 units each). */
    static String text(String tag, int codePoints) {
        StringBuilder b = new StringBuilder(tag).append(System.nanoTime()).append('：');
        String pattern = "小区门口的路灯坏了很久，晚上出行很不安全😀希望尽快修好。";
        int i = 0;
        while (b.codePointCount(0, b.length()) < codePoints) {
            b.appendCodePoint(pattern.codePointAt(pattern.offsetByCodePoints(0, i++ % pattern.codePointCount(0, pattern.length()))));
        }
        return b.toString();
    }

    private static RequestPostProcessor fromNewAddress() {
        String ip = "203.0.113." + IP.incrementAndGet();
        return r -> {
            r.setRemoteAddr(ip);
            return r;
        };
    }

    private String village() {
        return jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1").query(String.class).single();
    }

    private long stored(String content) {
        return jdbc.sql("select count(*) from opinion where content = :c").param("c", content).query(Long.class).single();
    }

    private long storedStartingWith(String content) {
        return jdbc.sql("select count(*) from opinion where left(content, 40) = left(:c, 40)").param("c", content)
                .query(Long.class).single();
    }

    @Test
    void theTextHelperCountsCodePoints() {
        String t = text("x", MAX);
        assertThat(t.codePointCount(0, t.length())).isEqualTo(MAX);
        assertThat(t.length()).as("emoji take two UTF-16 units").isGreaterThan(MAX);
    }

    @Test
    void thePublicFormStoresTwentyThousandCharactersWholeAndRefusesOneMore() throws Exception {
        String whole = text("公开表单", MAX);
        mvc.perform(multipart("/public/opinions").with(csrf()).with(fromNewAddress())
                        .param("category", "URBAN").param("placeCode", village()).param("content", whole))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(whole)).isOne();

        String tooLong = text("公开表单超长", MAX + 1);
        mvc.perform(multipart("/public/opinions").with(csrf()).with(fromNewAddress())
                        .param("category", "URBAN").param("placeCode", village()).param("content", tooLong))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("内容不能超过 20000 个字")))
                .andExpect(content().string(containsString(tooLong.substring(0, 30))));
        assertThat(storedStartingWith(tooLong)).isZero();
    }

    @Test
    void thePublicJsonApiStoresTwentyThousandCharactersWholeAndRefusesOneMore() throws Exception {
        String whole = text("接口", MAX);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "URBAN");
        body.put("placeCode", village());
        body.put("content", whole);
        mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated());
        assertThat(stored(whole)).isOne();

        String tooLong = text("接口超长", MAX + 1);
        body.put("content", tooLong);
        mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'content')].message").value("内容不能超过 20000 个字。"));
        assertThat(storedStartingWith(tooLong)).isZero();
    }

    @Test
    void open311StoresTwentyThousandCharactersWholeAndRefusesOneMore() throws Exception {
        String whole = text("开放接口", MAX);
        mvc.perform(post("/open311/v2/requests.json").with(fromNewAddress()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", OPEN311_KEY).param("service_code", "URBAN")
                        .param("attribute[place_code]", village()).param("description", whole))
                .andExpect(status().isOk());
        assertThat(stored(whole)).isOne();

        String tooLong = text("开放接口超长", MAX + 1);
        mvc.perform(post("/open311/v2/requests.json").with(fromNewAddress()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", OPEN311_KEY).param("service_code", "URBAN")
                        .param("attribute[place_code]", village()).param("description", tooLong))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("description：内容不能超过 20000 个字。"));
        assertThat(storedStartingWith(tooLong)).isZero();
    }

    @Test
    void theHotlineImportAndThePartnerFacadeStoreTwentyThousandCharactersWholeAndRefuseOneMore() {
        String whole = text("热线导入", MAX);
        String ticket = "LEN" + System.nanoTime();
        HotlineImport.Result ok = hotline.importTable(new ByteArrayInputStream(
                ("工单编号,诉求内容,诉求类别,发生地点\n" + ticket + "," + whole + ",URBAN,青岩镇\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.problems()).isEmpty();
        assertThat(stored(whole)).isOne();

        String tooLong = text("热线导入超长", MAX + 1);
        HotlineImport.Result refused = hotline.importTable(new ByteArrayInputStream(
                ("工单编号,诉求内容,诉求类别,发生地点\n" + ticket + "X," + tooLong + ",URBAN,青岩镇\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.imported()).isZero();
        assertThat(refused.problems()).extracting(HotlineImport.LineProblem::messageKey).contains("opinion.error.contentTooLong");
        assertThat(storedStartingWith(tooLong)).isZero();

        String partner = text("热线平台", MAX);
        opinions.submit(new Opinions.Submission(Opinions.ExternalChannel.HOTLINE, "URBAN", partner, village(), null, null,
                null, null, false, "LENP" + System.nanoTime(), null));
        assertThat(stored(partner)).isOne();
        String partnerTooLong = text("热线平台超长", MAX + 1);
        assertThatThrownBy(() -> opinions.submit(new Opinions.Submission(Opinions.ExternalChannel.HOTLINE, "URBAN",
                partnerTooLong, village(), null, null, null, null, false, "LENQ" + System.nanoTime(), null)))
                .isInstanceOfSatisfying(Opinions.InvalidOpinion.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).contains("opinion.error.contentTooLong"));
        assertThat(storedStartingWith(partnerTooLong)).isZero();
    }

    @Test
    void theRecordFormThroughTheRealServerStoresTwentyThousandCharactersWholeAndRefusesOneMore() throws Exception {
        WebClient web = new WebClient(port).signIn("office");
        String whole = text("现场录入", MAX);
        HttpResponse<String> saved = web.post("/opinions/record", "/opinions/record", recordForm(web, whole));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(stored(whole)).isOne();

        String tooLong = text("现场录入超长", MAX + 1);
        HttpResponse<String> refused = web.post("/opinions/record", "/opinions/record", recordForm(web, tooLong));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.text()).contains("内容不能超过 20000 个字");
        assertThat(page.select("#content").text()).as("the text is given back whole, never cut").isEqualTo(tooLong);
        assertThat(storedStartingWith(tooLong)).isZero();
    }

    @Test
    void captureThroughTheRealServerStoresTwentyThousandCharactersWholeAndRefusesOneMore() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        HttpResponse<String> session = web.send(HttpRequest.newBuilder(web.uri("/opinions/capture/session"))
                .header("Accept", "application/json").GET().build());
        JsonNode s = JSON.readTree(session.body());
        String whole = text("现场记录", MAX);
        assertThat(capture(web, s, whole).statusCode()).isEqualTo(201);
        assertThat(stored(whole)).isOne();

        String tooLong = text("现场记录超长", MAX + 1);
        HttpResponse<String> refused = capture(web, s, tooLong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"content\"").contains("20000");
        assertThat(storedStartingWith(tooLong)).isZero();
    }

    private HttpResponse<String> capture(WebClient web, JsonNode session, String content) throws Exception {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", UUID.randomUUID().toString());
        e.put("channel", "MARKET_DAY");
        e.put("addressee", jdbc.sql("""
                        select 'SITE:' || s.id from liaison_site s join account a on a.unit_id = s.staff_unit_id
                         where a.username = 'station' order by s.id limit 1""").query(String.class).optional().orElse(""));
        e.put("receivedAt", LocalDateTime.now(ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        e.put("receptionPlace", "青岩镇赶集点");
        e.put("visitorCount", "20");
        e.put("category", "TRAFFIC");
        e.put("content", content);
        e.put("placeCode", village());
        e.put("consent", false);
        return web.send(HttpRequest.newBuilder(web.uri("/opinions/capture/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(e))).build());
    }

    private static Map<String, String> recordForm(WebClient web, String content) throws Exception {
        Document page = Jsoup.parse(web.get("/opinions/record").body());
        Map<String, String> fields = new HashMap<>();
        fields.put("channel", page.select("#channel option[value~=.+]").first().val());
        if (!page.select("#addressee").isEmpty()) {
            fields.put("addressee", page.select("#addressee option[value~=.+]").first().val());
        }
        fields.put("category", page.select("#category option[value~=.+]").first().val());
        fields.put("placeCode", page.select("#placeCode option[value~=.+]").first().val());
        fields.put("submissionKey", page.select("input[name=submissionKey]").val());
        fields.put("content", content);
        fields.put("receivedAt", LocalDateTime.now(ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        fields.put("receptionPlace", "区人大常委会接待室");
        fields.put("visitorCount", "1");
        return fields;
    }
}
