package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (compression is the server's, not MockMvc's): pages link their static files at
 * content-hashed addresses that a browser may keep for a year, Spring Security's {@code no-store}
 * does not reach them, and text is gzipped.
 */
@IntegrationTest
class StaticResourceCachingIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void publicPagesLinkOneVersionedStylesheetCachedForAYearAndGzipped() throws Exception {
        String page = get("/public/opinions/track", false).body();
        Matcher css = Pattern.compile("href=\"(/css/public-[0-9a-f]{32}\\.css)\"").matcher(page);
        assertThat(css.find()).as("a content-hashed stylesheet link").isTrue();
        assertThat(page).doesNotContain("bootstrap").doesNotContain("<script");

        var response = get(css.group(1), true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000").contains("immutable").doesNotContain("no-store");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");

        assertThat(get("/public/opinions/new", true).headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void staffPagesKeepBootstrapAtVersionedAddresses() throws Exception {
        String page = get("/login", false).body();
        Matcher link = Pattern.compile("(/webjars/bootstrap/[^\"]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css)").matcher(page);
        assertThat(link.find()).isTrue();
        var response = get(link.group(1), true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
