package org.civicloop.legislation.comments;

import java.time.Duration;
import org.civicloop.shared.RateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many public comments one address may leave in an hour ({@code civicloop.legislation.comments-per-address-per-hour},
 * 20 by default), a {@link RateLimit} like the public opinion form's.
 */
@Component
public class CommentLimits {

    private final RateLimit byAddress = new RateLimit();
    private final int perHour;

    CommentLimits(@Value("${civicloop.legislation.comments-per-address-per-hour:20}") int perHour) {
        this.perHour = perHour;
    }

    /** Takes one comment from the address's allowance; 429 with {@code Retry-After} when it is used up. */
    public void take(String address) {
        byAddress.take(address, perHour, Duration.ofHours(1));
    }
}
