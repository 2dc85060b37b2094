package org.civicloop.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, on the shared test PostgreSQL, with the demo data set
 * loaded. Every integration test uses exactly this configuration so that one Spring context serves
 * them all. The background scheduler is off: tests drive time themselves (for example
 * {@code DeadlineScanner.scan(now)}), and a scan at the real time would race them. So are the
 * minutely retries of notifications and unfinished events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civicloop.demo=true", "civicloop.data-dir=${civicloop.test.data-dir:target/test-data}", "civicloop.scheduler.enabled=false",
                // nor do the retries of failed notifications and unfinished events run on their own: a retry
                // between a test's failure and its check would race it (tests call NotificationRetry, UnfinishedEvents)
                "civicloop.notifications.retry-interval=7d", "civicloop.events.retry-interval=7d",
                // Tomcat's work folder under target, not one more tomcat.* folder in the temp folder per run
                "server.tomcat.basedir=target/tomcat",
                // links printed on posters and in messages name a fixed address, not the random port
                "civicloop.public-base-url=http://localhost:8080",
                // the tests' shared PostgreSQL arrives after the environment: do not boot the app's own
                "civicloop.embedded-db.early-start=false",
                // the suite signs in wrongly on purpose from loopback many times; the throttle's own
                // test (SignInSecurityIntegrationTests) comes from other addresses
                "civicloop.security.sign-in-throttle.trusted-addresses=127.0.0.1,0:0:0:0:0:0:0:1"})
@AutoConfigureMockMvc
@Import(DemoFixture.class)
public @interface IntegrationTest {
}
