package org.civicloop.suggestions.kpi;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background work of the KPIs, run on one node at a time by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class KpiTasks {

    /** The dashboard's maintained counts take in the assignments changed since the last run. */
    @Bean
    RecurringTask<Void> suggestionsKpiTallyTask(KpiTally tally, KpiProperties properties) {
        return Tasks.recurring("suggestions-kpi-tally", FixedDelay.of(properties.tallyInterval()))
                .execute((instance, context) -> tally.catchUp());
    }
}
