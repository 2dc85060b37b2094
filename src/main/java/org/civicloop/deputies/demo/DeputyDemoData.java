package org.civicloop.deputies.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.domain.DeputyDetails;
import org.civicloop.deputies.domain.DeputyLevel;
import org.civicloop.deputies.domain.DeputyService;
import org.civicloop.deputies.domain.DeputyStatus;
import org.civicloop.organization.Directory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Thirteen fictional deputies across Huaxi's towns and streets ({@code demo/deputies.csv}), one of
 * them 王建国, linked to the demo login {@code deputy}, with the fixed duty token
 * {@code wangjg2026hx} that the README prints. Runs after the organisation's demo data (which
 * brings the places and the login); a deputy already on the roster (same name and region) is left
 * alone, so loading twice changes nothing.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeputyDemoData implements ApplicationRunner {

    private final DeputyService deputies;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> load());
    }

    private void load() {
        for (String[] d : rows("demo/deputies.csv")) {
            boolean exists = jdbc.sql("select exists (select 1 from deputy where name = :n and region_code = :r)")
                    .param("n", d[0]).param("r", d[3]).query(Boolean.class).single();
            if (exists) {
                continue;
            }
            Long accountId = d[7].isEmpty() ? null : directory.accountIdByUsername(d[7]).orElse(null);
            var details = new DeputyDetails(d[0], DeputyLevel.valueOf(d[1]), d[2], d[3], d[4], d[5],
                    DeputyStatus.valueOf(d[6]), accountId);
            if (d[8].isEmpty()) {
                deputies.create(details);
            } else {
                deputies.create(details, d[8]);
            }
        }
    }

    private static List<String[]> rows(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
