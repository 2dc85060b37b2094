package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 记录群众意见 through the real server and its session store: every role that records gets its receipt
 * code back (it used to get a 500 after the opinion was stored, so a retry stored it twice), a
 * reload stores nothing, and the reception's time, place and visitor count are checked and kept.
 */
@IntegrationTest
class RecordOpinionIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern RECORDED = Pattern.compile("recorded=(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"station", "deputy", "office"})
    void everyRoleThatRecordsGetsTheReceiptCodeOfWhatWasStoredAndAReloadStoresNothing(String role) throws Exception {
        WebClient web = new WebClient(port).signIn(role);
        String content = "集市上群众反映村口路灯坏了 " + role + System.nanoTime();
        String when = LocalDateTime.now(ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));

        HttpResponse<String> saved = web.post("/opinions/record", "/opinions/record",
                form(web, content, when, "青岩镇赶集点", "12"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.uri().getPath()).isEqualTo("/opinions/record"); // post/redirect/get
        Matcher id = RECORDED.matcher(saved.uri().getQuery());
        assertThat(id.find()).isTrue();
        String code = jdbc.sql("select receipt_code from opinion where content = :c").param("c", content)
                .query(String.class).single();
        assertThat(jdbc.sql("select id from opinion where content = :c").param("c", content).query(Long.class).single())
                .isEqualTo(Long.parseLong(id.group(1)));
        Document page = Jsoup.parse(saved.body());
        assertThat(page.select("#recorded").text()).contains(code);
        // the run goes on: the reception is kept for the next entry, the opinion's own fields are empty
        assertThat(page.select("#receptionPlace").val()).isEqualTo("青岩镇赶集点");
        assertThat(page.select("#receivedAt").val()).isEqualTo(when);
        assertThat(page.select("#content").text()).isEmpty();

        assertThat(web.get(saved.uri().getRawPath() + "?" + saved.uri().getRawQuery()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from opinion where content = :c").param("c", content).query(Long.class).single())
                .as("a reload stores nothing").isEqualTo(1);
        Map<String, Object> reception = jdbc.sql("""
                        select r.place, r.visitor_count, r.received_at = (:at)::timestamp at time zone 'Asia/Shanghai' as same_time
                          from opinion_reception r join opinion o on o.id = r.opinion_id where o.content = :c""")
                .param("c", content).param("at", when.replace('T', ' ')).query().singleRow();
        assertThat(reception).containsEntry("place", "青岩镇赶集点").containsEntry("visitor_count", 12)
                .containsEntry("same_time", true);

        Document detail = Jsoup.parse(new WebClient(port).signIn("office").get("/opinions/" + id.group(1)).body());
        assertThat(detail.select("#reception").text()).contains("青岩镇赶集点", "来访 12 人", when.substring(11));
    }

    @Test
    void theSameFormSentTwiceStoresOneOpinionAndShowsItsCodeBothTimes() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        String content = "群众反映集市垃圾清运不及时 " + System.nanoTime();
        Map<String, String> fields = form(web, content,
                LocalDateTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString(), "赶集点", "");

        HttpResponse<String> first = web.post("/opinions/record", "/opinions/record", fields);
        HttpResponse<String> again = web.post("/opinions/record", "/opinions/record", fields); // a double tap, a retry

        String code = jdbc.sql("select receipt_code from opinion where content = :c").param("c", content)
                .query(String.class).single();
        assertThat(Jsoup.parse(first.body()).select("#recorded").text()).contains(code);
        assertThat(Jsoup.parse(again.body()).select("#recorded").text()).contains(code);
        // the next entry gets a key of its own
        assertThat(Jsoup.parse(first.body()).select("input[name=submissionKey]").val())
                .isNotBlank().isNotEqualTo(fields.get("submissionKey"));
    }

    @Test
    void theVisitorCountIsOptional() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        String content = "群众反映学校门口缺少斑马线 " + System.nanoTime();
        String when = LocalDateTime.now(ZONE).minusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();

        HttpResponse<String> saved = web.post("/opinions/record", "/opinions/record", form(web, content, when, "联络站", ""));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select r.visitor_count from opinion_reception r join opinion o on o.id = r.opinion_id where o.content = :c")
                .param("c", content).query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single()).isEmpty();
    }

    @Test
    void aBadReceptionIsRefusedWithAClearMessageForEachFieldAndNothingIsStored() throws Exception {
        WebClient web = new WebClient(port).signIn("station");
        String content = "群众反映菜市场排水不畅 " + System.nanoTime();
        String tomorrow = LocalDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> fields = form(web, content, tomorrow, " ", "0");

        HttpResponse<String> refused = web.post("/opinions/record", "/opinions/record", fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#error-summary").text()).contains("接待时间不能晚于现在", "请填写接待地点",
                "来访人数须为 1 到 10000 之间的整数");
        assertThat(page.select("#content").text()).isEqualTo(content); // what was typed stays
        fields.put("receivedAt", "2026-13-45T99:00");
        fields.put("receptionPlace", "赶集点");
        fields.put("visitorCount", "三十");
        page = Jsoup.parse(web.post("/opinions/record", "/opinions/record", fields).body());
        assertThat(page.select("#error-summary").text()).contains("接待时间格式不正确", "来访人数须为");
        fields.put("receivedAt", "");
        page = Jsoup.parse(web.post("/opinions/record", "/opinions/record", fields).body());
        assertThat(page.select("#error-summary").text()).contains("请填写接待时间");
        assertThat(jdbc.sql("select count(*) from opinion where content = :c").param("c", content).query(Long.class).single())
                .isZero();
    }

    @Test
    void aRecordedIdInTheAddressShowsOnlyTheRecordersOwnReceiptCode() throws Exception {
        WebClient station = new WebClient(port).signIn("station");
        String content = "群众反映公交站台破损 " + System.nanoTime();
        HttpResponse<String> saved = station.post("/opinions/record", "/opinions/record", form(station, content,
                LocalDateTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString(), "联络站", "3"));
        String code = jdbc.sql("select receipt_code from opinion where content = :c").param("c", content).query(String.class).single();
        assertThat(saved.body()).contains(code);

        HttpResponse<String> other = new WebClient(port).signIn("deputy").get("/opinions/record?" + saved.uri().getRawQuery());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).doesNotContain(code);
    }

    /** The form as a person fills it: the first category and place offered, the first channel. */
    private static Map<String, String> form(WebClient web, String content, String when, String place, String visitors)
            throws Exception {
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
        fields.put("receivedAt", when);
        fields.put("receptionPlace", place);
        fields.put("visitorCount", visitors);
        return fields;
    }
}
