package org.civicloop.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Files the browser saves: an ASCII name for old clients and the Chinese title with the day for the rest. */
public final class Downloads {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /** An Excel workbook written while it is sent, saved as {@code <title>-<day>.xlsx}. */
    public static ResponseEntity<StreamingResponseBody> workbook(String asciiName, String title, LocalDate day,
                                                                 StreamingResponseBody body) {
        String filename = URLEncoder.encode(title + "-" + day + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + asciiName + ".xlsx\"; filename*=UTF-8''" + filename)
                .body(body);
    }
}
