package org.civicloop.deadlines.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civicloop.scheduler.*}: the cluster-safe db-scheduler that runs recurring work such as the
 * deadline scan. Off ({@code enabled=false}) on a node that must not run background work.
 *
 * @param enabled         whether this node runs scheduled tasks at all
 * @param pollingInterval how often the node looks for due executions
 * @param threads         how many executions run at once on this node
 * @param shutdownMaxWait how long shutdown waits for running executions
 * @param heartbeatInterval how often a node marks the executions it runs as alive; one not marked for six of these
 *                        (a node killed, or stopped while a long run went on) is taken up again by another node or
 *                        the next start (db-scheduler's default of 5 min left the ledger's counts waiting 32 min)
 */
@ConfigurationProperties("civicloop.scheduler")
public record SchedulerProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("10s") Duration pollingInterval,
                                  @DefaultValue("2") int threads,
                                  @DefaultValue("30s") Duration shutdownMaxWait,
                                  @DefaultValue("30s") Duration heartbeatInterval) {
}
