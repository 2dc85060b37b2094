package org.civicloop.services.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.civicloop.deadlines.DeadlineMissed;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.services.cases.domain.RatingLevel;
import org.civicloop.services.cases.domain.ServiceCase;
import org.civicloop.shared.BusinessException;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12: the applicant is told by SMS when the results are issued (and on acceptance), the window
 * hears in its inbox that every department decided, a department hears that its part is overdue, and
 * the departments see the applicant's one rating; an unrelated department may not decide a part.
 */
@IntegrationTest
class CaseNoticesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    CaseService cases;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theApplicantIsToldByTextTheWindowAndTheUnitInTheirInboxes() {
        String last4 = String.format("%04d", new Random().nextInt(10000));
        String phone = "1390085" + last4;
        var a = CaseFixtures.application();
        var application = new CaseService.Application(a.serviceCode(), a.answers(), a.values(), a.uploads(), a.applicantName(),
                phone, true, a.submissionKey());
        Instant t = Instant.now().minus(Duration.ofHours(3));
        long id = cases.apply(application, demo.user("enterprise"), t);
        cases.accept(id, demo.user("window"), t.plusSeconds(60));
        String reference = cases.view(id, demo.user("window")).reference();

        assertThatThrownBy(() -> cases.approve(id, "tax-migration", null, demo.user("police"), t.plusSeconds(90)))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> cases.approve(id, "tax-migration", null, demo.user("approver"), t.plusSeconds(90)))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("messageKey", "services.case.error.notAllowed");

        // a missed deadline on the tax part reaches the tax office's approvers
        tx.executeWithoutResult(s -> events.publishEvent(new DeadlineMissed(ServiceCase.CLOCK_SUBJECT,
                ServiceCase.clockId(id, "tax-migration"), t.plusSeconds(100))));
        long taxAccount = demo.user("tax").accountId();
        await().atMost(WAIT).until(() -> inbox(taxAccount, "services.approval.notice.missed", reference) > 0);

        cases.approve(id, "file-transfer", null, demo.user("approver"), t.plusSeconds(120));
        cases.approve(id, "change-registration", null, demo.user("approver"), t.plusSeconds(130));
        cases.approve(id, "tax-migration", null, demo.user("tax"), t.plusSeconds(140));
        cases.approve(id, "social-insurance", null, demo.user("hrss"), t.plusSeconds(150));
        assertThat(inbox(demo.user("window").accountId(), "services.window.notice.ready", reference)).isEqualTo(1);
        cases.issue(id, demo.user("window"), t.plusSeconds(200));

        String masked = "139****" + last4;
        await().atMost(WAIT).until(() -> texts(masked).containsAll(List.of("services.case.sms.accepted", "services.case.sms.completed")));

        cases.rate(id, RatingLevel.FAIRLY_SATISFIED, null, demo.user("enterprise"), t.plusSeconds(300));
        assertThat(cases.view(id, demo.user("tax")).rating().level()).isEqualTo(RatingLevel.FAIRLY_SATISFIED);
        assertThat(cases.view(id, demo.user("window")).rating().level()).isEqualTo(RatingLevel.FAIRLY_SATISFIED);
        assertThatThrownBy(() -> cases.rate(id, RatingLevel.VERY_SATISFIED, null, demo.user("enterprise"), t.plusSeconds(400)))
                .hasFieldOrPropertyWithValue("messageKey", "services.rating.error.alreadyRated");
    }

    private long inbox(long account, String key, String reference) {
        return jdbc.sql("select count(*) from staff_message where account_id = :a and message_key = :k and arguments::text like :r")
                .param("a", account).param("k", key).param("r", "%" + reference + "%").query(Long.class).single();
    }

    private List<String> texts(String maskedPhone) {
        return jdbc.sql("select message_key from notification_log where recipient = :r and channel = 'SMS'")
                .param("r", maskedPhone).query(String.class).list();
    }
}
