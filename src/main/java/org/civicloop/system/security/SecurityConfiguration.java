package org.civicloop.system.security;

import org.civicloop.system.web.UploadLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;


/**
 * Five chains: machine clients on {@code /api/**} and {@code /actuator/**} authenticate with HTTP
 * Basic and keep no session (so no CSRF exposure); the public's JSON API and pages need no sign-in
 * and create no session; Open311 partners on {@code /open311/**} carry their own api_key and no
 * session; staff use the form login with a JDBC-stored session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemDetailSecurityHandlers problems, SignInThrottle throttle,
                                 org.civicloop.system.web.ErrorResponses errors) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.addFilterBefore(new SignInConfiguration.BasicThrottleFilter(throttle, errors),
                org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        return http.build();
    }

    /** The public's JSON API (and partner systems' later): no session, no cookies, so no CSRF. */
    @Bean
    @Order(2)
    SecurityFilterChain publicApiChain(HttpSecurity http, ProblemDetailSecurityHandlers problems) throws Exception {
        http.securityMatcher("/public/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Open311 GeoReport v2 for partner systems: no session, no cookies, so no CSRF. Everything is
     * let through here on purpose: the API checks its own {@code api_key} on POST (a wrong or missing
     * one is a 403 in GeoReport's error format, which Spring Security could not write) and the GETs
     * are public by the specification.
     */
    @Bean
    @Order(3)
    SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The public's pages (the opinion form, receipts, status): no sign-in and no server session per
     * visitor; the CSRF token travels in a cookie instead.
     */
    @Bean
    @Order(4)
    SecurityFilterChain publicPagesChain(HttpSecurity http, UploadLimits uploads) throws Exception {
        http.securityMatcher("/public/**", "/o/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .addFilterBefore(uploads.filter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(h -> h.frameOptions(f -> f.deny())); // with CSP frame-ancestors 'none' (system/web/SecurityHeaders)
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain webChain(HttpSecurity http, SignInThrottle throttle, UploadLimits uploads) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/locale", "/public/**",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(SignInConfiguration.continueOrWorkbench())
                        .failureHandler(SignInConfiguration.sameAnswerForEveryFailure())
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(SignInConfiguration.signInThenContinue()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new PasswordChangeRequiredFilter(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .addFilterBefore(uploads.filter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(h -> h.frameOptions(f -> f.deny())); // with CSP frame-ancestors 'none' (system/web/SecurityHeaders)
        noSessionBeforeSignIn(http);
        http.addFilterBefore(new SignInConfiguration.FormThrottleFilter(throttle),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Issue 15, item 7: no session until someone signs in. The sign-in form's CSRF token goes in a
     * cookie until then ({@link SessionOrCookieCsrfTokenRepository}), and no request is saved for
     * after the sign-in: the page to return to travels as a parameter instead ({@link SignInConfiguration#signInThenContinue()}). Session fixation protection is
     * untouched: a session that does exist at sign-in still gets a new id.
     */
    private static void noSessionBeforeSignIn(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(new org.springframework.security.web.savedrequest.NullRequestCache()));
    }

    /**
     * The public pages keep the CSRF token in a cookie (no session). Deferred, the token was created
     * only when the template reached the form's hidden field; on a long page (the place list) the
     * response had been flushed by then, so the Set-Cookie header was dropped and the voter's POST
     * refused. Reading the token before the page is written sets the cookie in time.
     */
    static final class CsrfCookieFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
            Object token = request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
            if (token instanceof org.springframework.security.web.csrf.CsrfToken csrf) {
                csrf.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
