package org.civicloop.liaison.receptions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background work of receptions, run on one node at a time by db-scheduler. */
@Configuration(proxyBeanMethods = false)
class ReceptionTasks {

    static final String REMINDER_TASK = "reception-roster-reminders";

    /** The duty roster's reminders for tomorrow; hourly, so a roster entry added today is still reminded. */
    @Bean
    RecurringTask<Void> receptionRosterRemindersTask(RosterReminders reminders,
                                                     @Value("${civicloop.receptions.reminder-interval:1h}") Duration interval) {
        return reminderTask(reminders, interval, Clock.systemUTC());
    }

    static RecurringTask<Void> reminderTask(RosterReminders reminders, Duration interval, Clock clock) {
        return Tasks.recurring(REMINDER_TASK, FixedDelay.of(interval))
                .execute((instance, context) -> reminders.remind(clock.instant()));
    }
}
