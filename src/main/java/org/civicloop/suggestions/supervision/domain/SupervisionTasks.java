package org.civicloop.suggestions.supervision.domain;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background work of supervision, run on one node at a time by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class SupervisionTasks {

    static final String REMINDER_TASK = "supervision-reminders";

    /** Tracking reports and resolution follow-ups due soon (to the unit) or overdue (to the office). */
    @Bean
    RecurringTask<Void> supervisionRemindersTask(SupervisionReminders reminders, SupervisionProperties properties) {
        return reminderTask(reminders, properties, Clock.systemUTC());
    }

    /** The recurring task; the clock is its notion of now (tests give a fixed one). */
    static RecurringTask<Void> reminderTask(SupervisionReminders reminders, SupervisionProperties properties, Clock clock) {
        return Tasks.recurring(REMINDER_TASK, FixedDelay.of(properties.reminderInterval()))
                .execute((instance, context) -> reminders.remind(clock.instant()));
    }
}
