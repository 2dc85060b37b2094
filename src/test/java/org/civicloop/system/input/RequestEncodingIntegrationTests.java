package org.civicloop.system.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestEncodingIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void probe(CapturedOutput output) throws Exception {
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/opinions/track?code=%FF%FE")).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("A " + a.statusCode() + " " + a.body().substring(0, Math.min(400, a.body().length())));
        String gbk = "service_code=X&description=" + java.net.URLEncoder.encode("路灯坏了很久了请修理", Charset.forName("GBK"))
                + "&phone=13800138000&api_key=demo-open311-key-huaxi-2026";
        HttpResponse<String> b = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open311/v2/requests.json")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(gbk)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("B " + b.statusCode() + " " + b.body());
        System.out.println("NUL");
        HttpResponse<String> c = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/opinions/track?code=%00abc")).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("C " + c.statusCode());
        assertThat(output.getOut()).isNotNull();
    }
}
