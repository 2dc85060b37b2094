package org.civicloop.opinions.hotspots;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background assignment of new opinions to same-matter clusters, run on one node at a time by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class HotspotTasks {

    @Bean
    RecurringTask<Void> opinionsClusterTask(ClusterAssigner assigner, HotspotProperties properties) {
        return Tasks.recurring("opinions-same-matter-clusters", FixedDelay.of(properties.interval()))
                .execute((instance, context) -> assigner.runAll());
    }
}
