package org.civicloop.benchmark;

import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.civicloop.audit.AuditTrail;
import org.civicloop.language.TextVectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar civicloop.jar generate-data --opinions=10000000 [--districts=100] [--years=3]
 * [--work-orders=…] [--suggestions=…] [--seed=2026] [--vectors=false] --civicloop.data-dir=…}: see
 * {@link DataGenerator}; --vectors=false leaves the opinions' sentence vectors to the background worker.
 * Prints what it wrote and its speed (rows/s); exit code 0 when done.
 */
@Component
@ConditionalOnProperty("civicloop.generate-data")
class GenerateDataCommand implements ApplicationRunner, ExitCodeGenerator {

    private final DataGenerator generator;
    private int exitCode = 1;

    GenerateDataCommand(DataSource dataSource, AuditTrail trail, ObjectProvider<TextVectors> vectors,
                        @Value("${civicloop.opinions.district-code:520111}") String homeDistrict,
                        // the same settings as the similar check's and the clustering's (their own modules' defaults)
                        @Value("${civicloop.language.similar.window:365d}") Duration similarWindow,
                        @Value("${civicloop.opinions.hotspots.window:P90D}") Duration clusterWindow,
                        @Value("${civicloop.opinions.hotspots.threshold:0.80}") double clusterThreshold) {
        // its own JdbcClient: bulk statements over millions of rows run longer than the 30 s limit
        // (spring.jdbc.template.query-timeout) that protects requests
        this.generator = new DataGenerator(dataSource, JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(dataSource)),
                trail, homeDistrict, vectors.getIfAvailable(),
                new DataGenerator.Clustering(similarWindow.plus(clusterWindow), clusterWindow, clusterThreshold));
    }

    @Override
    public void run(ApplicationArguments args) {
        DataGenerator.Options o = DataGenerator.Options.of(DataGenerator.options(Arrays.asList(args.getSourceArgs())));
        System.out.printf("generating %,d opinions over %d years in %d districts, %,d work orders, %,d suggestions (seed %d)%n",
                o.opinions(), o.years(), o.districts(), o.workOrders(), o.suggestions(), o.seed());
        DataGenerator.Summary s = generator.generate(o);
        long rows = s.opinions() + s.workOrders() + s.suggestions() + s.auditRows();
        System.out.printf("generated %,d opinions, %,d work orders, %,d suggestions, %,d audit rows, %,d regions in %.1f s:"
                        + " %,.0f opinions/s, %,.0f rows/s in all%n",
                s.opinions(), s.workOrders(), s.suggestions(), s.auditRows(), s.regions(), s.took().toMillis() / 1000.0,
                s.rowsPerSecond(s.opinions()), s.rowsPerSecond(rows));
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
