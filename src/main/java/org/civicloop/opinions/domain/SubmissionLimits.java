package org.civicloop.opinions.domain;

import java.time.Duration;
import org.civicloop.shared.RateLimit;
import org.springframework.stereotype.Component;

/** Rate limits for the public opinion endpoints: submissions per address and per phone number, look-ups per address. */
@Component
public class SubmissionLimits {

    private final RateLimit submissionsByIp = new RateLimit();
    private final RateLimit submissionsByPhone = new RateLimit();
    private final RateLimit lookupsByIp = new RateLimit();
    private final OpinionsProperties properties;

    SubmissionLimits(OpinionsProperties properties) {
        this.properties = properties;
    }

    public void checkSubmission(String ip, String phone) {
        submissionsByIp.take(ip, properties.submissionsPerIpPerHour(), Duration.ofHours(1));
        if (phone != null) {
            submissionsByPhone.take(phone, properties.submissionsPerPhonePerDay(), Duration.ofDays(1));
        }
    }

    public void checkLookup(String ip) {
        lookupsByIp.take(ip, properties.lookupsPerIpPerMinute(), Duration.ofMinutes(1));
    }
}
