package org.civicloop.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A browser without a browser, against the real server of an {@link IntegrationTest}: its own
 * cookies (the session, the language), redirects followed, forms posted with their CSRF token.
 * Goes through everything MockMvc leaves out: the session store, the container's error pages.
 */
public final class WebClient {

    public static final String DEMO_PASSWORD = "Huaxi@2026";

    private final int port;
    private final HttpClient http;

    public WebClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the fields with the CSRF token of the page at {@code formPage}; redirects are followed. */
    public HttpResponse<String> post(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        String csrf = Jsoup.parse(get(formPage).body()).select("input[name=_csrf]").attr("value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(action)).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts one file with the CSRF token of the page at {@code formPage} in the body, as a browser
     * sends an upload form ({@code multipart/form-data}); redirects are followed.
     */
    public HttpResponse<String> postFile(String formPage, String action, String field, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String csrf = Jsoup.parse(get(formPage).body()).select("input[name=_csrf]").attr("value");
        String boundary = "----civicloop" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri(action)).header("Accept", "text/html")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(
                                List.of(head, content, tail)), (long) head.length + content.length + tail.length)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the sign-in form; fails unless it lands on the workbench. */
    public WebClient signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> done = post("/login", "/login", Map.of("username", username, "password", DEMO_PASSWORD));
        if (!done.uri().getPath().equals("/workbench")) {
            throw new IllegalStateException(username + " could not sign in: " + done.uri());
        }
        return this;
    }

    /** Sends a request the caller built (a JSON call with its own headers) with this client's cookies. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
