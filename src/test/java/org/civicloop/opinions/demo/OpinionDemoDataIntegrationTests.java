package org.civicloop.opinions.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's voters' opinions (issue 8, item 4): on a fresh demo start the office's 民意台, a unit's
 * work orders and the ledger have the loop in every channel and state, and loading again adds nothing.
 * The demo rows are recognised by their texts, so that other tests' opinions in the shared database
 * do not count.
 */
@IntegrationTest
class OpinionDemoDataIntegrationTests {

    @Autowired
    OpinionDemoData loader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.civicloop.language.domain.LanguageService language;
    @Autowired
    org.civicloop.opinions.hotspots.ClusterAssigner assigner;
    @Autowired
    org.civicloop.opinions.hotspots.HotspotQueries hotspots;
    @Autowired
    org.civicloop.testing.DemoFixture demo;

    @Test
    void everyChannelAndStateIsThereThroughTheServicesAndLoadingTwiceAddsNothing() {
        List<String> contents = OpinionDemoData.rows().stream().map(OpinionDemoData.Row::content).toList();
        assertThat(contents).hasSizeBetween(45, 60).doesNotHaveDuplicates();
        assertThat(demo("select count(*) from opinion o where o.content in (:c)")).isEqualTo(contents.size());
        // every channel
        assertThat(jdbc.sql("select distinct channel from opinion where content in (:c)").param("c", contents)
                .query(String.class).set())
                .contains("QR", "ONLINE", "HOTLINE", "OPEN311", "RECEPTION", "VISIT", "MARKET_DAY");
        // every state of an opinion
        assertThat(jdbc.sql("select distinct status from opinion where content in (:c)").param("c", contents)
                .query(String.class).set())
                .contains("SUBMITTED", "ACCEPTED", "REJECTED", "MERGED", "HANDLING", "IN_SUGGESTION", "CLOSED");
        // replied and waiting for the voter's rating; the suite's rating-period sweep
        // (OpinionLifecycleIntegrationTests) may already have closed them unrated, so look at the rating
        assertThat(demo("""
                select count(*) from opinion o where o.content in (:c) and o.replied_at is not null
                   and (o.status = 'REPLIED' or o.rating = 'NOT_RATED')""")).isGreaterThanOrEqualTo(1);
        // refused with a reason, merged into another, rated, reopened, answered by the office
        assertThat(demo("select count(*) from opinion where content in (:c) and status = 'REJECTED' and reject_reason is not null")).isGreaterThanOrEqualTo(3);
        assertThat(demo("select count(*) from opinion where content in (:c) and duplicate_of is not null")).isGreaterThanOrEqualTo(3);
        assertThat(demo("select count(*) from opinion where content in (:c) and rating in ('SATISFIED', 'BASICALLY_SATISFIED')")).isGreaterThanOrEqualTo(3);
        assertThat(demo("select count(*) from opinion where content in (:c) and reopen_count > 0")).isGreaterThanOrEqualTo(3);
        assertThat(demo("select count(*) from opinion where content in (:c) and status = 'CLOSED' and rating = 'DISSATISFIED'")).isEqualTo(1);
        // work orders in every state, some overdue on the working-day clock, some of them the demo units'
        assertThat(jdbc.sql("select distinct w.status from work_order w join opinion o on o.id = w.opinion_id where o.content in (:c)")
                .param("c", contents).query(String.class).set()).contains("ASSIGNED", "SIGNED", "REPLIED");
        assertThat(demo("""
                select count(*) from work_order w join opinion o on o.id = w.opinion_id
                 where o.content in (:c) and w.status in ('ASSIGNED', 'SIGNED') and w.due_at < now()""")).isGreaterThanOrEqualTo(4);
        assertThat(demo("""
                select count(*) from work_order w join opinion o on o.id = w.opinion_id join org_unit u on u.id = w.unit_id
                 where o.content in (:c) and u.name = '花溪区住房和城乡建设局' and w.status in ('ASSIGNED', 'SIGNED')""")).isGreaterThanOrEqualTo(4);
        // an overdue order's timeline reads accepted and assigned when it was, before its deadline, not on the day the
        // demo was loaded (it read 已受理 and 已交办 on 8 December under a deadline of 13 November, 已超期)
        assertThat(demo("""
                select count(*) from work_order w join opinion o on o.id = w.opinion_id
                  join opinion_step a on a.opinion_id = o.id and a.kind = 'accepted'
                  join opinion_step f on f.opinion_id = o.id and f.kind = 'forwarded'
                 where o.content in (:c) and w.round = 1 and w.status in ('ASSIGNED', 'SIGNED') and w.due_at < now()
                   and a.at < f.at and abs(extract(epoch from f.at - w.assigned_at)) < 1 and f.at < w.due_at""")).isGreaterThanOrEqualTo(4);
        // staff-recorded ones name who recorded them; QR ones their deputy or station
        assertThat(demo("select count(*) from opinion where content in (:c) and channel in ('RECEPTION', 'VISIT', 'MARKET_DAY') and recorded_by_account is null")).isZero();
        assertThat(demo("select count(*) from opinion where content in (:c) and channel = 'QR' and addressee_id is null")).isZero();
        // three linked to the demo deputy's draft suggestion, on both sides of the link
        assertThat(demo("""
                select count(*) from opinion o join suggestion s on s.id = o.suggestion_id
                 where o.content in (:c) and s.title = '关于加强青岩古镇消防设施建设的建议' and o.status = 'IN_SUGGESTION'""")).isEqualTo(3);
        long opinions = jdbc.sql("select count(*) from opinion").query(Long.class).single();
        long orders = jdbc.sql("select count(*) from work_order").query(Long.class).single();
        long steps = jdbc.sql("select count(*) from opinion_step").query(Long.class).single();

        loader.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(opinions);
        assertThat(jdbc.sql("select count(*) from work_order").query(Long.class).single()).isEqualTo(orders);
        assertThat(jdbc.sql("select count(*) from opinion_step").query(Long.class).single()).isEqualTo(steps);
    }

    /**
     * A new user opening 热点 finds one: the demo's four people who raised the missing bus shelter on 花溪大道
     * (the public form, the 12345 hotline, a deputy's QR code, a market day; four phone numbers or none) form
     * one same-matter cluster, and the month's hot spots count its people.
     */
    @Test
    void theBusShelterRaisedByFourPeopleIsOneHotSpot() {
        List<String> shelter = OpinionDemoData.rows().stream().filter(r -> List.of("n2", "t1", "t2", "t3").contains(r.key()))
                .map(OpinionDemoData.Row::content).toList();
        assertThat(shelter).hasSize(4);
        language.drain();
        assigner.runAll();
        List<Long> clusters = jdbc.sql("""
                        select m.cluster_id from opinion o join opinion_cluster_member m on m.opinion_id = o.id
                         where o.content in (:c)""").param("c", shelter).query(Long.class).list();
        assertThat(clusters).hasSize(4);
        assertThat(clusters).as("one cluster").containsOnly(clusters.get(0));
        // the office's page of this month's hot spots, on which it is the one raised by most people
        var month = hotspots.month(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")), demo.user("office"));
        assertThat(month.hotspots()).anySatisfy(h -> {
            assertThat(h.clusterId()).isEqualTo(clusters.get(0));
            assertThat(h.people()).isGreaterThanOrEqualTo(2);
        });
    }

    private long demo(String sql) {
        List<String> contents = OpinionDemoData.rows().stream().map(OpinionDemoData.Row::content).toList();
        return jdbc.sql(sql).param("c", contents).query(Long.class).single();
    }
}
