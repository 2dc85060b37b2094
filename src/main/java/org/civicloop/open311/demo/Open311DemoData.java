package org.civicloop.open311.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.open311.domain.Partners;
import org.civicloop.shared.StartupNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One demo partner system, 12345热线平台（演示）, with the fixed API key
 * {@code demo-open311-key-huaxi-2026} that the README documents ({@code demo/open311-partners.csv}),
 * so the curl examples work on every demo start. A partner of that name already there (even
 * deactivated) is left alone, so loading twice changes nothing.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("civicloop.demo")
class Open311DemoData implements ApplicationRunner, StartupNotice {

    private final Partners partners;
    private final TransactionTemplate tx;
    private final String baseUrl;
    private final List<Line> lines = new ArrayList<>();

    Open311DemoData(Partners partners, TransactionTemplate tx,
                    @Value("${civicloop.public-base-url:http://localhost:8080}") String baseUrl) {
        this.partners = partners;
        this.tx = tx;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            for (String[] p : rows()) {
                if (!partners.exists(p[0])) {
                    partners.create(p[0], p[1], null);
                }
                lines.add(new Line("startup.demo.open311", p[0], p[1], baseUrl + "/open311/v2/services.json"));
            }
        });
    }

    @Override
    public List<Line> lines() {
        return lines;
    }

    private static List<String[]> rows() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/open311-partners.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
