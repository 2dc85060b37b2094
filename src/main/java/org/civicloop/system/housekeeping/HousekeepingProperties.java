package org.civicloop.system.housekeeping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.housekeeping.*}: how long finished bookkeeping rows are kept, and how often they are purged.
 *
 * @param eventPublicationRetention how long a completed event publication (Spring Modulith's registry) is kept
 *                                  after its completion; incomplete ones are never purged (they are retried)
 * @param notificationLogRetention  how long a row of the notification log is kept after it was created
 * @param interval                  how often the purge runs (on one node, db-scheduler)
 */
@ConfigurationProperties("civicloop.housekeeping")
public record HousekeepingProperties(@DefaultValue("7d") Duration eventPublicationRetention,
                                     @DefaultValue("180d") Duration notificationLogRetention,
                                     @DefaultValue("1h") Duration interval) {
}
