package org.civicloop.opinions.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.language.TextVectors;
import org.civicloop.organization.Directory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 智能派单: the category and handling unit suggested for a text, from where the most similar past
 * matters went. Neighbours are the routed matters nearest by sentence vector (by character bigrams
 * while the model is not ready), each weighing by its similarity (sharply: a near-identical matter
 * outweighs several loosely related ones), its recency (half every {@value #HALF_LIFE_DAYS} days) and
 * whether the office itself chose it here (an imported ledger weighs half); a linear model on
 * character n-grams adds its vote once the history is large ({@link RoutingModel}). The units' duty
 * descriptions ({@link RoutingDuties}) are mixed in by how far the nearest past matter is from the text:
 * not at all when a matter very like it was routed, wholly with no history near it (cold start); last,
 * the unit of the place.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RoutingSuggestions {

    static final int NEIGHBOURS = 30;
    static final int EVIDENCE = 3;
    /** The closest matters of each unit that count for it. */
    static final int PER_UNIT = 3;
    static final int LEXICAL_SCAN = 5000;
    /** Matters found by words and measured by vector, for rows the vector index may not hold yet. */
    static final int FRESH_BY_WORDS = 5;
    static final double HALF_LIFE_DAYS = 365;
    /** Below this similarity a past matter is no evidence at all. */
    static final double FLOOR_VECTOR = 0.5;
    static final double FLOOR_LEXICAL = 0.15;

    private final RoutingHistory history;
    private final RoutingModel model;
    private final ObjectProvider<TextVectors> vectors;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final RoutingDuties unitDuties;
    /** Duty descriptions' vectors by model and text ({@link #dutyVector}). */
    private final Cache<String, float[]> dutyVectors = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofHours(12)).build();

    /** A unit suggested, with its confidence (0..1) and band: {@code high}, {@code medium}, {@code low}. */
    public record UnitChoice(long unitId, String unitName, double confidence, String band) {
    }

    /** A past matter behind the suggestion and where it went. */
    public record Evidence(long id, long unitId, String unitName, String category, String source, Long opinionId,
                           String excerpt, double similarity, Instant routedAt, String outcome) {
    }

    /**
     * The suggestion, units best first; {@code category} null when nothing suggests one; {@code lexical}
     * when the sentence model was not ready and words alone were compared; {@code coldStart} when it
     * came from the units' duties or places rather than history; {@code byDuty} the units suggested mostly for
     * their duty description rather than for the matters they were sent.
     */
    public record Suggestion(String category, double categoryConfidence, List<UnitChoice> units, List<Evidence> evidence,
                             boolean lexical, boolean coldStart, Set<Long> byDuty) {
        public Optional<UnitChoice> best() {
            return units.isEmpty() ? Optional.empty() : Optional.of(units.get(0));
        }

        /**
         * Without its category when that is only a hint (the low band): the triage page then shows none, and one
         * click forwards without changing the category a person chose.
         */
        public Suggestion withoutWeakCategory() {
            return category == null || !"low".equals(band(categoryConfidence)) ? this
                    : new Suggestion(null, 0, units, evidence, lexical, coldStart, byDuty);
        }

        public static Suggestion none(boolean lexical) {
            return new Suggestion(null, 0, List.of(), List.of(), lexical, true, Set.of());
        }
    }

    /** For an opinion: its own text and place, its own past routings left out. */
    public Suggestion forOpinion(long opinionId) {
        var row = jdbc.sql("select content, place_code from opinion where id = :id").param("id", opinionId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
        if (row.isEmpty()) {
            return Suggestion.none(false);
        }
        List<Long> own = jdbc.sql("select id from routing_history where source = 'OPINION' and source_id = :id")
                .param("id", opinionId).query(Long.class).list();
        return suggest(row.get()[0], row.get()[1], opinionId, own);
    }

    /** For a raw text (an import's row, a text not stored). */
    public Suggestion forText(String text, String placeCode) {
        return suggest(text, placeCode, null, List.of());
    }

    Suggestion suggest(String text, String placeCode, Long opinionId, List<Long> excludeIds) {
        TextVectors tv = vectors.getIfAvailable();
        boolean ready = tv != null && tv.ready();
        // the text is embedded once: for the neighbours and for the duty descriptions
        Optional<float[]> query = ready ? tv.embed(text) : Optional.empty();
        List<Scored> neighbours = ready ? byVector(tv, query, text, excludeIds, opinionId) : byWords(text, opinionId);
        Map<Long, String> unitNames = unitNames();
        neighbours = neighbours.stream().filter(s -> unitNames.containsKey(s.entry().unitId())).toList();
        if (neighbours.isEmpty()) {
            return coldStart(text, placeCode, tv, ready, query, unitNames);
        }
        Territory territory = territory(placeCode, unitNames);
        double floor = ready ? FLOOR_VECTOR : FLOOR_LEXICAL;
        Votes votes = votes(neighbours, Instant.now(), floor, territory);
        Map<Long, Double> unitScore = votes.units();
        Map<String, Double> categoryScore = votes.categories();
        double strongest = neighbours.get(0).similarity();
        double closeness = ready ? clamp((strongest - FLOOR_VECTOR) / (0.85 - FLOOR_VECTOR))
                : clamp((strongest - FLOOR_LEXICAL) / (0.6 - FLOOR_LEXICAL));
        double neighboursTotal = unitScore.values().stream().mapToDouble(Double::doubleValue).sum();
        // the model speaks where memory is thin: up to half the neighbours' weight, nothing when a matter
        // very like this one was routed (the office's latest choice for it stands)
        double modelWeight = 0.5 * Math.max(neighboursTotal, 1e-9) * (1 - closeness);
        if (modelWeight > 0) {
            model.vote(text).ifPresent(vote -> vote.units().forEach((unit, p) -> {
                if (unitNames.containsKey(unit)) {
                    unitScore.merge(territory.unitFor(unit), p * modelWeight, Double::sum);
                }
            }));
        }
        // the units' duty descriptions speak where the history says little: mixed in by how far the nearest
        // past matter is from the text (nothing when a matter very like it was routed, everything with none near)
        Votes dutyVotes = dutyVotes(duties(text, tv, query, unitNames, territory).values());
        Map<Long, Double> history = shares(unitScore);
        Map<Long, Double> byDuties = shares(dutyVotes.units());
        Map<Long, Double> unitShare = mix(history, byDuties, closeness);
        Map<String, Double> categoryShare = mix(shares(categoryScore), shares(dutyVotes.categories()), closeness);
        List<UnitChoice> units = unitShare.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(e -> {
                    double confidence = round(e.getValue() * closeness);
                    return new UnitChoice(e.getKey(), unitNames.get(e.getKey()), confidence, band(confidence));
                }).toList();
        var bestCategory = categoryShare.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
        List<Evidence> evidence = neighbours.stream().limit(EVIDENCE).map(s -> new Evidence(s.entry().id(), s.entry().unitId(),
                unitNames.get(s.entry().unitId()), s.entry().category(), s.entry().source(),
                "OPINION".equals(s.entry().source()) ? s.entry().sourceId() : null, excerpt(s.entry().text()),
                round(s.similarity()), s.entry().routedAt(), s.entry().outcome())).toList();
        return new Suggestion(bestCategory.map(Map.Entry::getKey).orElse(null),
                bestCategory.map(e -> round(e.getValue() * closeness)).orElse(0.0),
                units, evidence, !ready, false, units.stream().map(UnitChoice::unitId)
                        .filter(u -> (1 - closeness) * byDuties.getOrDefault(u, 0.0) > closeness * history.getOrDefault(u, 0.0))
                        .collect(Collectors.toSet()));
    }

    /** Weights as shares that sum to one; none stays none. */
    static <K> Map<K, Double> shares(Map<K, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<K, Double> out = new HashMap<>();
        if (total > 0) {
            weights.forEach((k, w) -> out.put(k, w / total));
        }
        return out;
    }

    /**
     * The history's shares and the duty descriptions', mixed by how close the history comes to the text:
     * {@code closeness × history + (1 − closeness) × duties}; the history alone when no description is written.
     */
    static <K> Map<K, Double> mix(Map<K, Double> history, Map<K, Double> duties, double closeness) {
        if (duties.isEmpty()) {
            return history;
        }
        Map<K, Double> out = new HashMap<>();
        history.forEach((k, v) -> out.merge(k, closeness * v, Double::sum));
        duties.forEach((k, v) -> out.merge(k, (1 - closeness) * v, Double::sum));
        return out;
    }

    /** The neighbours' weight by the unit that would take the text, and by category. */
    record Votes(Map<Long, Double> units, Map<String, Double> categories) {
    }

    /**
     * What the neighbours (nearest first) say: each counts for its unit ({@link Territory#unitFor}) and its
     * category by {@link #weight}, but only a unit's {@value #PER_UNIT} closest count for it, so that many
     * loosely related matters of a unit that was sent much do not add up to one close matter of another.
     */
    static Votes votes(List<Scored> neighbours, Instant now, double floor, Territory territory) {
        Map<Long, Double> units = new HashMap<>();
        Map<String, Double> categories = new HashMap<>();
        Map<Long, Integer> counted = new HashMap<>();
        for (Scored s : neighbours) {
            long unit = territory.unitFor(s.entry().unitId());
            if (counted.merge(unit, 1, Integer::sum) > PER_UNIT) {
                continue;
            }
            double w = weight(s, now, floor);
            units.merge(unit, w, Double::sum);
            if (s.entry().category() != null) {
                categories.merge(s.entry().category(), w, Double::sum);
            }
        }
        return new Votes(units, categories);
    }

    /** How much a neighbour's choice counts: sharply by similarity, halved a year, an import's at half. */
    static double weight(Scored s, Instant now, double floor) {
        if (s.similarity() < floor) {
            return 0;
        }
        double days = Math.max(0, Duration.between(s.entry().routedAt(), now).toHours() / 24.0);
        double recency = Math.pow(0.5, days / HALF_LIFE_DAYS);
        double source = "IMPORT".equals(s.entry().source()) ? 0.5 : 1.0;
        return sharp(s.similarity()) * recency * source;
    }

    /** A similarity as a weight, sharply: a near-identical text outweighs several loosely related ones. */
    static double sharp(double similarity) {
        return Math.exp(12 * (similarity - 1));
    }

    /** What the duty descriptions say: each weighed as a neighbour is ({@link #sharp}), for its unit and its usual category. */
    static Votes dutyVotes(Collection<ScoredDuty> duties) {
        Map<Long, Double> units = new HashMap<>();
        Map<String, Double> categories = new HashMap<>();
        for (ScoredDuty d : duties) {
            double w = sharp(d.score());
            units.put(d.unitId(), w);
            if (d.category() != null) {
                categories.merge(d.category(), w, Double::sum);
            }
        }
        return new Votes(units, categories);
    }

    /**
     * 属地: a matter a town or street government handled at one place goes, at another place, to that
     * place's own town or street government. {@code local} is the government of the text's place (null
     * when the text has no place or the place none); {@code territorial} are the units that govern a town or
     * street (their region is below the district).
     */
    record Territory(Long local, Set<Long> territorial) {
        long unitFor(long unitId) {
            return local != null && territorial.contains(unitId) ? local : unitId;
        }
    }

    private Territory territory(String placeCode, Map<Long, String> unitNames) {
        Set<Long> territorial = new java.util.HashSet<>();
        directory.handlingUnits().stream().filter(RoutingDuties::townOrStreet).forEach(u -> territorial.add(u.id()));
        Long local = placeCode == null || placeCode.isBlank() ? null : directory.unitForRegion(placeCode)
                .filter(u -> unitNames.containsKey(u.id()) && territorial.contains(u.id())).map(Directory.UnitRef::id).orElse(null);
        return new Territory(local, territorial);
    }

    static String band(double confidence) {
        return confidence >= 0.7 ? "high" : confidence >= 0.4 ? "medium" : "low";
    }

    record Scored(RoutingHistory.Entry entry, double similarity) {
    }

    /**
     * The nearest by vector, and the few nearest by words that the vector index does not hold yet (their
     * vectors are computed after commit, off the request path), measured by vector here.
     */
    private List<Scored> byVector(TextVectors tv, Optional<float[]> q, String text, List<Long> excludeIds, Long opinionId) {
        if (q.isEmpty()) {
            return List.of();
        }
        // the latest rows a search by vector may not return yet (their vectors are computed after commit and
        // indexed a moment later), asked before the search: what is searchable then, the search finds (asked after,
        // a row whose vector was put in between was missed both ways)
        List<RoutingHistory.Entry> unreached = history.entries(tv.notSearchableYet(RoutingHistory.KIND,
                history.recentIds(LEXICAL_SCAN, opinionId)));
        List<Scored> found = nearestByVector(tv, q.get(), excludeIds);
        Set<Long> seen = new java.util.HashSet<>();
        found.forEach(s -> seen.add(s.entry().id()));
        List<Scored> out = new ArrayList<>(found);
        // the nearest of those by words, measured by vector here. Once the language worker has caught up there are
        // at most its last batch's, and no other text is read or compared by words (it used to compare the 5,000
        // latest rows' character pairs on every request)
        List<Scored> fresh = byWords(text, unreached).stream()
                .filter(s -> !seen.contains(s.entry().id())).limit(FRESH_BY_WORDS).toList();
        Map<Long, float[]> stored = tv.stored(RoutingHistory.KIND, fresh.stream().map(s -> s.entry().id()).toList());
        for (Scored s : fresh) {
            Optional.ofNullable(stored.get(s.entry().id()))
                    .or(() -> tv.embed(s.entry().text().length() > CharGrams.READ ? s.entry().text().substring(0, CharGrams.READ)
                            : s.entry().text()))
                    .map(v -> TextVectors.cosine(q.get(), v)).filter(sim -> sim >= FLOOR_VECTOR)
                    .ifPresent(sim -> out.add(new Scored(s.entry(), sim)));
        }
        out.sort(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(s -> -s.entry().id()));
        return out;
    }

    private List<Scored> nearestByVector(TextVectors tv, float[] query, List<Long> excludeIds) {
        Optional<float[]> q = Optional.of(query);
        var found = tv.nearest(RoutingHistory.KIND, q.get(), NEIGHBOURS,
                new TextVectors.Filter(null, null, null, excludeIds));
        Map<Long, Double> sims = new LinkedHashMap<>();
        found.forEach(n -> sims.put(n.id(), n.similarity()));
        Map<Long, RoutingHistory.Entry> rows = new HashMap<>();
        history.entries(sims.keySet()).forEach(e -> rows.put(e.id(), e));
        List<Scored> out = new ArrayList<>();
        sims.forEach((id, sim) -> {
            RoutingHistory.Entry e = rows.get(id);
            if (e != null && sim >= FLOOR_VECTOR) {
                out.add(new Scored(e, sim));
            }
        });
        out.sort(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(s -> -s.entry().id()));
        return out;
    }

    private List<Scored> byWords(String text, Long opinionId) {
        return byWords(text, history.recent(LEXICAL_SCAN, opinionId));
    }

    private static List<Scored> byWords(String text, List<RoutingHistory.Entry> entries) {
        Set<String> grams = CharGrams.of(text);
        return entries.stream()
                .map(e -> new Scored(e, CharGrams.similarity(grams, CharGrams.of(e.text()))))
                .filter(s -> s.similarity() >= FLOOR_LEXICAL)
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(s -> -s.entry().id()))
                .limit(NEIGHBOURS).toList();
    }

    /**
     * A duty description's vector, computed once per text: a cold start compared the text with every unit's
     * duties and embedded each of them again on every request (17 ms apiece; a 12345 import preview asks once
     * per row). A changed description is a new key; the old one ages out.
     */
    private Optional<float[]> dutyVector(TextVectors tv, String duty) {
        String key = tv.model() + "|" + duty;
        float[] known = dutyVectors.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<float[]> computed = tv.embed(duty);
        computed.ifPresent(v -> dutyVectors.put(key, v));
        return computed;
    }

    /**
     * Each unit's duty description's similarity to the text (by vector once the model is ready, else by
     * character bigrams), by the unit that would take the text: the town and street governments share one
     * description of what they do, and the government of the text's place answers for them (the closest
     * description once). Units with no description are absent.
     */
    private Map<Long, ScoredDuty> duties(String text, TextVectors tv, Optional<float[]> q, Map<Long, String> unitNames,
                                         Territory territory) {
        List<RoutingDuties.Written> written = unitDuties.written();
        Map<Long, ScoredDuty> out = new HashMap<>();
        Set<String> grams = written.isEmpty() ? Set.of() : CharGrams.of(text);
        for (RoutingDuties.Written d : written) {
            if (unitNames.containsKey(d.unitId())) {
                double score = q.isPresent() ? dutyVector(tv, d.duty()).map(v -> TextVectors.cosine(q.get(), v)).orElse(0.0)
                        : CharGrams.similarity(grams, CharGrams.of(d.duty()));
                long unit = territory.unitFor(d.unitId());
                out.merge(unit, new ScoredDuty(unit, d.category(), score), (x, y) -> x.score() >= y.score() ? x : y);
            }
        }
        return out;
    }

    /** A unit's usual category, with the similarity of its duty description to the text asked about. */
    record ScoredDuty(long unitId, String category, double score) {
    }

    /** No history near the text: the units whose duties read most like it; else the unit of the place. */
    private Suggestion coldStart(String text, String placeCode, TextVectors tv, boolean ready, Optional<float[]> q,
                                 Map<Long, String> unitNames) {
        List<ScoredDuty> scores = duties(text, tv, q, unitNames, territory(placeCode, unitNames)).values().stream()
                .sorted(Comparator.comparingDouble(ScoredDuty::score).reversed().thenComparingLong(ScoredDuty::unitId)).limit(5).toList();
        List<UnitChoice> units = new ArrayList<>();
        String category = null;
        double categoryConfidence = 0;
        double total = scores.stream().mapToDouble(s -> Math.max(0, s.score())).sum();
        for (ScoredDuty s : scores) {
            // duties alone never make a high band: they read what a unit does, not what it was sent
            double c = total <= 0 ? 0 : round(Math.min(0.6, Math.max(0, s.score()) / total));
            units.add(new UnitChoice(s.unitId(), unitNames.get(s.unitId()), c, band(c)));
        }
        if (!scores.isEmpty() && scores.get(0).score() > 0) {
            category = scores.get(0).category();
            categoryConfidence = category == null ? 0 : units.get(0).confidence();
        }
        if (units.isEmpty() && placeCode != null) {
            directory.unitForRegion(placeCode).filter(u -> unitNames.containsKey(u.id()))
                    .ifPresent(u -> units.add(new UnitChoice(u.id(), u.name(), 0.2, band(0.2))));
        }
        return new Suggestion(category, categoryConfidence, units, List.of(), !ready, true,
                scores.stream().map(ScoredDuty::unitId).collect(Collectors.toSet()));
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        directory.handlingUnits().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
