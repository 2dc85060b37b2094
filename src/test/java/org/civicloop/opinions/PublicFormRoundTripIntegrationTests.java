package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public form over real HTTP, as a browser sends it (multipart, CSRF token in a form field and
 * its cookie): a form that comes back with a problem keeps the voter's photo, and neither the form
 * nor the page it comes back on carries the CSRF token in its address.
 */
@IntegrationTest
class PublicFormRoundTripIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HELD = Pattern.compile("name=\"heldPhotos\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theFormPostsItsCsrfTokenInTheBodyNotTheAddress() throws Exception {
        String page = get("/public/opinions/new").body();
        assertThat(page).contains("action=\"/public/opinions\"").doesNotContain("?_csrf=").doesNotContain("_csrf=");
        assertThat(CSRF.matcher(page).find()).as("the token is a hidden field").isTrue();
    }

    @Test
    void aPhotoAttachedToAFormWithAProblemIsHeldAndStoredWithTheOpinion() throws Exception {
        var first = get("/public/opinions/new");
        // every cookie the page set goes back with the form, as a browser sends them: the CSRF token's
        // cookie (XSRF-TOKEN) and, when the server kept the token in a session, that session's
        String cookie = String.join("; ", first.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).toList());
        assertThat(cookie).as("the form page sets the cookie its CSRF token is checked against: %s", first.headers().map())
                .containsAnyOf("XSRF-TOKEN=", "SESSION=");
        String token = match(CSRF, first.body());
        String village = jdbc.sql("select code from region where parent_code = ? order by code limit 1")
                .param(OpinionFixtures.QINGYAN).query(String.class).single();

        // round 1: a photo but no content, so the form comes back (400) ... with the photo held
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.put("category", "ENVIRONMENT");
        fields.put("placeCode", village);
        fields.put("content", "");
        var round1 = post(cookie, fields, jpeg());
        assertThat(round1.statusCode()).isEqualTo(400);
        assertThat(round1.body()).contains("请填写您要反映的内容").contains("1 张照片已保留");
        String held = match(HELD, round1.body());
        assertThat(jdbc.sql("select count(*) from opinion_held_photo where token = ?::uuid").param(held)
                .query(Long.class).single()).isEqualTo(1);

        // round 2: the voter fills in the content and attaches nothing new: the held photo goes with it
        fields.put("_csrf", match(CSRF, round1.body()));
        fields.put("content", "路灯坏了三个月，晚上回家很不安全。");
        fields.put("heldPhotos", held);
        var round2 = post(cookie, fields, null);
        assertThat(round2.statusCode()).isEqualTo(302);
        String receipt = round2.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(jdbc.sql("""
                        select count(*) from opinion_photo p join opinion o on o.id = p.opinion_id
                        where o.receipt_code = ?""").param(receipt).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from opinion_held_photo where token = ?::uuid").param(held)
                .query(Long.class).single()).as("released once stored").isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String cookie, Map<String, String> fields, byte[] photo) throws Exception {
        String boundary = "----civic" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var e : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\""
                + (photo == null ? "" : "p.jpg") + "\"\r\nContent-Type: " + (photo == null ? "application/octet-stream" : "image/jpeg")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        if (photo != null) {
            body.write(photo);
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/opinions"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    private static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }
}
