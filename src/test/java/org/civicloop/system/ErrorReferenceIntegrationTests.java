package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error page shows a reference (错误编号) that the log holds too, whichever way the error came:
 * a controller, a template that fails while rendering, Spring Security, the container.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorReferenceIntegrationTests {

    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}");

    @LocalServerPort
    int port;


    @Test
    void aTemplateThatFailsWhileRenderingShowsAReferenceThatIsLoggedWithTheException(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/public/testing/render-error");

        assertThat(response.statusCode()).isEqualTo(500);
        String ref = reference(response.body());
        assertThat(output.getOut() + output.getErr())
                .containsPattern("ERROR .*Error " + ref + ": 500 on GET /public/testing/render-error")
                .contains("missing.name()");
        // the page says the same number in its text, and nothing of the exception
        assertThat(Jsoup.parse(response.body()).select("#error-detail").text()).contains(ref);
        assertThat(response.body()).doesNotContain("SpelEvaluationException", "missing.name");
    }

    @Test
    void aControllerExceptionShowsALoggedReference(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/public/testing/controller-error");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(output.getOut() + output.getErr()).contains("Error " + reference(response.body()) + ": 500 on GET");
    }

    @Test
    void notFoundForbiddenAndContainerErrorsShowALoggedReferenceToo(CapturedOutput output) throws Exception {
        HttpResponse<String> notFound = new WebClient(port).signIn("office").get("/no-such-page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(output.getOut()).contains("Error " + reference(notFound.body()) + ": 404 on GET /no-such-page");

        HttpResponse<String> sent = get("/public/testing/send-error"); // the container's error page for sendError
        assertThat(sent.statusCode()).isEqualTo(409);
        assertThat(output.getOut()).contains("Error " + reference(sent.body()) + ": 409 on GET /public/testing/send-error");

        HttpResponse<String> forbidden = new WebClient(port).signIn("unit").get("/admin/regions"); // Spring Security's access check, a filter
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(output.getOut()).contains("Error " + reference(forbidden.body()) + ": 403 on GET /admin/regions");
    }

    @Test
    void anErrorWhileMakingTheErrorPageStillShowsALoggedReference(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get(ErrorInErrorPageTestFilter.PATH);

        assertThat(response.statusCode()).isEqualTo(500);
        String ref = reference(response.body());
        assertThat(output.getOut() + output.getErr())
                .containsPattern("Error " + ref + ": the error page for GET " + ErrorInErrorPageTestFilter.PATH + " failed")
                .contains("the error page failed (test)");
        assertThat(response.body()).contains("系统出了点问题").doesNotContain("IllegalStateException", "Apache Tomcat");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private String reference(String body) {
        Document page = Jsoup.parse(body);
        assertThat(page.getElementById("error-title")).as("the error page").isNotNull();
        String text = page.select("#error-reference").text();
        Matcher m = REFERENCE.matcher(text);
        assertThat(m.find()).as("a reference in '%s'", text).isTrue();
        return m.group();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new WebClient(port).get(path);
    }
}
