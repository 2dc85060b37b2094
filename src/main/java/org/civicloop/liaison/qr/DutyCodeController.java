package org.civicloop.liaison.qr;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The duty QR codes, public and without sign-in: posters get reprinted by whoever holds one, and
 * the token is printed on the poster anyway. An unknown token, a suspended or ended deputy's and a
 * closed site's all answer 404. The poster is in Chinese, whatever the viewer's language switch,
 * because voters read it; {@code ?lang=en} asks for English.
 */
@Controller
class DutyCodeController {

    static final int DEFAULT_SIZE = 600;
    static final int MIN_SIZE = 120;
    static final int MAX_SIZE = 2000;
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final DutyCodeSubjects subjects;
    private final DutyCodePoster poster;
    private final String publicBaseUrl;

    DutyCodeController(DutyCodeSubjects subjects, DutyCodePoster poster,
                       @Value("${civicloop.public-base-url}") String publicBaseUrl) {
        this.subjects = subjects;
        this.poster = poster;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @GetMapping("/public/qr/{token}.png")
    ResponseEntity<byte[]> png(@PathVariable String token,
                               @RequestParam(defaultValue = "" + DEFAULT_SIZE) @Min(MIN_SIZE) @Max(MAX_SIZE) int size) {
        DutyCodeSubject subject = subject(token);
        return file(QrCodes.png(address(subject), size), MediaType.IMAGE_PNG, subject, "png");
    }

    @GetMapping("/public/qr/{token}.svg")
    ResponseEntity<byte[]> svg(@PathVariable String token) {
        DutyCodeSubject subject = subject(token);
        return file(QrCodes.svg(address(subject)).getBytes(StandardCharsets.UTF_8), SVG, subject, "svg");
    }

    @GetMapping("/public/qr/{token}/poster.pdf")
    ResponseEntity<byte[]> poster(@PathVariable String token, HttpServletRequest request) {
        DutyCodeSubject subject = subject(token);
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return file(poster.render(subject, address(subject), locale), MediaType.APPLICATION_PDF, subject, "pdf");
    }

    private DutyCodeSubject subject(String token) {
        return subjects.find(token).orElseThrow(() -> new NotFoundException("dutyCode", token));
    }

    private String address(DutyCodeSubject subject) {
        return publicBaseUrl + "/o/" + subject.token();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, DutyCodeSubject subject, String extension) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CACHE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("duty-code-" + subject.token() + "." + extension).build().toString())
                .body(body);
    }
}
