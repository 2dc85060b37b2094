package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * Uploads over real HTTP, as a browser sends them: the CSRF token travels in the form's body, never
 * in its address, and a file over its address's limit is refused with 413 and the limit in words.
 * Spring Security's CSRF filter reads the token before any controller, so Tomcat refused such a body
 * there, in a filter, and that answered 500 ("系统出了点问题").
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UploadLimitIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${civicloop.uploads.max-request-size}")
    DataSize formLimit;
    @Value("${spring.servlet.multipart.max-request-size}")
    DataSize ledgerLimit;

    @Test
    void theImportFormsCarryTheirCsrfTokenInTheBodyAndItIsAccepted() throws Exception {
        WebClient office = new WebClient(port).signIn("office");
        assertThat(Jsoup.parse(office.get("/opinions/import").body()).select("main p").first().text())
                .contains("每个文件最多 20,000 行、20 MB");
        for (String page : new String[] {"/opinions/import", "/opinions/routing/import"}) {
            String html = office.get(page).body();
            assertThat(html).as(page).doesNotContain("_csrf=");
            assertThat(Jsoup.parse(html).select("form[enctype=multipart/form-data] input[name=_csrf]")).as(page).hasSize(1);
        }

        // a file with no rows: past the CSRF check (not 403), refused by the import itself
        HttpResponse<String> empty = office.postFile("/opinions/import", "/opinions/import", "file", "12345.csv",
                "工单编号,来电内容\n".getBytes(StandardCharsets.UTF_8));

        assertThat(empty.statusCode()).isNotEqualTo(403).isLessThan(500);
        assertThat(empty.uri().getPath()).isEqualTo("/opinions/import");
        assertThat(Jsoup.parse(empty.body()).select(".alert").text()).contains("文件有误，未导入任何数据", "缺少必需的列");
    }

    @Test
    void aFileOverTheFormsLimitIsRefusedWith413AndTheLimitInsteadOf500(CapturedOutput log) throws Exception {
        WebClient office = new WebClient(port).signIn("office");
        byte[] tooLarge = new byte[(int) formLimit.toBytes() + 1];

        HttpResponse<String> refused = office.postFile("/opinions/import", "/opinions/import", "file", "12345.csv", tooLarge);

        assertThat(refused.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#error-title").text()).isEqualTo("内容过大");
        assertThat(page.select("#error-detail").text())
                .isEqualTo("上传的内容超过了允许的大小：一次最多 64 MB。请减少文件或换用较小的文件后重试。");
        assertThat(page.select("#error-reference").text()).matches(".*[0-9a-f]{8}.*");
        assertThat(refused.body()).doesNotContain("Exception", "Tomcat");
        assertThat(page.select("#sign-out")).as("the page knows who is signed in").hasSize(1);
        String reference = page.select("#error-reference").text().replaceAll(".*?([0-9a-f]{8}).*", "$1");
        assertThat(log.getOut()).as("a refusal the user caused, logged once without a stack trace")
                .contains("INFO", "Error " + reference + ": 413 on POST /opinions/import")
                .doesNotContain("Servlet.service()", "MaxUploadSizeExceededException", "InvalidParameterException");
        // the session survives: the next page is the office's as before
        assertThat(office.get("/opinions/import").statusCode()).isEqualTo(200);
    }

    @Test
    void aLedgerMayBeLargerThanAnyOtherUploadAndItsPageSaysHowLarge() throws Exception {
        WebClient office = new WebClient(port).signIn("office");
        assertThat(ledgerLimit.toBytes()).isGreaterThan(formLimit.toBytes());
        String intro = Jsoup.parse(office.get("/opinions/routing/import").body()).select("main p").first().text();
        assertThat(intro).contains("最多 200,000 行；CSV 最大 " + ledgerLimit.toMegabytes() + " MB，Excel 最大 64 MB");

        // as large as another form refuses: taken, and refused by the import for what it holds, not its size
        HttpResponse<String> taken = office.postFile("/opinions/routing/import", "/opinions/routing/import", "file", "ledger.csv",
                new byte[(int) formLimit.toBytes() + 1]);

        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.uri().getPath()).isEqualTo("/opinions/routing/import");
        assertThat(taken.uri().getQuery()).startsWith("job=");
    }

    /**
     * Tomcat refuses a body itself when the CSRF filter reads it (here: more parts than it takes).
     * That refusal is thrown from a filter, and again at every later read of a parameter in the
     * request, the error page's included; it answered 500.
     */
    @Test
    void aBodyTomcatRefusesInAFilterIsTheClientsErrorNot500() throws Exception {
        WebClient office = new WebClient(port).signIn("office");
        String csrf = Jsoup.parse(office.get("/opinions/import").body()).select("input[name=_csrf]").attr("value");
        String boundary = "----civicloopParts";
        StringBuilder body = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n");
        for (int i = 0; i < 1000; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nx\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");

        HttpResponse<String> refused = office.send(HttpRequest.newBuilder(office.uri("/opinions/import")).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(refused.body()).select("#error-detail").text()).isEqualTo("上传的内容超过了允许的大小。");
        assertThat(refused.body()).doesNotContain("Exception", "Tomcat");
    }
}
