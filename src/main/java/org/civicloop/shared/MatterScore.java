package org.civicloop.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One score for "do these two texts raise the same matter?", from what is known of them: the cosine
 * of their sentence vectors when the model is loaded, the characters and words they share, and
 * whether they name the same place. The score ranks; the page shows only its band, in words.
 *
 * @param sameAt         the score from which two texts are very likely the same matter (with vectors)
 * @param relatedAt      the score from which they are shown as possibly related (with vectors)
 * @param lexicalSameAt  the same two thresholds when only words and characters are known
 * @param lexicalRelatedAt see {@code lexicalSameAt}
 * @param lexicalWeight  how much the shared characters and words add to the cosine
 * @param placePenalty   what two different places named in the texts take off (and never the band "same")
 * @param placeCodePenalty what two different chosen places (region codes, e.g. two villages) take off:
 *                       the person who wrote or recorded the opinion chose them, so they weigh more
 */
public record MatterScore(double sameAt, double relatedAt, double lexicalSameAt, double lexicalRelatedAt,
                          double lexicalWeight, double placePenalty, double placeCodePenalty) {

    public enum Band { SAME, RELATED }

    /**
     * What a text is compared by, computed once per text, with the place chosen for it (a region code, or null).
     * The places it names are found only when first asked for: a similar check compares them only when the
     * text asked about names one, and finding them in every candidate took 31 % of a check's CPU (JFR, 1M
     * opinions, 2026-12-07).
     */
    public static final class Features {
        private final String text;
        private final Set<String> bigrams;
        private final Set<String> words;
        private final String placeCode;
        private List<PlaceNames.Place> places;

        private Features(String text, Set<String> bigrams, Set<String> words, String placeCode) {
            this.text = text;
            this.bigrams = bigrams;
            this.words = words;
            this.placeCode = placeCode;
        }

        public static Features of(String text, String placeCode) {
            return of(text, placeCode, null);
        }

        /**
         * @param words the text's {@link ChineseText#words} when they are stored with it (an opinion's word
         *              index), so that they are not segmented again; null to segment the text
         */
        public static Features of(String text, String placeCode, Set<String> words) {
            return new Features(text, MatterScore.bigrams(text), words != null ? words : ChineseText.words(text), placeCode);
        }

        public Set<String> bigrams() {
            return bigrams;
        }

        public Set<String> words() {
            return words;
        }

        public List<PlaceNames.Place> places() {
            if (places == null) {
                places = PlaceNames.in(text);
            }
            return places;
        }

        public String placeCode() {
            return placeCode;
        }
    }

    /** The result for one candidate: its score, its band (null under both thresholds) and the places. */
    public record Scored(double score, Band band, PlaceNames.Comparison place) {
    }

    /**
     * Scores a candidate. {@code cosine} is null while the model is not ready (then the lexical
     * thresholds apply).
     */
    public Scored score(Double cosine, Features query, Features candidate) {
        double lexical = lexical(query, candidate);
        PlaceNames.Comparison named = query.places().isEmpty() ? PlaceNames.Comparison.NONE
                : PlaceNames.compare(query.places(), candidate.places());
        boolean chosenDiffer = PlaceNames.codesDiffer(query.placeCode(), candidate.placeCode());
        PlaceNames.Comparison place = chosenDiffer && !named.different() ? new PlaceNames.Comparison(named.shared(), true) : named;
        boolean vectors = cosine != null;
        double score = (vectors ? cosine + lexicalWeight * lexical : lexical) - (named.different() ? placePenalty : 0)
                - (chosenDiffer ? placeCodePenalty : 0);
        Band band = score >= (vectors ? sameAt : lexicalSameAt) && !place.different() ? Band.SAME
                : score >= (vectors ? relatedAt : lexicalRelatedAt) ? Band.RELATED : null;
        return new Scored(score, band, place);
    }

    /**
     * What two texts share in characters and words, 0 to 1: the mean of the cosine of their sets of
     * character pairs (less unfair to a long text than Dice's coefficient) and the Dice coefficient of
     * their words.
     */
    public static double lexical(Features a, Features b) {
        return (setCosine(a.bigrams(), b.bigrams()) + ChineseText.similarity(a.words(), b.words())) / 2;
    }

    /** The distinct pairs of adjacent letters, digits or Chinese characters, punctuation and spaces left out. */
    public static Set<String> bigrams(String text) {
        Set<String> pairs = new HashSet<>();
        if (text == null) {
            return pairs;
        }
        int[] cps = text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(cps, i, 2));
        }
        return pairs;
    }

    public static double setCosine(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        long common = small.stream().filter(large::contains).count();
        return common / Math.sqrt((double) a.size() * b.size());
    }
}
