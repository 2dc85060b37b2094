package org.civicloop.system.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The last line: an error while the error page itself is being made (its template, a filter on the
 * error dispatch, the database during an outage) would otherwise leave the container's own page,
 * which carries no reference. This answers with a plain page that still names a reference, the one
 * the first error was logged under when there was one, and logs the second error under it too.
 * No template, no database: the texts come from the bundles (in memory), and should even those fail,
 * from the English written here.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageFallback {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageFallback.class);

    @Bean
    FilterRegistrationBean<Filter> errorPageFallbackFilter(org.springframework.context.MessageSource messages,
                                                           org.springframework.web.servlet.LocaleResolver locales) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(messages, locales));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // inside SecurityHeaders, so its page has the headers
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final org.springframework.context.MessageSource messages;
        private final org.springframework.web.servlet.LocaleResolver locales;

        Filter(org.springframework.context.MessageSource messages, org.springframework.web.servlet.LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException | Error e) {
                String ref = ErrorResponses.referenceOf(request);
                if (ref == null) {
                    ref = String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt());
                    request.setAttribute(ErrorResponses.REFERENCE, ref);
                }
                log.error("Error {}: the error page for {} {} failed", ref, request.getMethod(),
                        ErrorResponses.originalPath(request), e);
                if (response.isCommitted()) {
                    return;
                }
                response.resetBuffer();
                Object status = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE);
                response.setStatus(status instanceof Integer s && s >= 400 ? s : 500);
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(page(request, ref).getBytes(StandardCharsets.UTF_8));
            }
        }

        private String page(HttpServletRequest request, String ref) {
            String title;
            String detail;
            String reference;
            String lang;
            try {
                java.util.Locale locale = locales.resolveLocale(request);
                lang = locale.getLanguage().equals("en") ? "en" : "zh-CN";
                title = messages.getMessage("error.500.title", null, locale);
                detail = messages.getMessage("error.500.detail", new Object[] {ref}, locale);
                reference = messages.getMessage("error.reference", new Object[] {ref}, locale);
            } catch (RuntimeException e) {
                lang = "en";
                title = "Something went wrong";
                detail = "CivicLoop could not complete your request; please try again later.";
                reference = "Error reference: " + ref;
            }
            return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title></head><body><h1 id=\"error-title\">" + HtmlUtils.htmlEscape(title)
                    + "</h1><p id=\"error-detail\">" + HtmlUtils.htmlEscape(detail) + "</p><p id=\"error-reference\">"
                    + HtmlUtils.htmlEscape(reference) + "</p><p><a href=\"/\">CivicLoop</a></p></body></html>";
        }
    }
}
