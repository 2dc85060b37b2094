package org.civicloop.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lombok.extern.slf4j.Slf4j;
import org.civicloop.shared.SqlTimes;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Issue 15, item 8: failed sign-ins counted per client address, so that nobody can lock every
 * account by guessing (the account lock stops guessing one account; this stops one address
 * trying many). A fixed window per address, in PostgreSQL ({@code sign_in_failure_window}, issue 14)
 * so that every node counts the same failures; one atomic upsert per failure, closed windows purged
 * with the rate-limit buckets. Behind a reverse proxy the address is the client's only with
 * {@code server.forward-headers-strategy}.
 */
@Slf4j
@Component
class SignInThrottle {

    private final SignInThrottleProperties properties;
    private final JdbcClient jdbc;

    SignInThrottle(SignInThrottleProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** A wrong password or an unknown name, by form or HTTP Basic. */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress(), Instant.now());
        }
    }

    void failed(String address, Instant now) {
        if (address == null || properties.trustedAddresses().contains(address)) {
            return;
        }
        int failures = jdbc.sql("""
                        insert into sign_in_failure_window as w (address, window_start, failures, expires_at)
                        values (:address, :now, 1, :end)
                        on conflict (address) do update set
                            window_start = case when w.expires_at <= :now then :now else w.window_start end,
                            failures = case when w.expires_at <= :now then 1 else w.failures + 1 end,
                            expires_at = case when w.expires_at <= :now then :end else w.expires_at end
                        returning failures""")
                .param("address", address)
                .param("now", SqlTimes.timestamp(now))
                .param("end", SqlTimes.timestamp(now.plus(properties.window())))
                .query(Integer.class).single();
        if (failures == properties.failures()) {
            log.warn("Sign-ins from one address throttled after {} failures in {}", failures, properties.window());
        }
    }

    /** Whether sign-ins from this address are refused now, unseen by the accounts they name. */
    boolean throttled(String address, Instant now) {
        return address != null && window(address, now).map(w -> w.failures() >= properties.failures()).orElse(false);
    }

    /** Seconds until this address may try again. */
    long retryAfterSeconds(String address, Instant now) {
        return window(address, now).map(w -> Math.max(1, Duration.between(now, w.end()).toSeconds())).orElse(0L);
    }

    long windowMinutes() {
        return Math.max(1, properties.window().toMinutes());
    }

    private Optional<Window> window(String address, Instant now) {
        return jdbc.sql("select failures, expires_at from sign_in_failure_window where address = :address and expires_at > :now")
                .param("address", address)
                .param("now", SqlTimes.timestamp(now))
                .query((rs, n) -> new Window(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    private record Window(int failures, Instant end) {
    }
}
