package org.civicloop.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal for too many requests that knows when the next one will be let through: the error
 * handlers send it as the {@code Retry-After} header (RFC 9110, seconds), so clients such as
 * FixMyStreet back off instead of retrying at once.
 */
public interface RetryAfter {

    /** Whole seconds until the limit lets a request through again, at least 1. */
    long retryAfterSeconds();

    /** Seconds to wait from the nanoseconds a token bucket reports, rounded up, at least 1. */
    static long seconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    }

    /** Sets the header when the exception carries a wait. */
    static void addHeader(Object exception, HttpServletResponse response) {
        if (exception instanceof RetryAfter r) {
            response.setHeader("Retry-After", Long.toString(r.retryAfterSeconds()));
        }
    }
}
