package org.civicloop.system.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text that is not UTF-8, or that holds a NUL, is refused with a 400 that names UTF-8 (an Open311
 * error list for partners, a ProblemDetail on the API, a page for people), and neither the values
 * nor the API key reach the log. Through the real server: Tomcat's own parameter parser is what
 * failed before (a 500, with the raw values logged at ERROR).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestEncodingIntegrationTests {

    private static final String PHONE = "13912345678";
    private static final String KEY = "demo-open311-key-huaxi-2026";
    private static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anInvalidUtf8ReceiptCodeIsAFriendly400PageThatNamesTheEncoding(CapturedOutput output) throws Exception {
        int mark = output.getOut().length();
        HttpResponse<String> page = get("/public/opinions/track?code=%FF%FE", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("UTF-8").contains("无法读取提交的内容").doesNotContain("Exception");
        assertThat(output.getOut().substring(mark)).doesNotContain("InvalidParameterException").doesNotContain(" ERROR ");
    }

    @Test
    void aGbkOpen311RequestIsRefusedInOpen311FormWithoutLoggingThePhoneOrTheKey(CapturedOutput output) throws Exception {
        long before = opinions();
        int mark = output.getOut().length();
        String body = "service_code=URBAN&description=" + URLEncoder.encode("路灯坏了很久了请修理", GBK)
                + "&first_name=" + URLEncoder.encode("张三", GBK) + "&phone=" + PHONE + "&api_key=" + KEY;
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=GBK")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).startsWith("[{\"code\":400,\"description\":\"").contains("UTF-8");
        assertThat(opinions()).isEqualTo(before);
        assertThat(output.getOut().substring(mark)).doesNotContain(PHONE).doesNotContain(KEY).doesNotContain(" ERROR ");
    }

    @Test
    void anApiBodyThatIsNotUtf8IsAProblemDetailThatNamesTheEncoding(CapturedOutput output) throws Exception {
        long before = opinions();
        int mark = output.getOut().length();
        byte[] gbkJson = ("{\"category\":\"URBAN\",\"content\":\"路灯坏了很久了请修理\",\"voterPhone\":\"" + PHONE + "\"}").getBytes(GBK);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/public/api/opinions"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gbkJson)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("UTF-8");
        assertThat(opinions()).isEqualTo(before);
        assertThat(output.getOut().substring(mark)).doesNotContain(PHONE);
    }

    @Test
    void aNulInAParameterOrAJsonStringIsRefusedBeforeTheDatabase(CapturedOutput output) throws Exception {
        long before = opinions();
        int mark = output.getOut().length();
        assertThat(get("/public/opinions/track?code=%00ABC", "text/html").statusCode()).isEqualTo(400);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri("/public/api/opinions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"URB\\u0000AN\",\"content\":\"路灯坏了很久了请修理\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("空字符");
        assertThat(opinions()).isEqualTo(before);
        assertThat(output.getOut().substring(mark)).doesNotContain(" ERROR ");
    }

    @Test
    void aFormLargerThanTheContainerReadsIs413NamingTheLimitAndTooManyFieldsIsNotCalledAnEncodingError(CapturedOutput output)
            throws Exception {
        long before = opinions();
        int mark = output.getOut().length();
        // 250,000 × 路 percent-encoded: 2,250,008 bytes, over the 2 MB (2,097,152 bytes) Tomcat reads of a form
        String big = "content=" + "%E8%B7%AF".repeat(250_000);
        HttpResponse<String> page = postForm("/public/opinions", big, "text/html");
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("一个表单一次最多 2 MB").doesNotContain("UTF-8").doesNotContain("Exception");
        HttpResponse<String> open311 = postForm("/open311/v2/requests.json", big + "&api_key=" + KEY, "application/json");
        assertThat(open311.statusCode()).isEqualTo(413);
        assertThat(open311.body()).startsWith("[{\"code\":413,\"description\":\"").contains("2 MB");
        StringBuilder fields = new StringBuilder("content=" + "%E8%B7%AF".repeat(10));
        for (int i = 0; i < 1_200; i++) {
            fields.append("&f").append(i).append("=1"); // Tomcat takes 1,000 parameters
        }
        HttpResponse<String> many = postForm("/public/opinions", fields.toString(), "text/html");
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("格式不正确").doesNotContain("UTF-8");
        assertThat(opinions()).isEqualTo(before);
        assertThat(output.getOut().substring(mark)).doesNotContain(KEY).doesNotContain(" ERROR ")
                .doesNotContain("InvalidParameterException");
    }

    @Test
    void checksOfTheQueryStringAndJsonEscapes() {
        assertThat(RequestTextFilter.checkQueryString("code=%E8%B7%AF")).isNull();
        assertThat(RequestTextFilter.checkQueryString("code=%FF%FE")).isEqualTo(RequestTextFilter.ENCODING);
        assertThat(RequestTextFilter.checkQueryString("code=%E8%B7")).isEqualTo(RequestTextFilter.ENCODING);
        assertThat(RequestTextFilter.checkQueryString("code=%0")).isEqualTo(RequestTextFilter.ENCODING);
        assertThat(RequestTextFilter.checkQueryString("code=a%00b")).isEqualTo(RequestTextFilter.CONTROL);
        assertThat(RequestTextFilter.checkQueryString("note=a%0D%0Ab")).isNull();
        assertThat(RequestTextFilter.checkJson("{\"a\":\"x\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(RequestTextFilter.CONTROL);
        assertThat(RequestTextFilter.checkJson("{\"a\":\"x\\\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(RequestTextFilter.checkJson("{\"a\":\"x\\n\\u000a\\u0007\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(RequestTextFilter.checkJson(new byte[] {'"', (byte) 0xC0, '"'})).isEqualTo(RequestTextFilter.ENCODING);
    }

    private long opinions() {
        return jdbc.sql("select count(*) from opinion").query(Long.class).single();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String body, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
