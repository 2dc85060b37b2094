package org.civicloop.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 15, item 8: signing in tells nobody whether an account exists. The password is checked
 * first, always (BCrypt's time is spent for every name); only then are a lock or a disabled
 * account looked at, and every failure, whatever its cause, gets the same answer. Failures per
 * client address are throttled ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        // nothing about the account before the password is known to be right: a locked or disabled
        // account answered differently from a wrong password would tell a stranger it exists
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(SignInConfiguration::checkAccount);
        return provider;
    }

    private static void checkAccount(UserDetails user) {
        if (!user.isAccountNonLocked()) {
            throw new LockedException("locked");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("disabled");
        }
        if (!user.isAccountNonExpired()) {
            throw new AccountExpiredException("expired");
        }
        if (!user.isCredentialsNonExpired()) {
            throw new CredentialsExpiredException("credentials expired");
        }
    }

    /**
     * Every failed form sign-in, wrong password, lock or disabled account alike, lands on the same message;
     * the page the person was on its way to (a briefing's door code scanned before signing in) is kept.
     */
    static AuthenticationFailureHandler sameAnswerForEveryFailure() {
        return (request, response, exception) -> {
            String back = continueParameter(request.getParameter(CONTINUE));
            response.sendRedirect(request.getContextPath() + "/login?error" + (back == null ? "" : "&" + back));
        };
    }

    /** The form parameter and query parameter that carry where to go after signing in. */
    static final String CONTINUE = "continue";

    /**
     * After signing in: back to the page that asked for it (a QR code scanned on a phone that was signed
     * out, a link in a message), or the workbench. Nothing is kept in a session before sign-in, so the
     * page travels as a parameter; only a path on this site is followed, never another host.
     */
    static AuthenticationSuccessHandler continueOrWorkbench() {
        return (request, response, authentication) -> {
            String target = request.getParameter(CONTINUE);
            response.sendRedirect(request.getContextPath() + (isLocalPath(target) ? target : "/workbench"));
        };
    }

    /**
     * Signed-out visitors of a staff page go to the sign-in form, which then brings them back. Only page
     * visits (GET) carry the way back; a form sent after the session ended goes to the plain form.
     */
    static AuthenticationEntryPoint signInThenContinue() {
        return new LoginUrlAuthenticationEntryPoint("/login") {
            @Override
            protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                             org.springframework.security.core.AuthenticationException exception) {
                if (!"GET".equals(request.getMethod())) {
                    return "/login";
                }
                String path = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                String back = continueParameter(path);
                return back == null ? "/login" : "/login?" + back;
            }
        };
    }

    /** {@code continue=<target>} for a page worth coming back to, else null. */
    private static String continueParameter(String target) {
        return isLocalPath(target) && !target.equals("/workbench")
                ? CONTINUE + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8) : null;
    }

    /** A path on this site: one leading slash, no scheme or host, no control characters or backslashes, not sign-in or sign-out. */
    static boolean isLocalPath(String target) {
        return target != null && target.length() <= 500 && target.startsWith("/") && !target.startsWith("//")
                && !target.startsWith("/login") && !target.startsWith("/logout")
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }

    /** Before the sign-in form's filter: an address over its failures goes back to the form, nothing checked. */
    static final class FormThrottleFilter extends OncePerRequestFilter {

        private final SignInThrottle throttle;

        FormThrottleFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod())
                    && request.getRequestURI().substring(request.getContextPath().length()).equals("/login"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Instant now = Instant.now();
            if (throttle.throttled(request.getRemoteAddr(), now)) {
                response.setHeader("Retry-After", Long.toString(throttle.retryAfterSeconds(request.getRemoteAddr(), now)));
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Before HTTP Basic: an address over its failures gets 429 with Retry-After, its credentials unchecked. */
    static final class BasicThrottleFilter extends OncePerRequestFilter {

        private final SignInThrottle throttle;
        private final ErrorResponses errors;

        BasicThrottleFilter(SignInThrottle throttle, ErrorResponses errors) {
            this.throttle = throttle;
            this.errors = errors;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            return header == null || !header.regionMatches(true, 0, "Basic ", 0, 6);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Instant now = Instant.now();
            if (throttle.throttled(request.getRemoteAddr(), now)) {
                response.setHeader("Retry-After", Long.toString(throttle.retryAfterSeconds(request.getRemoteAddr(), now)));
                errors.writeProblem(request, response, HttpStatus.TOO_MANY_REQUESTS, "login.error.throttledApi");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
