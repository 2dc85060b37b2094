package org.civicloop.legislation.adoption;

import org.civicloop.legislation.drafts.ArticleSplitter;
import org.civicloop.legislation.drafts.Numbering;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Aligns a draft's articles with the final text's and marks what changed in each, with java-diff-utils' Myers
 * algorithm at both levels: first over the list of articles, two articles counting as "the same article" when
 * their texts are alike enough (so that an inserted or deleted article renumbers the ones after it without
 * breaking the pairing), then character by character within each pair.
 */
public final class ArticleDiff {

    /** Two articles are the same article, possibly amended, from this share of character pairs in common. */
    static final double SAME_ARTICLE = 0.5;
    /** Within a changed stretch, an article still pairs with the one in its place from this share. */
    static final double REWRITTEN_ARTICLE = 0.2;

    private ArticleDiff() {
    }

    public enum Kind { UNCHANGED, AMENDED, INSERTED, DELETED }

    /** A stretch of text: kept ({@code EQUAL}), added ({@code INSERT}) or removed ({@code DELETE}). */
    public record Segment(String type, String text) {
        public boolean inserted() {
            return "INSERT".equals(type);
        }

        public boolean deleted() {
            return "DELETE".equals(type);
        }
    }

    /** An article of the draft with its counterpart in the final text; either number null when it has none. */
    public record Change(Kind kind, Integer draftNo, Long draftArticleId, Integer finalNo, List<Segment> segments) {
        /** Kept (perhaps amended) under another number. */
        public boolean renumbered() {
            return draftNo != null && finalNo != null && !draftNo.equals(finalNo);
        }

        /** The draft article's heading as the draft writes it (第四条), or null. */
        public String draftHeading() {
            return draftNo == null ? null : Numbering.article(draftNo);
        }

        /** The final text's article heading as the draft writes them (第四条), or null. */
        public String finalHeading() {
            return finalNo == null ? null : Numbering.article(finalNo);
        }
    }

    /** A draft article as compared: its id, number and text. */
    public record DraftArticle(long id, int articleNo, String body) {
    }

    public static List<Change> compare(List<DraftArticle> draft, List<ArticleSplitter.SplitArticle> fin) {
        List<String> a = draft.stream().map(DraftArticle::body).toList();
        List<String> b = fin.stream().map(ArticleSplitter.SplitArticle::body).toList();
        Patch<String> patch = DiffUtils.diff(a, b, (x, y) -> similarity(x, y) >= SAME_ARTICLE);
        List<Change> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int sourceAt = delta.getSource().getPosition();
            while (i < sourceAt) {
                changes.add(pair(draft.get(i++), fin.get(j++)));
            }
            int s = delta.getSource().size();
            int t = delta.getTarget().size();
            if (delta.getType() == DeltaType.CHANGE) {
                int k = 0;
                while (k < Math.min(s, t) && similarity(draft.get(i + k).body(), fin.get(j + k).body()) >= REWRITTEN_ARTICLE) {
                    k++;
                }
                for (int n = 0; n < k; n++) {
                    changes.add(pair(draft.get(i + n), fin.get(j + n)));
                }
                for (int n = k; n < s; n++) {
                    changes.add(deleted(draft.get(i + n)));
                }
                for (int n = k; n < t; n++) {
                    changes.add(inserted(fin.get(j + n)));
                }
            } else {
                for (int n = 0; n < s; n++) {
                    changes.add(deleted(draft.get(i + n)));
                }
                for (int n = 0; n < t; n++) {
                    changes.add(inserted(fin.get(j + n)));
                }
            }
            i += s;
            j += t;
        }
        while (i < draft.size() && j < fin.size()) {
            changes.add(pair(draft.get(i++), fin.get(j++)));
        }
        return changes;
    }

    private static Change pair(DraftArticle d, ArticleSplitter.SplitArticle f) {
        List<Segment> segments = text(d.body(), f.body());
        Kind kind = segments.stream().allMatch(s -> s.type().equals("EQUAL")) ? Kind.UNCHANGED : Kind.AMENDED;
        return new Change(kind, d.articleNo(), d.id(), f.articleNo(), segments);
    }

    private static Change deleted(DraftArticle d) {
        return new Change(Kind.DELETED, d.articleNo(), d.id(), null, List.of(new Segment("DELETE", d.body())));
    }

    private static Change inserted(ArticleSplitter.SplitArticle f) {
        return new Change(Kind.INSERTED, null, null, f.articleNo(), List.of(new Segment("INSERT", f.body())));
    }

    /** The character-level difference of two texts, adjacent stretches of one kind merged. */
    public static List<Segment> text(String before, String after) {
        List<String> a = characters(before);
        List<String> b = characters(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            add(segments, "EQUAL", a.subList(i, delta.getSource().getPosition()));
            add(segments, "DELETE", delta.getSource().getLines());
            add(segments, "INSERT", delta.getTarget().getLines());
            i = delta.getSource().getPosition() + delta.getSource().size();
        }
        add(segments, "EQUAL", a.subList(i, a.size()));
        return segments;
    }

    private static void add(List<Segment> segments, String type, List<String> chars) {
        if (chars.isEmpty()) {
            return;
        }
        String text = String.join("", chars);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).type().equals(type)) {
            Segment last = segments.remove(segments.size() - 1);
            text = last.text() + text;
        }
        segments.add(new Segment(type, text));
    }

    private static List<String> characters(String s) {
        return s == null ? List.of() : s.codePoints().mapToObj(Character::toString).toList();
    }

    /** Dice's coefficient over the texts' character pairs (bigrams), white space ignored. */
    static double similarity(String x, String y) {
        Set<String> a = bigrams(x);
        Set<String> b = bigrams(y);
        if (a.isEmpty() || b.isEmpty()) {
            return x.strip().equals(y.strip()) ? 1 : 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    private static Set<String> bigrams(String s) {
        int[] cps = s.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        Set<String> grams = new HashSet<>();
        for (int k = 0; k + 1 < cps.length; k++) {
            grams.add(new String(cps, k, 2));
        }
        return grams;
    }
}
