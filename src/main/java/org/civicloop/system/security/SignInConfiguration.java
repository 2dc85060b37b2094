package org.civicloop.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
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

    /** Every failed form sign-in, wrong password, lock or disabled account alike, lands on the same message. */
    static AuthenticationFailureHandler sameAnswerForEveryFailure() {
        return new SimpleUrlAuthenticationFailureHandler("/login?error");
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
