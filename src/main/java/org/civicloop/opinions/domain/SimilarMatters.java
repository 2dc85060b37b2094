package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.language.TextVectors;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.ChineseText;
import org.civicloop.shared.MatterScore;
import org.civicloop.shared.TextRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Similar matters: which matters already on file a text raises again, for triage, recording and the
 * hotline import. Candidates come from two sides, the sentence vectors' nearest neighbours (once the
 * model is loaded) and the word index, within the district and the time window and only among the
 * opinions the viewer may open; one {@link MatterScore} re-ranks them. Opinions the office merged
 * ({@code duplicate_of}) or that a same-matter cluster holds are one matter, shown once with its count.
 * The opinion itself and rejected opinions are never shown.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SimilarMatters {

    /** The longest text compared: any opinion, whole. */
    public static final int TEXT_MAX = 20_000;
    public static final TextRules.Rule TEXT = TextRules.text("text", TEXT_MAX);

    /** Words of the query sent to the word index: the longest ones say most. */
    private static final int QUERY_WORDS = 48;
    /** Candidates found by words only whose vectors are computed on the spot, at most. */
    private static final int EMBEDDED_ON_THE_SPOT = 10;
    /**
     * The district's newest opinions looked at for any the vectors cannot return yet: the worker's backlog
     * is searched by words up to this many (behind by more, the oldest of it waits for its vectors).
     */
    private static final int LATEST = 2_000;
    private static final int SENTENCE_MAX = 120;
    private static final int CONTEXT = 24;

    private final JdbcClient jdbc;
    private final ObjectProvider<TextVectors> vectors;
    private final SimilarMattersProperties properties;
    private final OpinionsProperties opinionRules;
    private final Addressing addressing;
    private final DirectoryNames names;

    /** What a similar check found; {@code lexicalOnly} while the model is not ready. */
    public record Result(boolean lexicalOnly, List<Matter> matters) {
    }

    /**
     * One matter: all its opinions the viewer may open ({@code opinionIds}), the one that heads it (the
     * merge target), the member closest to the text with its closest sentence, the band and the place.
     *
     * @param count  the matter's opinions that are listed (never the one compared)
     * @param people the people who raised the matter, the one compared included when it is part of it ({@code joined}):
     *               the figure the hot spots show, counted the same way ({@link OpinionQueries#PERSON})
     * @param joined the opinion compared is already part of this matter (merged into it or clustered)
     */
    public record Matter(List<Long> opinionIds, List<String> receiptCodes, long leadId, String leadCode, boolean mergeable, int count,
                         int people,
                         MatterScore.Band band, String place, boolean differentPlace, long closestId, String closestCode,
                         String closestStatus, String placeName, Instant submittedAt, String before, String sentence,
                         String after, boolean joined) {
        public boolean group() {
            return count > 1;
        }
    }

    /**
     * Matters like a text (a 10,000-character one included) at a chosen place ({@code placeCode}, a region
     * code, may be null); {@code excludeId} is never shown, and when the place is not given the excluded
     * opinion's own place is the text's.
     */
    public Result find(String text, String placeCode, Long excludeId, CivicUser user) {
        Ranked ranked = rank(text, placeCode, excludeId, user);
        return new Result(ranked.lexicalOnly(), matters(ranked.top(), ranked.asked(), ranked.exclude(), user));
    }

    /** The best-scored row of each matter, at most {@code shown}, as read at this moment; {@link #matters} groups them. */
    Ranked rank(String text, String placeCode, Long excludeId, CivicUser user) {
        TextVectors face = vectors.getIfAvailable();
        boolean ready = face != null && face.ready();
        long exclude = excludeId == null ? -1 : excludeId;
        if (text == null || text.isBlank()) {
            return new Ranked(!ready, List.of(), null, exclude);
        }
        String[] own = excludeId == null ? null : jdbc.sql("select district_code, place_code from opinion where id = :id")
                .param("id", excludeId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(null);
        String district = own == null ? opinionRules.districtCode() : own[0];
        String place = placeCode != null && !placeCode.isBlank() ? placeCode : own == null ? null : own[1];
        Instant since = Instant.now().minus(properties.window());

        Map<Long, Double> cosines = new HashMap<>();
        float[] query = ready ? face.embed(text).orElse(null) : null;
        Unreached unreached = null;
        if (query != null) {
            // with the model loaded, the word index adds only what the vectors cannot return yet: what the
            // backfill has not reached, and the district's latest opinions that have no vector or one stored
            // after the index was last refreshed (a search over every opinion that shares a word costs seconds
            // at a million; over the last hour's, when 10,000 came in that hour, 440 ms). Asked before the vectors
            // are searched: what is searchable then, the search finds. Asked after, an opinion whose vector the
            // worker put in between was missed both ways (2026-12-07: a just-forwarded opinion missing from a
            // unit's check, once in a suite; a just-submitted one from a check 100 ms after a first had found it)
            long backfilled = face.backfilledUpTo(OpinionTexts.KIND);
            Set<Long> fresh = face.notSearchableYet(OpinionTexts.KIND, latest(district,
                    max(since, Instant.now().minus(properties.wordsWhenReady()))));
            unreached = new Unreached(backfilled, fresh);
            face.nearest("opinion", query, properties.candidates(),
                            new TextVectors.Filter(district, since, null, excludeId == null ? List.of() : List.of(excludeId)))
                    .forEach(n -> cosines.put(n.id(), n.similarity()));
        }
        Set<Long> ids = new LinkedHashSet<>(cosines.keySet());
        ids.addAll(byWords(text, district, since, exclude, user, unreached));
        if (ids.isEmpty()) {
            return new Ranked(query == null, List.of(), null, exclude);
        }
        List<Row> rows = scoped(jdbc.sql("""
                        select o.id, o.receipt_code, o.status, o.content, o.place_code, o.submitted_at,
                               coalesce(o.duplicate_of, o.id) as root,
                               coalesce(mr.cluster_id, ms.cluster_id) as cluster_id,
                               array_to_string(tsvector_to_array(o.search), chr(31)) as words
                        from opinion o
                        left join opinion_cluster_member mr on mr.opinion_id = o.duplicate_of
                        left join opinion_cluster_member ms on ms.opinion_id = o.id
                        where o.id in (:ids) and o.id <> :exclude and o.status <> 'REJECTED'
                          and o.district_code = :district and o.submitted_at > :since and """ + SCOPE), user)
                .param("ids", ids).param("exclude", exclude).param("district", district)
                .param("since", java.sql.Timestamp.from(since)).query(Row.class).list();

        MatterScore scorer = properties.score();
        MatterScore.Features asked = MatterScore.Features.of(text, place);
        Map<Long, MatterScore.Features> features = new HashMap<>();
        rows.forEach(r -> features.put(r.id(), MatterScore.Features.of(r.content(), r.placeCode(), r.storedWords())));
        if (query != null) {
            // found by words alone: their cosine from their stored vectors, or computed now for the few not
            // stored yet, so that one score ranks them all
            List<Long> byWordsOnly = rows.stream().map(Row::id).filter(id -> !cosines.containsKey(id)).toList();
            face.stored(OpinionTexts.KIND, byWordsOnly).forEach((id, v) -> cosines.put(id, TextVectors.cosine(query, v)));
            rows.stream().filter(r -> !cosines.containsKey(r.id()))
                    .sorted(Comparator.comparingDouble((Row r) -> -MatterScore.lexical(asked, features.get(r.id()))))
                    .limit(EMBEDDED_ON_THE_SPOT)
                    .forEach(r -> face.embed(r.content()).ifPresent(v -> cosines.put(r.id(), TextVectors.cosine(query, v))));
        }
        Map<String, Best> best = new LinkedHashMap<>();
        for (Row r : rows) {
            if (query != null && !cosines.containsKey(r.id())) {
                continue;
            }
            MatterScore.Scored s = scorer.score(query == null ? null : cosines.get(r.id()), asked, features.get(r.id()));
            if (s.band() == null) {
                continue;
            }
            best.merge(r.key(), new Best(r, s), (a, b) -> b.scored().score() > a.scored().score() ? b : a);
        }
        List<Best> top = best.values().stream().sorted(Comparator.comparingDouble((Best b) -> -b.scored().score()))
                .limit(properties.shown()).toList();
        return new Ranked(query == null, top, asked, exclude);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The district's newest opinions since {@code since}, at most {@link #LATEST}: those the vectors may not hold yet are among them. */
    private List<Long> latest(String district, Instant since) {
        return jdbc.sql("""
                        select id from opinion
                        where district_code = :district and submitted_at > :since
                        order by submitted_at desc, id desc
                        limit :latest""")
                .param("district", district).param("since", java.sql.Timestamp.from(since)).param("latest", LATEST)
                .query(Long.class).list();
    }

    /** The opinions the vectors cannot return yet: every one after {@code backfilled}, and {@code fresh}. */
    private record Unreached(long backfilled, Set<Long> fresh) {
    }

    /** By the word index; only among {@code unreached} when it is given (the model is ready). */
    private List<Long> byWords(String text, String district, Instant since, long exclude, CivicUser user, Unreached unreached) {
        List<String> words = ChineseText.words(text).stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).limit(QUERY_WORDS).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        // ts_rank normalised by the log of the length: long texts do not win by being long. The query is
        // made once (materialized): inlined, it was made again for every row compared
        return scoped(jdbc.sql("""
                        with q as materialized (
                            select cast(string_agg(quote_literal(w), ' | ') as tsquery) as query
                            from unnest(cast(:words as text[])) w)
                        select o.id
                        from opinion o, q
                        where o.search @@ q.query and o.id <> :exclude and o.status <> 'REJECTED'
                          and o.district_code = :district and o.submitted_at > :since
                          and (:anyId or o.id > :backfilled or o.id in (:fresh)) and """ + SCOPE + """
                        order by ts_rank(o.search, q.query, 1) desc, o.id desc
                        limit :candidates"""), user)
                .param("words", words.toArray(String[]::new)).param("exclude", exclude).param("district", district)
                .param("since", java.sql.Timestamp.from(since)).param("candidates", properties.candidates())
                .param("anyId", unreached == null).param("backfilled", unreached == null ? Long.MAX_VALUE : unreached.backfilled())
                .param("fresh", unreached == null || unreached.fresh().isEmpty() ? List.of(-1L) : unreached.fresh())
                .query(Long.class).list();
    }

    /** The matters of the rows ranked, as they are now, each with all its members the viewer may open. */
    List<Matter> matters(List<Best> top, MatterScore.Features asked, long exclude, CivicUser user) {
        if (top.isEmpty()) {
            return List.of();
        }
        // The matters of the top rows as they are now, read with their members in one statement (one snapshot): a
        // row read a moment ago may have joined a cluster or been merged since (the clustering runs beside), and
        // grouping the members, read later, by the row's earlier key lost the matter from the answer
        List<Member> members = scoped(jdbc.sql("""
                        with t as (
                            select coalesce(mr.cluster_id, ms.cluster_id) as cluster_id, coalesce(o.duplicate_of, o.id) as root
                            from opinion o
                            left join opinion_cluster_member mr on mr.opinion_id = o.duplicate_of
                            left join opinion_cluster_member ms on ms.opinion_id = o.id
                            where o.id in (:ids))
                        select o.id, o.receipt_code, o.status, coalesce(o.duplicate_of, o.id) as root,
                               coalesce(mr.cluster_id, ms.cluster_id) as cluster_id, c.lead_opinion, """ + OpinionQueries.PERSON + """
                                as person
                        from opinion o
                        left join opinion_cluster_member mr on mr.opinion_id = o.duplicate_of
                        left join opinion_cluster_member ms on ms.opinion_id = o.id
                        left join opinion_cluster c on c.id = coalesce(mr.cluster_id, ms.cluster_id)
                        where o.id in (
                                  -- each part by its own index: one OR across them read the whole table (611 ms at a million)
                                  select id from opinion where id in (select root from t where cluster_id is null)
                                  union select id from opinion where duplicate_of in (select root from t where cluster_id is null)
                                  union select opinion_id from opinion_cluster_member where cluster_id in (select cluster_id from t)
                                  union select d.id from opinion d join opinion_cluster_member m on m.opinion_id = d.duplicate_of
                                         where m.cluster_id in (select cluster_id from t))
                          and o.status <> 'REJECTED' and """ + SCOPE + """
                        order by o.submitted_at, o.id"""), user)
                .param("ids", top.stream().map(b -> b.row().id()).toList()).query(Member.class).list();
        // the opinion compared: which matter it already belongs to, and who raised it
        String[] own = exclude < 0 ? null : jdbc.sql("""
                        select case when coalesce(mr.cluster_id, ms.cluster_id) is not null
                                    then 'C' || coalesce(mr.cluster_id, ms.cluster_id) else 'M' || coalesce(o.duplicate_of, o.id) end,
                               """ + OpinionQueries.PERSON + """
                        from opinion o
                        left join opinion_cluster_member mr on mr.opinion_id = o.duplicate_of
                        left join opinion_cluster_member ms on ms.opinion_id = o.id
                        where o.id = :id""").param("id", exclude)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(null);
        Map<String, List<Member>> byKey = new HashMap<>();
        Map<Long, Member> now = new HashMap<>();
        members.forEach(m -> now.put(m.id(), m));
        members.stream().filter(m -> m.id() != exclude).forEach(m -> byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
        DirectoryNames.Places places = names.places();
        List<Matter> matters = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Best b : top) {
            Row r = b.row();
            // its matter now; a row rejected since, or now of a matter listed above (merged meanwhile), is not listed
            Member row = now.get(r.id());
            String key = row == null ? null : row.key();
            List<Member> group = key == null ? List.of() : byKey.getOrDefault(key, List.of());
            if (group.isEmpty() || !listed.add(key)) {
                continue;
            }
            // the merge target: the cluster's lead, or the opinion the others were merged into; never a merged one
            Member lead = group.stream().filter(m -> m.leadOpinion() != null && m.id() == m.leadOpinion()
                            && !"MERGED".equals(m.status())).findFirst()
                    .or(() -> group.stream().filter(m -> m.id() == row.root() && !"MERGED".equals(m.status())).findFirst())
                    .or(() -> group.stream().filter(m -> !"MERGED".equals(m.status())).findFirst())
                    .orElse(null);
            String[] sentence = closestSentence(r.content(), asked);
            var place = b.scored().place();
            boolean joined = own != null && key.equals(own[0]);
            Set<String> people = new HashSet<>();
            group.forEach(m -> people.add(m.person()));
            if (joined) {
                people.add(own[1]);
            }
            matters.add(new Matter(group.stream().map(Member::id).toList(), group.stream().map(Member::receiptCode).toList(), lead == null ? r.id() : lead.id(),
                    lead == null ? r.receiptCode() : lead.receiptCode(), lead != null, group.size(), people.size(), b.scored().band(),
                    place.shared(), place.different(), r.id(), r.receiptCode(), r.status(), places.name(r.placeCode()),
                    r.submittedAt(), sentence[0], sentence[1], sentence[2], joined));
        }
        return matters;
    }

    /** The sentence of {@code content} closest to the text asked about, with a little of what surrounds it. */
    static String[] closestSentence(String content, MatterScore.Features asked) {
        String[] sentences = content.split("(?<=[。！？!?；;\\n])");
        int bestAt = 0;
        double bestScore = -1;
        int offset = 0;
        int bestOffset = 0;
        for (String s : sentences) {
            double score = MatterScore.setCosine(MatterScore.bigrams(s), asked.bigrams());
            if (score > bestScore && !s.isBlank()) {
                bestScore = score;
                bestAt = s.length();
                bestOffset = offset;
            }
            offset += s.length();
        }
        int end = bestOffset + bestAt;
        String sentence = content.substring(bestOffset, Math.min(end, bestOffset + SENTENCE_MAX)).strip();
        if (end > bestOffset + SENTENCE_MAX) {
            sentence += "…";
            end = bestOffset + SENTENCE_MAX;
        }
        int from = Math.max(0, bestOffset - CONTEXT);
        String before = (from > 0 ? "…" : "") + content.substring(from, bestOffset);
        int to = Math.min(content.length(), end + CONTEXT);
        String after = content.substring(end, to) + (to < content.length() ? "…" : "");
        return new String[] {before, sentence, after};
    }

    /** The opinions the viewer may open, as in the queue: the office and leaders all, addressees theirs, units their orders'. */
    private static final String SCOPE = """
            (:all
             or (o.addressee_kind = 'DEPUTY' and o.addressee_id = :deputyId)
             or (o.addressee_kind = 'SITE' and o.addressee_id in (:siteIds))
             or exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :myUnit))
            """;

    private JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, CivicUser user) {
        Addressing.Addressees mine = addressing.of(user);
        return spec.param("all", new OpinionPermissions().viewsAll(user)).param("deputyId", mine.deputyId())
                .param("siteIds", mine.siteIds())
                .param("myUnit", user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null ? user.unitId() : -1L);
    }

    /** @param words the opinion's word index ({@code opinion.search}: its {@link ChineseText#words}), joined by U+001F */
    record Row(long id, String receiptCode, String status, String content, String placeCode, Instant submittedAt,
               long root, Long clusterId, String words) {
        String key() {
            return clusterId != null ? "C" + clusterId : "M" + root;
        }

        /** The words stored when the opinion was, so that they are not segmented again (13 % of a check's CPU). */
        Set<String> storedWords() {
            return words == null ? null : words.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(words.split("\u001f")));
        }
    }

    record Member(long id, String receiptCode, String status, long root, Long clusterId, Long leadOpinion, String person) {
        String key() {
            return clusterId != null ? "C" + clusterId : "M" + root;
        }
    }

    record Best(Row row, MatterScore.Scored scored) {
    }

    /** What {@link #rank} found: {@code asked} is null when nothing was. */
    record Ranked(boolean lexicalOnly, List<Best> top, MatterScore.Features asked, long exclude) {
    }
}
