package org.civicloop.system.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side hardening every response carries, pages, API, static files and error pages
 * alike (issue 15, item 9):
 * <ul>
 * <li>a Content-Security-Policy that allows scripts and styles from CivicLoop's own address only:
 * no inline script, no inline style, no {@code eval}; no plug-ins, no {@code <base>} elsewhere, forms
 * post only back here, and no other site may frame a page (clickjacking);</li>
 * <li>{@code Referrer-Policy: same-origin}: a receipt code or a search in an address never leaves
 * for another site;</li>
 * <li>on a request that arrived over TLS ({@code request.isSecure()}, which a reverse proxy's
 * {@code X-Forwarded-Proto} sets when {@code server.forward-headers-strategy} is configured), every
 * cookie is marked {@code Secure}. Spring Security adds HSTS to such responses.</li>
 * </ul>
 * A servlet filter of its own ahead of everything, rather than header settings in each of the five
 * security chains, so that no chain, static resource or error dispatch can be left out.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            // Bootstrap's CSS draws its icons (the menu button, select arrows, check marks) as data: SVG
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("Referrer-Policy", "same-origin");
            chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
        }

        /** Error pages rendered by the container's error dispatch get the same headers. */
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }

    /** Marks every cookie Secure, whether added as a Cookie or written as a Set-Cookie header. */
    static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
                return value;
            }
            for (String attribute : value.split(";")) {
                if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                    return value;
                }
            }
            return value + "; Secure";
        }
    }
}
