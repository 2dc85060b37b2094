package org.civicloop.system.limits;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Buckets full again and sign-in windows closed are removed, on one node at a time (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class RateLimitTasks {

    @Bean
    RecurringTask<Void> rateLimitsPurgeTask(RateLimitBuckets buckets,
                                            @Value("${civicloop.housekeeping.interval:1h}") Duration interval) {
        return Tasks.recurring("rate-limits-purge", FixedDelay.of(interval))
                .execute((instance, context) -> buckets.purgeExpired(Instant.now()));
    }
}
