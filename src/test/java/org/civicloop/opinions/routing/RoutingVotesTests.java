package org.civicloop.opinions.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the routed neighbours of a text vote, figures computed by hand. */
class RoutingVotesTests {

    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final long HOUSING = 8, MARKET = 14, QINGYAN = 31, SHIBAN = 32;
    static final RoutingSuggestions.Territory NO_PLACE = new RoutingSuggestions.Territory(null, Set.of(QINGYAN, SHIBAN));

    private static RoutingSuggestions.Scored routed(long id, long unit, String category, double similarity) {
        return new RoutingSuggestions.Scored(new RoutingHistory.Entry(id, "OPINION", id, "…", null, category, unit, NOW, null),
                similarity);
    }

    @Test
    void manyLooselyRelatedMattersOfOneUnitDoNotOutweighOneCloseMatterOfAnother() {
        // ten matters sent to the housing bureau at 0.70, one to the market bureau at 0.80, all routed today
        List<RoutingSuggestions.Scored> neighbours = new ArrayList<>();
        neighbours.add(routed(100, MARKET, "BUSINESS", 0.80));
        for (int i = 0; i < 10; i++) {
            neighbours.add(routed(i, HOUSING, "URBAN", 0.70));
        }
        var votes = RoutingSuggestions.votes(neighbours, NOW, RoutingSuggestions.FLOOR_VECTOR, NO_PLACE);
        // market: e^(12 × (0.80 − 1)) = e^−2.4 = 0.0907; housing: its three closest only, 3 × e^−3.6 = 0.0820
        // (all ten would make 0.273 and win)
        assertThat(votes.units().get(MARKET)).isCloseTo(0.0907, within(0.0001));
        assertThat(votes.units().get(HOUSING)).isCloseTo(0.0820, within(0.0001));
        assertThat(votes.categories().get("BUSINESS")).isGreaterThan(votes.categories().get("URBAN"));
    }

    @Test
    void theCapCountsByTheUnitThatWouldTakeTheText() {
        // at a place in Shiban, matters Qingyan's government handled count for Shiban's: four of them, three count
        var shiban = new RoutingSuggestions.Territory(SHIBAN, Set.of(QINGYAN, SHIBAN));
        List<RoutingSuggestions.Scored> neighbours = List.of(routed(1, QINGYAN, "RURAL", 0.9), routed(2, SHIBAN, "RURAL", 0.9),
                routed(3, QINGYAN, "RURAL", 0.9), routed(4, QINGYAN, "RURAL", 0.9), routed(5, HOUSING, "URBAN", 0.5));
        var votes = RoutingSuggestions.votes(neighbours, NOW, RoutingSuggestions.FLOOR_VECTOR, shiban);
        // 3 × e^(12 × (0.9 − 1)) = 3 × 0.3012 = 0.9036; housing at the floor: e^−6 = 0.0025
        assertThat(votes.units()).containsOnlyKeys(SHIBAN, HOUSING);
        assertThat(votes.units().get(SHIBAN)).isCloseTo(0.9036, within(0.0001));
        assertThat(votes.units().get(HOUSING)).isCloseTo(0.0025, within(0.0001));
    }

    @Test
    void theDutiesWeighAsMuchAsTheHistoryIsFarFromTheText() {
        var history = RoutingSuggestions.shares(Map.of(HOUSING, 0.08, MARKET, 0.02));
        var duties = RoutingSuggestions.shares(Map.of(MARKET, 0.09, QINGYAN, 0.01));
        assertThat(history.get(HOUSING)).isCloseTo(0.8, within(1e-9));
        // the nearest past matter a quarter of the way from loosely related to very like: 0.25 × history + 0.75 × duties
        var mixed = RoutingSuggestions.mix(history, duties, 0.25);
        assertThat(mixed.get(HOUSING)).isCloseTo(0.25 * 0.8, within(1e-9));
        assertThat(mixed.get(MARKET)).isCloseTo(0.25 * 0.2 + 0.75 * 0.9, within(1e-9));
        assertThat(mixed.get(QINGYAN)).isCloseTo(0.75 * 0.1, within(1e-9));
        // a matter very like the text was routed: the history alone; no description written: the history alone
        assertThat(RoutingSuggestions.mix(history, duties, 1.0).get(QINGYAN)).isZero();
        assertThat(RoutingSuggestions.mix(history, Map.of(), 0.0)).isEqualTo(history);
        assertThat(RoutingSuggestions.shares(Map.<Long, Double>of())).isEmpty();
    }

    @Test
    void aCategoryThatIsOnlyAHintIsNotOfferedForOneClick() {
        var unit = new RoutingSuggestions.UnitChoice(MARKET, "花溪区市场监督管理局", 0.5, "medium");
        var weak = new RoutingSuggestions.Suggestion("BUSINESS", 0.39, List.of(unit), List.of(), false, false, Set.of());
        assertThat(weak.withoutWeakCategory().category()).isNull();
        assertThat(weak.withoutWeakCategory().units()).containsExactly(unit);
        var medium = new RoutingSuggestions.Suggestion("BUSINESS", 0.4, List.of(unit), List.of(), false, false, Set.of());
        assertThat(medium.withoutWeakCategory().category()).isEqualTo("BUSINESS");
    }
}
