package org.civicloop;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CivicLoop: a district's closed loop from what people say to what government does about it.
 *
 * <p>{@code java -jar civicloop.jar} serves the web application; {@code java -jar civicloop.jar
 * verify-audit} checks the audit chain and exits (0 intact, 1 broken).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CivicLoopApplication {

    static final String VERIFY_AUDIT = "verify-audit";

    public static void main(String[] args) {
        if (isCommand(args)) {
            System.exit(runCommand(args));
        }
        new SpringApplication(CivicLoopApplication.class).run(args);
    }

    static boolean isCommand(String[] args) {
        return Arrays.asList(args).contains(VERIFY_AUDIT);
    }

    /** Runs a command without a web server and returns its exit code. */
    static int runCommand(String[] args) {
        SpringApplication app = new SpringApplication(CivicLoopApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "civicloop.command", "true",
                "civicloop.demo", "false",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        ConfigurableApplicationContext context = app.run(args);
        return SpringApplication.exit(context);
    }
}
