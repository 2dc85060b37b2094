package org.civicloop.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Issue 15, item 8: failed sign-ins counted per client address, so that nobody can lock every
 * account by guessing (the account lock stops guessing one account; this stops one address
 * trying many). A fixed window per address, in memory on each node like the other rate limits;
 * behind a reverse proxy the address is the client's only with {@code server.forward-headers-strategy}.
 */
@Slf4j
@Component
class SignInThrottle {

    private static final int MAX_ADDRESSES = 100_000;

    private final SignInThrottleProperties properties;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SignInThrottle(SignInThrottleProperties properties) {
        this.properties = properties;
    }

    private record Window(Instant start, int failures) {
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
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> expired(w, now));
        }
        Window w = windows.merge(address, new Window(now, 1),
                (old, one) -> expired(old, now) ? one : new Window(old.start(), old.failures() + 1));
        if (w.failures() == properties.failures()) {
            log.warn("Sign-ins from one address throttled after {} failures in {}", w.failures(), properties.window());
        }
    }

    /** Whether sign-ins from this address are refused now, unseen by the accounts they name. */
    boolean throttled(String address, Instant now) {
        Window w = address == null ? null : windows.get(address);
        return w != null && !expired(w, now) && w.failures() >= properties.failures();
    }

    /** Seconds until this address may try again. */
    long retryAfterSeconds(String address, Instant now) {
        Window w = windows.get(address);
        return w == null ? 0 : Math.max(1, Duration.between(now, w.start().plus(properties.window())).toSeconds());
    }

    long windowMinutes() {
        return Math.max(1, properties.window().toMinutes());
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(properties.window()));
    }
}
