package org.civicloop.opinions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A similar check reads its candidates, then their matters' members; in production the same-matter clustering runs
 * beside it (in the tests its scheduler is off). An opinion that joins a cluster between the two reads is still
 * listed, with its cluster: the members were grouped by the key the candidates had been read with, and the matter
 * was dropped from the answer.
 */
@IntegrationTest
class SimilarMattersGroupingIntegrationTests {

    @Autowired
    SimilarMatters similar;
    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;

    @Test
    void opinionsThatFoundAClusterWhileTheCheckRunsAreListedOnceAsThatCluster() {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        String text = "桂竹坪村文化广场的健身器材断了一根横杆，露出尖锐的铁茬，孩子在上面玩很危险，请尽快更换。";
        Opinion a = submitted(text, village);
        Opinion b = submitted(text.replace("请尽快更换", "希望尽快换新"), village);
        CivicUser office = new DemoFixture(jdbc, users).user("office");

        SimilarMatters.Ranked ranked = similar.rank(text, village, null, office);
        // both, or one for the two when the clustering has put them together already
        assertThat(ranked.top()).extracting(best -> best.row().id()).containsAnyOf(a.id(), b.id());
        // meanwhile the two found a cluster together, as the clustering does (which may, at this very moment, have put
        // either in a cluster of its own: moved, then)
        long cluster = tx.execute(status -> {
            long id = jdbc.sql("""
                            insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                            select district_code, id, 2, submitted_at, submitted_at from opinion where id = :lead returning id""")
                    .param("lead", a.id()).query(Long.class).single();
            for (Opinion o : List.of(a, b)) {
                jdbc.sql("""
                                insert into opinion_cluster_member (opinion_id, cluster_id, similarity) values (:o, :c, 0.95)
                                on conflict (opinion_id) do update set cluster_id = excluded.cluster_id""")
                        .param("o", o.id()).param("c", id).update();
            }
            return id;
        });

        List<SimilarMatters.Matter> matters = similar.matters(ranked.top(), ranked.asked(), ranked.exclude(), office);
        List<SimilarMatters.Matter> theirs = matters.stream()
                .filter(m -> m.opinionIds().contains(a.id()) || m.opinionIds().contains(b.id())).toList();
        assertThat(theirs).as("one matter, the cluster %d, listed once", cluster).hasSize(1);
        assertThat(theirs.get(0).opinionIds()).containsExactly(a.id(), b.id());
        assertThat(theirs.get(0).count()).isEqualTo(2);
        assertThat(theirs.get(0).leadId()).isEqualTo(a.id());
    }

    private Opinion submitted(String content, String village) {
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content)
                .place(village, null).consent(false).build(), List.of());
    }
}
