package org.civicloop.deadlines.domain;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, declared by hand because its Spring Boot starter does not start under Boot 4. Every
 * {@link Task} bean in the application is known to the scheduler, and recurring ones are scheduled
 * at start-up, so later modules add background work by declaring a task bean. The scheduler starts
 * once the application is ready (not while the database is still migrating) and stops as soon as
 * the context starts closing, before the web server drains and before the connection pool closes; a
 * JVM shutdown closes the context through Spring's own hook, which is why db-scheduler's separate
 * hook is not registered (it would race the pool's closing). {@code civicloop.scheduler.enabled=false} leaves it out; so does the
 * {@code verify-audit} command.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "civicloop.scheduler.enabled", matchIfMissing = true)
class DeadlineScheduling {

    static final String SCAN_TASK = "deadlines-scan";
    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduling.class);

    @Bean
    RecurringTask<Void> deadlineScanTask(DeadlineScanner scanner, DeadlineProperties properties) {
        return scanTask(scanner, properties, Clock.systemUTC());
    }

    /** The recurring scan; the clock is the scan's notion of now (tests give a fixed one). */
    static RecurringTask<Void> scanTask(DeadlineScanner scanner, DeadlineProperties properties, Clock clock) {
        return Tasks.recurring(SCAN_TASK, FixedDelay.of(properties.scanInterval()))
                .execute((instance, context) -> scanner.scan(clock.instant()));
    }

    /** Stopped by {@link SchedulerStarter} when the context closes; no threads exist before it starts. */
    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulerProperties properties) {
        return build(dataSource, tasks.orderedStream().toList(), properties);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Scheduler build(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        List<Task<?>> known = new ArrayList<>();
        List startup = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof OnStartup) {
                startup.add(task);
            } else {
                known.add(task);
            }
        }
        // transaction-aware: a task scheduled inside a business transaction commits or rolls back with it
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(startup)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .heartbeatInterval(properties.heartbeatInterval())
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    SchedulerStarter schedulerStarter(Scheduler scheduler, @Value("${civicloop.command:false}") boolean command) {
        return new SchedulerStarter(scheduler, command);
    }

    static final class SchedulerStarter {

        private final Scheduler scheduler;
        private final boolean command;
        private volatile boolean started;

        SchedulerStarter(Scheduler scheduler, boolean command) {
            this.scheduler = scheduler;
            this.command = command;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            if (command) {
                return; // a one-shot command (verify-audit) runs no background work
            }
            log.info("Starting db-scheduler");
            scheduler.start();
            started = true;
        }

        /** First thing on close, before the web server drains and any bean (the pool) is destroyed. */
        @EventListener(ContextClosedEvent.class)
        void stop() {
            if (started) {
                started = false;
                scheduler.stop();
            }
        }
    }
}
