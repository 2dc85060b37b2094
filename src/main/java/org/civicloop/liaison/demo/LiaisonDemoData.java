package org.civicloop.liaison.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.domain.SiteDetails;
import org.civicloop.liaison.domain.SiteService;
import org.civicloop.liaison.domain.SiteType;
import org.civicloop.organization.Directory;
import org.civicloop.organization.UnitId;
import org.civicloop.shared.StartupNotice;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Huaxi's liaison network as the source articles size it ({@code demo/liaison-sites.csv}): the two
 * professional deputy homes, 16 town and street stations, 30 area rooms in communities and villages, 4
 * park rooms, 10 rural-revitalisation points, 8 economic observation points and 9 professional points,
 * plus a market-day mobile station, in real towns and villages ({@code demo/guiyang-regions.csv}), most
 * with resident deputies of their town. Sites in 青岩镇 other than the first station and the mobile one
 * are run by the office, so the demo station account keeps exactly those two. 青岩镇人大代表联络站 is run by 青岩镇人民政府 (the demo login
 * {@code station}) and has the fixed duty token {@code qingyan2026z} that the README prints. The three
 * legislative contact points ({@code demo/legislative-points.csv}) come from a file of their own. Runs
 * after the deputies' demo data; a site already there (same name and region) is left alone.
 */
@Component
@Order(21)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiaisonDemoData implements ApplicationRunner, StartupNotice {

    private final SiteService sites;
    private final DeputyRoster roster;
    private final Deputies deputies;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;
    /** (name, token) of the codes the start-up report shows: the demo deputy's and the sites' with fixed tokens. */
    private final List<String[]> shownCodes = new ArrayList<>();

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> load());
    }

    private void load() {
        directory.accountIdByUsername("deputy").flatMap(deputies::forAccount)
                .ifPresent(d -> shownCodes.add(new String[] {d.name(), d.dutyToken()}));
        Map<String, Long> deputyIds = new HashMap<>();
        for (DeputySummary d : roster.active()) {
            deputyIds.putIfAbsent(d.name(), d.id());
        }
        List<String[]> all = new ArrayList<>(rows("demo/liaison-sites.csv"));
        // the grassroots legislative contact points (issue 18), kept apart from the network the source sizes
        all.addAll(rows("demo/legislative-points.csv"));
        for (String[] s : all) {
            boolean exists = jdbc.sql("select exists (select 1 from liaison_site where name = :n and region_code = :r)")
                    .param("n", s[0]).param("r", s[2]).query(Boolean.class).single();
            if (!s[6].isEmpty()) {
                shownCodes.add(new String[] {s[0], s[6]});
            }
            if (exists) {
                continue;
            }
            Long unitId = s[4].isEmpty() ? null : directory.unitIdByName(s[4]).map(UnitId::value).orElse(null);
            Set<Long> residents = new HashSet<>();
            for (String name : s[7].split(";")) {
                if (!name.isBlank() && deputyIds.containsKey(name)) {
                    residents.add(deputyIds.get(name));
                }
            }
            var details = new SiteDetails(s[0], SiteType.valueOf(s[1]), s[2], s[3], unitId, s[5], true, residents);
            if (s[6].isEmpty()) {
                sites.create(details);
            } else {
                sites.create(details, s[6]);
            }
        }
    }

    /** Read when the application is ready, so the link names the port the server really listens on. */
    @Override
    public List<Line> lines() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        return shownCodes.stream()
                .map(c -> new Line("startup.demo.dutyCode", c[0], base + "/public/qr/" + c[1] + "/poster.pdf"))
                .toList();
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
