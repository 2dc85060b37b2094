package org.civicloop.opinions.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicloop.language.TextVectors;
import org.civicloop.language.domain.LanguageService;
import org.civicloop.organization.Directory;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.OtherNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A suggestion searches the routed matters' vectors, and by words the latest ones the vectors cannot return yet. When
 * it asked what was not searchable yet after the search, history whose vectors the worker put in between was
 * missed both ways: the likely cause of a CI run of 2026-12-07 where the routing rule routed nothing right after
 * an import (RoutingIntegrationTests). Here the worker puts the vectors exactly then.
 */
@IntegrationTest
class RoutingWhileIndexingIntegrationTests {

    @Autowired
    RoutingHistory history;
    @Autowired
    RoutingModel model;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoutingDuties duties;
    @Autowired
    LanguageService language;
    @Autowired
    DemoFixture demo;

    @Test
    void historyWhoseVectorsArePutWhileTheVectorsAreSearchedIsStillEvidence() {
        language.drain();
        String road = "柳岸路" + System.nanoTime() % 1_000_000 + "号";
        long transport = demo.unit(RoutingIntegrationTests.TRANSPORT);
        // two routed matters stored by SQL, as another node's import would store them: no event asks this node's
        // worker for their vectors
        List<Long> rows = List.of("路面塌陷出现大坑，车辆经过很危险", "路面塌陷有大坑，晚上骑车容易摔倒").stream()
                .map(t -> jdbc.sql("""
                                insert into routing_history (source, district, text, category, unit_id, routed_at)
                                values ('IMPORT', '520111', :text, 'TRAFFIC', :unit, now() - interval '10 days') returning id""")
                        .param("text", road + t).param("unit", transport).query(Long.class).single())
                .toList();
        assertThat(language.notSearchableYet(RoutingHistory.KIND, rows)).as("no vectors yet").containsExactlyElementsOf(rows);

        // the worker puts their vectors, and its backfill passes them, right after the vectors were searched
        TextVectors putWhileSearching = OtherNode.indexingRightAfterEachSearch(language);
        RoutingSuggestions suggestions = new RoutingSuggestions(history, model,
                new StaticListableBeanFactory(Map.of("vectors", putWhileSearching)).getBeanProvider(TextVectors.class),
                directory, jdbc, duties);

        RoutingSuggestions.Suggestion s = suggestions.forText(road + "路面塌陷出现大坑，车辆经过太危险", null);

        assertThat(language.notSearchableYet(RoutingHistory.KIND, rows)).as("put while the vectors were searched").isEmpty();
        assertThat(s.lexical()).isFalse();
        assertThat(s.evidence()).extracting(RoutingSuggestions.Evidence::id).containsAll(rows);
        assertThat(s.best()).map(RoutingSuggestions.UnitChoice::unitId).contains(transport);
    }
}
