package org.civicloop.legislation.adoption;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civicloop.legislation.report.CompiledReport;
import org.civicloop.legislation.report.CompiledReport.Comment;
import org.civicloop.legislation.report.CompiledReport.Group;
import org.civicloop.legislation.report.CompiledReport.Section;
import org.civicloop.legislation.report.Reports;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The closed draft of the demo, 「贵阳市养犬管理条例（草案）」 (created with its comments, final text and passing day
 * by the drafts part's loader, which runs before this one): each contact point's report compiled and sent, each
 * suggestion judged, the feedback published and its SMS recorded. Everything goes through the services. Does
 * nothing when the draft is absent, or already has reports.
 */
@Component
@Order(28)
@ConditionalOnBooleanProperty("civicloop.demo")
class AdoptionDemoData implements ApplicationRunner {

    static final String DRAFT_TITLE = "\u8d35\u9633\u5e02\u517b\u72ac\u7ba1\u7406\u6761\u4f8b\uff08\u8349\u6848\uff09";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Directory directory;
    private final Reports reports;
    private final Adoption adoption;
    private final MessageSource messages;

    AdoptionDemoData(JdbcClient jdbc, TransactionTemplate tx, Directory directory, Reports reports, Adoption adoption,
                     MessageSource messages) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.reports = reports;
        this.adoption = adoption;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> draft = jdbc.sql("select id from legislation_draft where title = :t order by id limit 1")
                .param("t", DRAFT_TITLE).query(Long.class).optional();
        draft.ifPresent(id -> feedBack(id, Instant.now()));
    }

    /** Reports, adoption and feedback for one draft; skipped when it has reports already. */
    void feedBack(long draftId, Instant now) {
        Optional<Long> account = directory.accountIdByUsername("office");
        if (account.isEmpty()) {
            return;
        }
        if (jdbc.sql("select count(*) from legislation_report where draft_id = :d").param("d", draftId).query(Long.class).single() > 0) {
            return;
        }
        CivicUser office = new CivicUser(account.get(), "office", "office", null, null, Set.of(Role.CONGRESS_OFFICE), true, null,
                false, 0, "");
        List<Long> points = jdbc.sql("select site_id from legislation_draft_point where draft_id = :d order by site_id")
                .param("d", draftId).query(Long.class).list();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Instant sent = now.minus(20, ChronoUnit.DAYS);
        tx.executeWithoutResult(s -> {
            for (long point : points) {
                CompiledReport r = reports.compile(office, draftId, point, null);
                if (r.comments() == 0) {
                    continue;
                }
                for (Section section : r.sections()) {
                    for (Group g : section.groups()) {
                        for (Comment c : g.comments()) {
                            // a view too short to say anything is left out, with the reason; the rest go in
                            boolean include = c.body().strip().codePointCount(0, c.body().strip().length()) >= 6;
                            reports.decide(office, draftId, point, c.id(), include,
                                    include ? null : messages.getMessage("legislation.report.demo.excluded", null, zh));
                        }
                    }
                    if (!section.groups().isEmpty()) {
                        Group top = section.groups().get(0);
                        reports.revise(office, draftId, point, section.article().articleId(), messages.getMessage(
                                "legislation.report.demo.revision", new Object[] {section.comments().size(),
                                        top.representative().body()}, zh));
                    }
                }
                reports.send(office, draftId, point, sent);
            }
        });
        boolean passed = jdbc.sql("select count(*) from legislation_draft where id = :d and final_text is not null and passed_on is not null")
                .param("d", draftId).query(Long.class).single() > 0;
        if (!passed) {
            return;
        }
        tx.executeWithoutResult(s -> {
            List<Adoption.Suggestion> suggestions = adoption.feedback(draftId).suggestions();
            for (int i = 0; i < suggestions.size(); i++) {
                String outcome = Adoption.OUTCOMES.get(i % Adoption.OUTCOMES.size());
                adoption.judge(office, draftId, suggestions.get(i).id(), outcome,
                        messages.getMessage("legislation.adoption.demo.reason." + outcome, null, zh), now);
            }
            adoption.publish(office, draftId, now);
        });
    }
}
