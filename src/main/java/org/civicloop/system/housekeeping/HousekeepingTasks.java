package org.civicloop.system.housekeeping;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own purge, on one node at a time (db-scheduler): completed event publications. */
@Slf4j
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HousekeepingProperties.class)
class HousekeepingTasks {

    @Bean
    RecurringTask<Void> eventPublicationPurgeTask(EventPublicationPurge purge, HousekeepingProperties properties) {
        return Tasks.recurring("housekeeping-event-publications", FixedDelay.of(properties.interval()))
                .execute((instance, context) -> {
                    int deleted = purge.purgeCompletedBefore(Instant.now().minus(properties.eventPublicationRetention()));
                    if (deleted > 0) {
                        log.info("Purged {} completed event publications older than {}", deleted, properties.eventPublicationRetention());
                    }
                });
    }
}
