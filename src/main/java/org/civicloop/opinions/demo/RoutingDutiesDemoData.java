package org.civicloop.opinions.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.routing.RoutingDuties;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo district's handling units' duty descriptions ({@code demo/routing-duties.csv}, in the words
 * of such bureaus' usual 三定 duties), written by the demo office through {@link RoutingDuties}, so
 * that routing suggestions have them from the first start. The row {@value #TOWNS} is written for
 * every town and street government. A unit that already has one keeps it.
 */
@Component
@Order(59)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RoutingDutiesDemoData implements ApplicationRunner {

    static final String RESOURCE = "demo/routing-duties.csv";
    static final String TOWNS = "@towns";

    private final RoutingDuties duties;
    private final Directory directory;
    private final UserDetailsService users;

    record Row(String unit, String category, String duty) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.accountIdByUsername("office").isEmpty()) {
            return;
        }
        CivicUser office = (CivicUser) users.loadUserByUsername("office");
        var written = duties.all();
        for (Row r : rows()) {
            written.stream()
                    .filter(d -> TOWNS.equals(r.unit()) ? d.townOrStreet() : d.unitName().equals(r.unit()))
                    .filter(d -> !d.written())
                    .forEach(d -> duties.write(d.unitId(), r.category(), r.duty(), office));
        }
    }

    static List<Row> rows() {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 3))
                    .map(c -> new Row(c[0], c[1], c[2])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
