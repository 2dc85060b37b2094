package org.civicloop.records.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.records.domain.DutyRecordService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The duty records' demo: points rules ({@code demo/records-rules.csv}: last year's, this year's from 1 January
 * and one changed from 1 July) and, for every serving deputy, a reviewed manual entry
 * ({@code demo/records-manual.csv}), so that every demo deputy has a record and points even before the later
 * loaders' opinions and suggestions arrive; two entries wait for review and one was refused. Everything else
 * in the records comes from the events the other demo loaders publish (the network at work ran before this
 * one, the suggestions and opinions run after it): nothing is read from their tables. Each part is skipped
 * when its table already has rows.
 */
@Component
@Order(25)
@ConditionalOnBooleanProperty("civicloop.demo")
class RecordsDemoData implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DutyRecordService records;
    private final DeputyRoster roster;
    private final Directory directory;
    private final ZoneId zone;

    RecordsDemoData(JdbcClient jdbc, TransactionTemplate tx, DutyRecordService records, DeputyRoster roster, Directory directory,
                    @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.records = records;
        this.roster = roster;
        this.directory = directory;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(zone);
        tx.executeWithoutResult(s -> rules(today));
        Long officeAccount = directory.accountIdByUsername("office").orElse(null);
        if (officeAccount == null) {
            return;
        }
        CivicUser office = new CivicUser(officeAccount, "office", "office", null, null, Set.of(Role.CONGRESS_OFFICE), true, null,
                false, 0, "");
        tx.executeWithoutResult(s -> manualEntries(office, today));
    }

    private void rules(LocalDate today) {
        if (count("record_point_rule") > 0) {
            return;
        }
        for (String[] r : rows("demo/records-rules.csv")) {
            LocalDate from = switch (r[3]) {
                case "LAST_YEAR" -> LocalDate.of(today.getYear() - 1, 1, 1);
                case "MID_YEAR" -> LocalDate.of(today.getYear(), 7, 1);
                default -> LocalDate.of(today.getYear(), 1, 1);
            };
            records.addRule(new DutyRecordService.RuleChange(r[0], Integer.valueOf(r[1]), r[2].isEmpty() ? null : Integer.valueOf(r[2]),
                    from, r.length > 4 ? r[4] : null), "office");
        }
    }

    private void manualEntries(CivicUser office, LocalDate today) {
        if (count("record_manual_entry") > 0) {
            return;
        }
        List<String[]> rows = rows("demo/records-manual.csv");
        List<DeputySummary> deputies = roster.active();
        int span = Math.max(1, today.getDayOfYear() - 1);
        for (int i = 0; i < deputies.size(); i++) {
            String[] r = rows.get(i % rows.size());
            LocalDate on = today.minusDays((i * 11L + 3) % span);
            long id = records.submitManual(new DutyRecordService.ManualDraft(deputies.get(i).id(), r[0], on, r[1], r[2]), office);
            records.approve(id, office);
        }
        for (int i = 0; i < Math.min(3, deputies.size()); i++) {
            String[] r = rows.get((i + 3) % rows.size());
            long id = records.submitManual(new DutyRecordService.ManualDraft(deputies.get(i).id(), r[0], today.minusDays(i + 1),
                    r[1], r[2]), office);
            if (i == 2) {
                records.refuse(id, r[3], office);
            }
        }
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
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
