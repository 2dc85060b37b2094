package org.civicloop.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.briefings.BriefingEvents.BriefingAttended;
import org.civicloop.legislation.LegislationEvents.ConsultationHeld;
import org.civicloop.opinions.domain.AddresseeKind;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.suggestions.SuggestionEvents.SuggestionFiled;
import org.civicloop.suggestions.SuggestionEvents.SuggestionResultsKnown;
import org.civicloop.suggestions.SuggestionPeople;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new activity in another module reaches the duty record through that module's events only: an opinion
 * sent through a deputy's duty code, a suggestion led and co-signed, a class-A result, a briefing attended
 * and a legislative consultation (the last two published here in a transaction, as their modules will).
 * A replayed event counts once; an event whose transaction rolled back never counts. The lines are written
 * in the background, so each test waits for the records to catch up ({@link DemoFixture#recordsSettled()}).
 */
@IntegrationTest
class RecordsFromEventsIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    OpinionService opinions;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DutyRecords records;

    @Test
    void anOpinionSentThroughADeputysDutyCodeIsALineOfTheirRecord() {
        long deputy = demo.deputy("王建国");
        demo.recordsSettled();
        int before = records.points(deputy, LocalDate.now().getYear());
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        Opinion o = opinions.submit(SubmitOpinion.of(Channel.QR).addressee(AddresseeKind.DEPUTY, deputy).category("URBAN")
                .content("村口的路灯坏了半个月，晚上走路很不方便").place(village, null).build(), List.of());
        demo.recordsSettled();
        assertThat(kindOf("opinion", o.id(), deputy)).isEqualTo("OPINION");
        assertThat(jdbc.sql("select count(*) from record_entry where source = 'opinion' and source_id = :id")
                .param("id", o.id()).query(Integer.class).single()).as("only the addressee").isEqualTo(1);
        assertThat(records.points(deputy, LocalDate.now().getYear())).as("the demo's rule gives an opinion points")
                .isGreaterThanOrEqualTo(before);
    }

    @Test
    void aSuggestionCountsForItsLeadDeputyAndItsCoSignerOnceSubmitted() {
        SuggestionPeople people = new SuggestionPeople(jdbc, users, accounts);
        long coSigner = people.coSignerDeputyId();
        long lead = demo.deputy("王建国");
        long id = suggestions.draft(new SuggestionDraft("履职档案测试：增设农村客运班线", "建议增加青岩镇至区城的客运班次。", "URBAN",
                SubmissionPeriod.RECESS, List.of(coSigner), List.of()), people.user("deputy"));
        suggestions.confirmCoSigning(id, people.user(SuggestionPeople.CO_SIGNER));
        demo.recordsSettled();
        assertThat(kindOf("suggestion", id, lead)).as("a draft is not yet a deed").isNull();
        suggestions.submit(id, people.user("deputy"));
        demo.recordsSettled();
        assertThat(kindOf("suggestion", id, lead)).isEqualTo("SUGGESTION_LED");
        assertThat(kindOf("suggestion", id, coSigner)).isEqualTo("SUGGESTION_COSIGNED");
        assertThat(records.entries(coSigner, LocalDate.now().getYear())).extracting(DutyRecords.DutyEntry::title)
                .contains("履职档案测试：增设农村客运班线");
    }

    @Test
    void aFilingHandledAfterTheConfidentialMarkingKeepsNoTitle() {
        long lead = demo.deputy("李秀英");
        Instant at = Instant.parse("2026-03-03T02:00:00Z");
        // the marking first, then the filing (events are handled in any order; a retry comes late)
        publish(new SuggestionResultsKnown(918_000_003L, lead, List.of(), true, List.of("B"), at));
        demo.recordsSettled();
        publish(new SuggestionFiled(918_000_003L, "涉密事项二", lead, List.of(), at));
        demo.recordsSettled();
        assertThat(kindOf("suggestion", 918_000_003L, lead)).isEqualTo("SUGGESTION_LED");
        assertThat(jdbc.sql("select title from record_entry where source = 'suggestion' and source_id = 918000003")
                .query(String.class).list()).as("confidential: the title is not kept").hasSize(1).containsOnlyNulls();
    }

    @Test
    void aClassAResultEarnsTheLeadDeputyTheBonusOnceAndAConfidentialSuggestionShowsNoTitle() {
        long lead = demo.deputy("李秀英");
        long other = demo.deputy("张德明");
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        for (int replay = 0; replay < 2; replay++) {
            publish(new SuggestionFiled(918_000_001L, "改善学校周边交通", lead, List.of(other), at));
            publish(new SuggestionResultsKnown(918_000_001L, lead, List.of(other), false, List.of("A", "A"), at));
            publish(new SuggestionFiled(918_000_002L, "涉密事项", lead, List.of(), at));
            publish(new SuggestionResultsKnown(918_000_002L, lead, List.of(), true, List.of("B"), at));
        }
        demo.recordsSettled();
        assertThat(count("suggestion.classA", 918_000_001L)).isEqualTo(1);
        assertThat(kindOf("suggestion.classA", 918_000_001L, lead)).isEqualTo("SUGGESTION_CLASS_A");
        assertThat(kindOf("suggestion.classA", 918_000_001L, other)).as("the bonus is the lead deputy's").isNull();
        assertThat(count("suggestion.classA", 918_000_002L)).as("class B earns no bonus").isZero();
        assertThat(jdbc.sql("select title from record_entry where source = 'suggestion' and source_id = 918000002")
                .query(String.class).list()).as("confidential: the title is not kept").hasSize(1).containsOnlyNulls();
    }

    @Test
    void aBriefingAndAConsultationCountOnceEvenWhenReplayedAndARolledBackOneNever() {
        long deputy = demo.deputy("刘桂芳");
        long site = demo.site("青岩镇人大代表联络站");
        for (int replay = 0; replay < 3; replay++) {
            publish(new BriefingAttended(917_000_001L, "STATE_ORGAN_REPORT", "区法院年度工作报告会", LocalDate.parse("2026-05-12"), deputy));
            publish(new ConsultationHeld(917_000_001L, 5L, site, "MEETING", LocalDate.parse("2026-06-03"), 25, List.of(deputy)));
        }
        demo.recordsSettled();
        assertThat(count("briefing", 917_000_001L)).isEqualTo(1);
        assertThat(kindOf("briefing", 917_000_001L, deputy)).isEqualTo("BRIEFING");
        assertThat(kindOf("consultation", 917_000_001L, deputy)).isEqualTo("CONSULTATION");
        assertThat(records.entries(deputy, 2026)).extracting(DutyRecords.DutyEntry::title)
                .contains("区法院年度工作报告会", "青岩镇人大代表联络站");

        tx.executeWithoutResult(s -> {
            events.publishEvent(new BriefingAttended(917_000_002L, "TRAINING", "回滚的培训", LocalDate.parse("2026-05-13"), deputy));
            s.setRollbackOnly();
        });
        demo.recordsSettled();
        assertThat(count("briefing", 917_000_002L)).isZero();
    }

    String kindOf(String source, long sourceId, long deputy) {
        return jdbc.sql("select kind from record_entry where source = :s and source_id = :id and deputy_id = :d")
                .param("s", source).param("id", sourceId).param("d", deputy).query(String.class).optional().orElse(null);
    }

    int count(String source, long sourceId) {
        return jdbc.sql("select count(*) from record_entry where source = :s and source_id = :id")
                .param("s", source).param("id", sourceId).query(Integer.class).single();
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }
}
