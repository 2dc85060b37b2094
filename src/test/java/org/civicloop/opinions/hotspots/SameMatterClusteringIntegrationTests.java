package org.civicloop.opinions.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicloop.language.TextVectors;
import org.civicloop.language.domain.LanguageService;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Same-matter clusters with the real model on the real database: a reworded complaint about the same
 * place joins the first one's cluster, the same complaint about another estate founds its own, a
 * rejected opinion is never a member (and leaves when rejected later), every cluster's figures agree
 * with its members, and a rerun (also from a cursor set back to the start) changes nothing.
 */
@IntegrationTest
class SameMatterClusteringIntegrationTests {

    @Autowired
    ClusterAssigner assigner;
    @Autowired
    TextVectors vectors;
    @Autowired
    LanguageService language;
    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;

    private Opinion submit(String content, String phone) {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content)
                .place(village, null).voter("市民", phone, null).consent(true).build(), List.of());
    }

    /** Computes every missing vector on this thread (the language module's drain), then assigns. */
    private int runWhenVectorsAreDone() {
        language.drain();
        return assigner.runAll();
    }

    private double similarity(Opinion x, Opinion y) {
        return TextVectors.cosine(vectors.embed(x.content()).orElseThrow(), vectors.embed(y.content()).orElseThrow());
    }

    private Long clusterOf(long opinionId) {
        return jdbc.sql("select cluster_id from opinion_cluster_member where opinion_id = :o").param("o", opinionId)
                .query(Long.class).optional().orElse(null);
    }

    private List<Map<String, Object>> snapshot() {
        return jdbc.sql("""
                select c.id, c.lead_opinion, c.size, c.first_at, c.last_at, m.opinion_id, m.similarity
                  from opinion_cluster c join opinion_cluster_member m on m.cluster_id = c.id order by m.opinion_id""")
                .query().listOfRows();
    }

    @Test
    void rewordedSamePlaceTextsGoTogetherAndAnotherPlaceStaysApartAndARerunChangesNothing() {
        Opinion a = submit("枫林苑小区3栋门口的路灯坏了两个星期，晚上出门一片漆黑，老人孩子都不敢下楼", "13911110001");
        Opinion b = submit("枫林苑3栋那里的路灯一直不亮，已经半个月了，天一黑走路很危险，请尽快派人修一下", "13911110002");
        Opinion c = submit("桂香园小区3栋门口的路灯坏了两个星期，晚上出门一片漆黑，老人孩子都不敢下楼", "13911110003");
        Opinion other = submit("枫林苑小区附近的菜市场占道经营，早上堵得车都过不去", "13911110004");
        runWhenVectorsAreDone();

        String sims = "cos(a,b)=%.3f cos(a,c)=%.3f cos(a,other)=%.3f".formatted(similarity(a, b), similarity(a, c), similarity(a, other));
        assertThat(clusterOf(a.id())).isNotNull();
        assertThat(clusterOf(b.id())).as("a reworded complaint about the same place; " + sims).isEqualTo(clusterOf(a.id()));
        assertThat(clusterOf(c.id())).as("the same complaint about another estate; " + sims).isNotNull().isNotEqualTo(clusterOf(a.id()));
        assertThat(clusterOf(other.id())).as("another problem at the same place; " + sims).isNotNull().isNotEqualTo(clusterOf(a.id()));

        // the clusters' figures agree with their members
        assertThat(jdbc.sql("""
                select count(*) from opinion_cluster c
                 where c.id in (select cluster_id from opinion_cluster_member where opinion_id in (:mine)) and (c.size <> (select count(*) from opinion_cluster_member m where m.cluster_id = c.id)
                    or c.first_at <> (select min(o.submitted_at) from opinion_cluster_member m join opinion o on o.id = m.opinion_id where m.cluster_id = c.id)
                    or c.last_at <> (select max(o.submitted_at) from opinion_cluster_member m join opinion o on o.id = m.opinion_id where m.cluster_id = c.id)
                    or not exists (select 1 from opinion_cluster_member m where m.cluster_id = c.id and m.opinion_id = c.lead_opinion))""")
                .param("mine", List.of(a.id(), b.id(), c.id(), other.id())).query(Long.class).single()).isZero();

        List<Map<String, Object>> before = snapshot();
        assertThat(assigner.runAll()).isZero();
        assertThat(snapshot()).isEqualTo(before);
        // even from a cursor set back to the start, a rerun changes nothing
        jdbc.sql("update opinion_cluster_cursor set last_id = 0").update();
        runWhenVectorsAreDone();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRejectedOpinionIsNeverAMemberAndOneRejectedLaterLeavesItsCluster() {
        Opinion a = submit("松柏苑小区北门的下水道堵了，污水漫到人行道上，臭味很大", "13922220001");
        Opinion b = submit("松柏苑北门下水道堵塞，污水都流到路上了，气味难闻，请尽快疏通", "13922220002");
        Opinion rejected = submit("松柏苑北门的下水道又堵了，污水流到人行道", "13922220003");
        service.reject(rejected.id(), "OUT_OF_SCOPE", null, demo.user("office"));
        runWhenVectorsAreDone();
        assertThat(clusterOf(rejected.id())).isNull();
        long cluster = clusterOf(a.id());
        assertThat(clusterOf(b.id())).isEqualTo(cluster);

        service.reject(a.id(), "OUT_OF_SCOPE", null, demo.user("office"));
        runWhenVectorsAreDone();
        assertThat(clusterOf(a.id())).isNull();
        var row = jdbc.sql("select size, lead_opinion from opinion_cluster where id = :c").param("c", cluster).query().singleRow();
        assertThat(row).containsEntry("size", 1).containsEntry("lead_opinion", b.id());
    }

    @Test
    void anOpinionOlderThanAnySimilarCheckLooksBackIsPassedOver() {
        Opinion recent = submit("梧桐苑小区东门的垃圾桶满了没人清，苍蝇到处飞，味道很大", "13933330001");
        Opinion old = submit("梧桐苑东门垃圾桶一直没人清理，臭气熏天，苍蝇很多", "13933330002");
        // a year of the similar check's window and 90 days of a cluster's span: 456 days ago lies beyond both
        jdbc.sql("update opinion set submitted_at = now() - interval '456 days' where id = :id").param("id", old.id()).update();
        runWhenVectorsAreDone();
        assertThat(clusterOf(recent.id())).isNotNull();
        assertThat(clusterOf(old.id())).isNull();
        assertThat(assigner.cursor()).isGreaterThanOrEqualTo(old.id());
    }
}
