package org.civicloop.opinions.domain;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background work of the opinions module, run on one node at a time by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class OpinionTasks {

    /** Replies the voter did not rate within {@code civicloop.opinions.rating-days} close as not rated. */
    @Bean
    RecurringTask<Void> opinionsCloseUnratedTask(OpinionService service, OpinionsProperties properties) {
        return Tasks.recurring("opinions-close-unrated", FixedDelay.of(properties.ratingCheckInterval()))
                .execute((instance, context) -> {
                    Instant cutoff = Instant.now().minus(Duration.ofDays(properties.ratingDays()));
                    while (service.closeUnrated(cutoff) == 500) {
                        // a batch at a time, each in its own transaction
                    }
                });
    }

    /** The ledger's maintained counts take in the opinions changed since the last run. */
    @Bean
    RecurringTask<Void> opinionsTallyTask(OpinionTally tally, OpinionsProperties properties) {
        return Tasks.recurring("opinions-tally", FixedDelay.of(properties.tallyInterval()))
                .execute((instance, context) -> tally.catchUp());
    }

    /** Addresses opinions were sent from are cleared after {@code civicloop.privacy.ip-retention}. */
    @Bean
    RecurringTask<Void> opinionsClearSourceAddressesTask(SourceAddressRetention retention, PrivacyProperties properties) {
        return Tasks.recurring("opinions-clear-source-addresses", FixedDelay.of(properties.ipRetentionCheckInterval()))
                .execute((instance, context) -> {
                    Instant now = Instant.now();
                    while (retention.clearExpired(now) == SourceAddressRetention.BATCH) {
                        // a batch at a time, each in its own transaction
                    }
                });
    }
}
