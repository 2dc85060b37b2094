package org.civicloop.organization.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.organization.domain.RegionImport;
import org.civicloop.organization.domain.UnitDetails;
import org.civicloop.organization.domain.UnitKind;
import org.civicloop.organization.domain.UnitService;
import org.civicloop.shared.StartupNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Huaxi-like district for trying CivicLoop: Guiyang's divisions, about thirty handling units
 * and one account per role. Loaded only with {@code civicloop.demo=true}; safe to load again
 * (what exists is left alone). The data is in {@code demo/*.csv}, never in the migrations.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganizationDemoData implements ApplicationRunner, StartupNotice {

    private final RegionImport regions;
    private final UnitService units;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    @Value("${civicloop.demo-password:Huaxi@2026}")
    private final String password;
    private final List<Line> logins = new ArrayList<>();

    @Override
    public void run(ApplicationArguments args) throws IOException {
        tx.executeWithoutResult(status -> {
            try {
                load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void load() throws IOException {
        if (!jdbc.sql("select exists (select 1 from region)").query(Boolean.class).single()) {
            var result = regions.importCsv(new ClassPathResource("demo/guiyang-regions.csv").getInputStream());
            if (!result.ok()) {
                throw new IllegalStateException("The demo regions do not import: " + result.errors());
            }
        }
        for (String[] u : rows("demo/units.csv")) {
            if (unitId(u[0]) == null) {
                units.create(new UnitDetails(u[0], UnitKind.valueOf(u[1]), u[2], null, Boolean.parseBoolean(u[3]), true));
            }
        }
        logins.add(new Line("startup.demo.header", password));
        for (String[] a : rows("demo/accounts.csv")) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : a[3].split(";")) {
                roles.add(Role.valueOf(r));
            }
            if (accounts.findIdByUsername(a[0]).isEmpty()) {
                accounts.create(a[0], new AccountDetails(a[1], null, a[2].isEmpty() ? null : unitId(a[2]), roles, true),
                        password, false);
            }
            logins.add(new Line("startup.demo.login", a[0],
                    new DefaultMessageSourceResolvable("role." + roles.iterator().next().name()), a[1]));
        }
    }

    private Long unitId(String name) {
        return jdbc.sql("select id from org_unit where name = :name").param("name", name).query(Long.class).optional().orElse(null);
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }

    @Override
    public List<Line> lines() {
        return logins;
    }
}
