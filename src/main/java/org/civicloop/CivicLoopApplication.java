package org.civicloop;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
 * verify-audit} checks the audit chain and exits (0 intact, 1 broken); {@code backup <file>} writes
 * the database, the audit key and the audit checkpoints into one archive, and {@code restore <file>}
 * loads one into a fresh data directory (or empty external database) and verifies the chain;
 * {@code generate-data --opinions=N} fills the database with generated data for the benchmarks.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CivicLoopApplication {

    static final String VERIFY_AUDIT = "verify-audit";
    static final String BACKUP = "backup";
    static final String RESTORE = "restore";
    static final String GENERATE_DATA = "generate-data";

    public static void main(String[] args) {
        if (isCommand(args)) {
            System.exit(runCommand(args));
        }
        new SpringApplication(CivicLoopApplication.class).run(args);
    }

    static boolean isCommand(String[] args) {
        List<String> list = Arrays.asList(args);
        return list.contains(VERIFY_AUDIT) || (!list.isEmpty() && (list.get(0).equals(BACKUP) || list.get(0).equals(RESTORE)
                || list.get(0).equals(GENERATE_DATA)));
    }

    /** Runs a command without a web server and returns its exit code. */
    static int runCommand(String[] args) {
        SpringApplication app = new SpringApplication(CivicLoopApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        Map<String, Object> defaults = new HashMap<>(Map.of(
                "civicloop.command", "true",
                "civicloop.demo", "false",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        if (args.length > 0 && (args[0].equals(BACKUP) || args[0].equals(RESTORE))) {
            if (args.length < 2 || args[1].startsWith("--")) {
                System.err.printf("usage: java -jar civicloop.jar %s <file> [--civicloop.data-dir=...]%n", args[0]);
                return 2;
            }
            defaults.put("civicloop." + args[0] + ".file", Path.of(args[1]).toAbsolutePath().toString());
        }
        if (args.length > 0 && args[0].equals(GENERATE_DATA)) {
            defaults.put("civicloop.generate-data", "true");
        }
        app.setDefaultProperties(defaults);
        ConfigurableApplicationContext context = app.run(args);
        return SpringApplication.exit(context);
    }
}
