package org.civicloop.open311.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civicloop.open311.Open311Xml;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.MissingServletRequestParameterException;
import tools.jackson.databind.json.JsonMapper;

/** The pieces under the API: one tree written as XML and JSON, W3C dates, and errors that never leak. */
class Open311FormatTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void oneTreeIsWrittenAsXmlByElementNamesAndAsJsonByTheSparkConvention() throws Exception {
        Document document = Document.list("service_requests", "request", List.of(new Document.Node()
                .put("service_request_id", "42")
                .put("status", "open")
                .put("account_id", null)
                .put("flag", true)
                .put("values", new Document.Repeated("value", List.of(new Document.Node().put("key", "1").put("name", "甲"))))));
        assertThat(new String(document.write(Format.JSON, json), StandardCharsets.UTF_8)).isEqualTo(
                "[{\"service_request_id\":\"42\",\"status\":\"open\",\"account_id\":null,\"flag\":true,"
                        + "\"values\":[{\"key\":\"1\",\"name\":\"甲\"}]}]");
        assertThat(new String(document.write(Format.XML, json), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request><service_request_id>42</service_request_id>"
                        + "<status>open</status><account_id/><flag>true</flag>"
                        + "<values><value><key>1</key><name>甲</name></value></values></request></service_requests>");
    }

    @Test
    void textThatXmlCannotCarryIsDroppedAndMarkupIsEscaped() throws Exception {
        byte[] xml = Document.single("request", new Document.Node()
                .put("description", "a\u0000b\u0007c <d> & \"e\" 😀 \uD800 f\tg\nh")).write(Format.XML, json);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("abc &lt;d&gt; &amp; \"e\" 😀  f\tg\nh");
        assertThat(Open311Xml.parse(xml).getTextContent()).isEqualTo("abc <d> & \"e\" 😀  f\tg\nh");
    }

    @Test
    void datesAreW3cWithTheDistrictsOffset() {
        assertThat(W3cDates.format(Instant.parse("2026-11-27T02:15:30.123456Z"), SHANGHAI)).isEqualTo("2026-11-27T10:15:30+08:00");
        assertThat(W3cDates.format(null, SHANGHAI)).isNull();
        assertThat(W3cDates.parse("2010-01-01T00:00:00Z", SHANGHAI, false)).contains(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(W3cDates.parse("2010-01-01T08:00:00+08:00", SHANGHAI, false)).contains(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(W3cDates.parse("2010-01-01T08:00+08:00", SHANGHAI, false)).contains(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(W3cDates.parse("2010-01-01T08:00:00 08:00", SHANGHAI, false)).contains(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(W3cDates.parse("2010-01-02", SHANGHAI, false)).contains(Instant.parse("2010-01-01T16:00:00Z"));
        assertThat(W3cDates.parse("2010-01-02", SHANGHAI, true)).contains(Instant.parse("2010-01-02T15:59:59.999999Z"));
        assertThat(W3cDates.parse("2010-01-01T00:00:00", SHANGHAI, false)).as("no zone, no guess").isEmpty();
        assertThat(W3cDates.parse("yesterday", SHANGHAI, false)).isEmpty();
    }

    @Test
    void theFormatComesFromTheExtension() {
        assertThat(Format.of("json")).contains(Format.JSON);
        assertThat(Format.of("XML")).contains(Format.XML);
        assertThat(Format.of("csv")).isEmpty();
        assertThat(Format.ofPath("/open311/v2/services/URBAN.xml")).isEqualTo(Format.XML);
        assertThat(Format.ofPath("/open311/v2/services.csv")).isEqualTo(Format.JSON);
        assertThat(Format.ofPath("/open311/v2.1/services")).isEqualTo(Format.JSON);
    }

    @Test
    void unexpectedAndMalformedRequestsNeverShowExceptionText() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Open311ErrorHandler handler = new Open311ErrorHandler(messages, json);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/open311/v2/requests.xml");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            ResponseEntity<byte[]> unexpected = handler.unexpected(
                    new IllegalStateException("relation \"opinion\" does not exist; password=secret"), request);
            String body = new String(unexpected.getBody(), StandardCharsets.UTF_8);
            assertThat(unexpected.getStatusCode().value()).as("GeoReport v2: a general service error is 400").isEqualTo(400);
            assertThat(body).startsWith("<?xml").contains("<code>400</code>").contains("服务处理出错（错误编号 ")
                    .doesNotContain("relation", "secret", "Exception", "opinion");

            ResponseEntity<byte[]> malformed = handler.malformed(
                    new MissingServletRequestParameterException("service_code", "String"), request);
            assertThat(new String(malformed.getBody(), StandardCharsets.UTF_8))
                    .contains("请求格式不正确").doesNotContain("MissingServletRequestParameter", "String");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void everyResourceKnowsItsMethods() {
        assertThat(Open311Controller.allowedMethods("/open311/v2/requests.json")).isEqualTo("GET, POST");
        assertThat(Open311Controller.allowedMethods("/open311/v2/requests/12.xml")).isEqualTo("GET");
        assertThat(Open311Controller.allowedMethods("/open311/discovery.json")).isEqualTo("GET");
        assertThat(Open311Controller.allowedMethods("/open311/v2/whatever.json")).isNull();
        assertThat(Arrays.asList(Format.values())).hasSize(2);
    }
}
