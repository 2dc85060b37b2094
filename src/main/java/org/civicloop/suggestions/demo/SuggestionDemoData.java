package org.civicloop.suggestions.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nine fictional suggestions of the demo deputy 王建国 ({@code demo/suggestions.csv}), each driven
 * through {@link SuggestionService} by the demo accounts to its state (the lead unit's staff are the
 * demo login {@code unit}, the co-unit's {@code unit2}), so that every list has
 * something in it: a draft, one submitted, one refused, one registered, one being handled, one
 * whose reply is overdue (assigned five months ago), one awaiting the deputy's evaluation, and two
 * closed with published replies. Runs after the deputies' demo data; a suggestion already there
 * (same title) is left alone, so loading twice changes nothing.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("civicloop.demo")
class SuggestionDemoData implements ApplicationRunner {

    private final SuggestionService service;
    private final UserDetailsService users;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SuggestionDemoData(SuggestionService service, UserDetailsService users, Directory directory, JdbcClient jdbc,
                       TransactionTemplate tx) {
        this.service = service;
        this.users = users;
        this.directory = directory;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.accountIdByUsername("deputy").isEmpty()) {
            return;
        }
        for (String[] row : rows()) {
            tx.executeWithoutResult(status -> load(row));
        }
    }

    private void load(String[] row) {
        String state = row[0];
        String title = row[1];
        if (jdbc.sql("select exists (select 1 from suggestion where title = :t)").param("t", title).query(Boolean.class).single()) {
            return;
        }
        CivicUser deputy = user("deputy");
        CivicUser office = user("office");
        CivicUser unit = user("unit");
        CivicUser unit2 = user("unit2");
        long id = service.draft(new SuggestionDraft(title, row[3], row[2], SubmissionPeriod.RECESS, List.of(), List.of()), deputy);
        if (state.equals("DRAFT")) {
            return;
        }
        service.submit(id, deputy);
        if (state.equals("SUBMITTED")) {
            return;
        }
        if (state.equals("NOT_REGISTERED")) {
            service.notRegister(id, row[3], office);
            return;
        }
        service.register(id, row[2], state.equals("OVERDUE") || state.equals("CLOSED"), false, office);
        if (state.equals("REGISTERED")) {
            return;
        }
        long lead = directory.unitIdByName(row[6]).orElseThrow();
        long co = directory.unitIdByName(row[7]).orElseThrow();
        if (state.equals("CLOSED_SEPARATE")) {
            service.assign(id, HandlingMode.SEPARATE, List.of(new UnitRole(lead, AssignmentRole.SEPARATE),
                    new UnitRole(co, AssignmentRole.SEPARATE)), office, Instant.now().minus(Duration.ofDays(40)));
            service.sign(id, 1, unit);
            service.sign(id, 2, unit2);
            service.reply(id, 1, row[4], row[5], unit);
            service.reply(id, 2, row[4], row[5], unit2);
            service.auditReply(id, 1, row[5], office);
            service.auditReply(id, 2, row[5], office);
            service.sendForEvaluation(id, office);
            service.evaluate(id, Evaluation.SATISFIED, null, deputy);
            return;
        }
        // the overdue one was assigned five months ago: its three-month reply clock has run out
        // (the KPI tests keep 45 to 110 days ago for their own assignments)
        Instant assignedAt = Instant.now().minus(Duration.ofDays(state.equals("OVERDUE") ? 150 : 20));
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(lead, AssignmentRole.LEAD),
                new UnitRole(co, AssignmentRole.CO)), office, assignedAt);
        service.sign(id, 1, unit);
        if (state.equals("ASSIGNED") || state.equals("OVERDUE")) {
            return;
        }
        service.sign(id, 2, unit2);
        service.sendView(id, 2, row[3], unit2);
        service.reply(id, 1, row[4], row[5], unit);
        service.auditReply(id, 1, row[5], office);
        service.sendForEvaluation(id, office);
        if (state.equals("CLOSED")) {
            service.evaluate(id, Evaluation.BASICALLY_SATISFIED, null, deputy);
        }
    }

    private CivicUser user(String username) {
        return (CivicUser) users.loadUserByUsername(username);
    }

    private static List<String[]> rows() {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource("demo/suggestions.csv").getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\\|", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
