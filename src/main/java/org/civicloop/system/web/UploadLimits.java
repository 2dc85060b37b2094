package org.civicloop.system.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How large a form upload may be, by the address it goes to. Every form is held to
 * {@code civicloop.uploads.max-request-size} (a voter's photos, an application's materials, a draft);
 * the addresses in {@code civicloop.uploads.ledger-paths} take a district's past ledger (100,000 rows of
 * long texts in one CSV) and get the servlet's own limit, {@code spring.servlet.multipart.max-request-size},
 * which is set for them.
 *
 * <p>{@link #filter()} refuses a form declared larger than its limit before anything reads the body
 * (413, the limit in words). It runs inside the pages' security chains, before the CSRF check (the
 * first to read a form's body), so that the page it draws knows who is signed in.
 */
@Component
public class UploadLimits {

    private final DataSize forms;
    private final DataSize ledgers;
    private final List<String> ledgerPaths;
    private final ErrorResponses errors;

    UploadLimits(@Value("${civicloop.uploads.max-request-size:64MB}") DataSize forms,
                 @Value("${spring.servlet.multipart.max-request-size:1MB}") DataSize ledgers,
                 @Value("${civicloop.uploads.ledger-paths:}") List<String> ledgerPaths, ErrorResponses errors) {
        this.errors = errors;
        this.forms = forms.compareTo(ledgers) < 0 ? forms : ledgers;
        this.ledgers = ledgers;
        this.ledgerPaths = ledgerPaths.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    DataSize limitFor(HttpServletRequest request) {
        return ledgerPaths.contains(ErrorResponses.originalPath(request)) ? ledgers : forms;
    }

    /** A new filter for one security chain (not a bean: the servlet container would run it a second time). */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    long limit = limitFor(request).toBytes();
                    if (request.getContentLengthLong() > limit) {
                        ErrorResponses.Detail detail = ErrorResponses.uploadLimitDetail(limit);
                        errors.refuseUnread(request, response, HttpStatus.CONTENT_TOO_LARGE, detail.key(), detail.arguments());
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
