package org.civicloop.suggestions.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.suggestions.bulletin.Bulletins;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.ContactStage;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.poll.Electorate;
import org.civicloop.suggestions.poll.PollService;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService;
import org.springframework.beans.factory.annotation.Value;
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
 * closed with published replies. Then the leader {@code leader} leads the supervision of the overdue
 * key suggestion, six chosen accounts (the deputy among them: enough ballots to publish) have an open
 * satisfaction poll of the two units, and this year's
 * collective notice is published ({@code demo/suggestion-extras.csv}). Runs after the deputies' demo
 * data; what is already there (same title) is left alone, so loading twice changes nothing.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SuggestionDemoData implements ApplicationRunner {

    private final SuggestionService service;
    private final UserDetailsService users;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LeadSupervisionService supervision;
    private final PollService polls;
    private final Bulletins bulletins;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    @Override
    public void run(ApplicationArguments args) {
        if (directory.accountIdByUsername("deputy").isEmpty()) {
            return;
        }
        for (String[] row : rows("demo/suggestions.csv")) {
            tx.executeWithoutResult(status -> load(row));
        }
        Map<String, String> extras = rows("demo/suggestion-extras.csv").stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
        tx.executeWithoutResult(status -> supervisionPollAndBulletin(extras));
    }

    /**
     * The district leader leads the supervision of the overdue key suggestion; an open poll of the two
     * demo units for six chosen accounts (the demo has one deputy login, fewer than the ballots a poll
     * needs to be published); this year's collective notice, published. Each only once.
     */
    private void supervisionPollAndBulletin(Map<String, String> extras) {
        CivicUser office = user("office");
        jdbc.sql("select id from suggestion where key_suggestion and status = 'ASSIGNED' order by id limit 1").query(Long.class)
                .optional().filter(id -> supervision.leadOf(id).isEmpty())
                .ifPresent(id -> supervision.nameLeader(id, directory.accountIdByUsername("leader").orElseThrow(),
                        LocalDate.now(zone).plusDays(30), office));
        if (!exists("suggestion_poll", extras.get("poll.title"))) {
            List<Long> units = rows("demo/suggestions.csv").stream().limit(1)
                    .flatMap(r -> java.util.stream.Stream.of(r[6], r[7]))
                    .map(name -> directory.unitIdByName(name).orElseThrow().value()).toList();
            long poll = polls.create(new PollService.NewPoll(extras.get("poll.title"), units, Electorate.CHOSEN,
                    List.of(extras.get("poll.voters").split(","))), office);
            polls.open(poll, office);
        }
        if (!exists("suggestion_bulletin", extras.get("bulletin.title"))) {
            long bulletin = bulletins.create(extras.get("bulletin.title"), KpiPeriod.yearOf(LocalDate.now(zone)),
                    extras.get("bulletin.foreword"), office);
            bulletins.publish(bulletin, office);
        }
    }

    private boolean exists(String table, String title) {
        return jdbc.sql("select exists (select 1 from " + table + " where title = :t)").param("t", title).query(Boolean.class).single();
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
            service.notRegister(id, row[8], office);
            return;
        }
        service.register(id, row[2], state.equals("OVERDUE") || state.equals("CLOSED"), false, office);
        if (state.equals("REGISTERED")) {
            return;
        }
        long lead = directory.unitIdByName(row[6]).orElseThrow().value();
        long co = directory.unitIdByName(row[7]).orElseThrow().value();
        if (state.equals("CLOSED_SEPARATE")) {
            service.assign(id, HandlingMode.SEPARATE, List.of(new UnitRole(lead, AssignmentRole.SEPARATE),
                    new UnitRole(co, AssignmentRole.SEPARATE)), office, Instant.now().minus(Duration.ofDays(40)));
            service.sign(id, 1, unit);
            service.sign(id, 2, unit2);
            contact(id, 1, row[9], false, unit);
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
        service.sendView(id, 2, row[8], unit2);
        contact(id, 1, row[9], true, unit);
        service.reply(id, 1, row[4], row[5], unit);
        service.auditReply(id, 1, row[5], office);
        service.sendForEvaluation(id, office);
        if (state.equals("CLOSED")) {
            service.evaluate(id, Evaluation.BASICALLY_SATISFIED, null, deputy);
        }
    }

    /** A contact with the deputy before the reply (三次沟通), face to face or not (见面率). */
    private void contact(long id, int seq, String summary, boolean faceToFace, CivicUser unit) {
        if (!summary.isBlank()) {
            service.recordContact(id, seq, ContactStage.BEFORE, faceToFace, summary, unit);
        }
    }

    private CivicUser user(String username) {
        return (CivicUser) users.loadUserByUsername(username);
    }

    private static List<String[]> rows(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\\|", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
