package org.civicloop.suggestions.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.deputies.Deputies;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.language.TextVectors;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.ChineseText;
import org.civicloop.shared.MatterScore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Similar past suggestions and the replies they got, for a suggestion's page: so that a unit does not
 * answer the same thing twice in two ways and the office sees the earlier answers. Candidates are the
 * sentence vectors' nearest neighbours once the model is loaded, else the suggestions sharing the most
 * words; one {@link MatterScore} ranks them and gives the band. Only suggestions that were submitted
 * (never a draft, never one returned to its deputy for revision), within the time window, never the
 * suggestion itself, and only those the viewer may open ({@link SuggestionPermissions#canView}), or
 * that are published to everyone (closed and not confidential: their replies are public).
 */
@Component
public class SimilarSuggestions {

    /** Characters of a reply shown under a similar suggestion. */
    static final int EXCERPT = 120;
    /** Characters of the suggestion embedded on the spot, when its vector is not stored (yet: a draft, a fresh one). */
    private static final int EMBEDDED_MAX = 2_000;
    /** Words of the suggestion looked for in others while the model is not ready: the longest ones say most. */
    private static final int QUERY_WORDS = 32;
    /** Characters of a candidate compared by words. */
    private static final int COMPARED_MAX = 4_000;

    private final JdbcClient jdbc;
    private final ObjectProvider<TextVectors> vectors;
    private final SimilarSuggestionsProperties properties;
    private final Deputies deputies;
    private final Directory directory;
    private final ZoneId zone;
    private final SuggestionPermissions permissions = new SuggestionPermissions();

    SimilarSuggestions(JdbcClient jdbc, ObjectProvider<TextVectors> vectors, SimilarSuggestionsProperties properties,
                       Deputies deputies, Directory directory, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.vectors = vectors;
        this.properties = properties;
        this.deputies = deputies;
        this.directory = directory;
        this.zone = ZoneId.of(zone);
    }

    /** What was found; {@code lexicalOnly} while the model is not ready (the page says matching is by words). */
    public record Result(boolean lexicalOnly, List<Similar> suggestions) {
    }

    /**
     * A similar suggestion: its title, the year it was submitted, its lead deputy, the band in words, and
     * the answers of the units that owe one. {@code internal}: the viewer opens it on its staff page,
     * else on the public page (a published suggestion).
     */
    public record Similar(long id, String title, int year, String leadDeputy, MatterScore.Band band, boolean confidential,
                          String status, boolean internal, List<Answer> answers) {
        public String link() {
            return internal ? "/suggestions/" + id : "/public/suggestions/" + id;
        }
    }

    /** One lead or separate unit's answer: its result class and the start of its reply (null while none). */
    public record Answer(int seq, String unitName, String role, String resultClass, String excerpt, boolean truncated,
                         boolean audited) {
    }

    /** Past suggestions like {@code s}, as {@code user} (deputy record {@code deputyId}, or null) may see them. */
    public Result like(Suggestion s, CivicUser user, Long deputyId) {
        TextVectors face = vectors.getIfAvailable();
        boolean ready = face != null && face.ready();
        String text = SuggestionTexts.of(s.title(), s.content());
        Instant since = Instant.now().minus(properties.window());
        float[] query = !ready ? null : s.isNew() ? face.embed(cut(text, EMBEDDED_MAX)).orElse(null)
                : java.util.Optional.ofNullable(face.stored(SuggestionTexts.KIND, List.of(s.id())).get(s.id()))
                        .or(() -> face.embed(cut(text, EMBEDDED_MAX))).orElse(null);

        List<Row> rows;
        Map<Long, Double> cosines = new HashMap<>();
        if (query != null) {
            face.nearest(SuggestionTexts.KIND, query, properties.candidates(),
                            new TextVectors.Filter(null, since, null, s.isNew() ? List.of() : List.of(s.id())))
                    .forEach(n -> cosines.put(n.id(), n.similarity()));
            if (cosines.isEmpty()) {
                return new Result(false, List.of());
            }
            rows = scoped(jdbc.sql(SELECT + " and s.id in (:ids)"), s, since, user, deputyId)
                    .param("ids", cosines.keySet()).query(Row.class).list();
        } else {
            rows = byWords(text, s, since, user, deputyId);
        }

        MatterScore scorer = properties.score();
        // suggestions have no chosen place: only the places their texts name are compared
        MatterScore.Features asked = MatterScore.Features.of(text, null);
        record Scored(Row row, MatterScore.Scored scored) {
        }
        List<Scored> top = rows.stream()
                .map(r -> new Scored(r, scorer.score(query == null ? null : cosines.get(r.id()), asked,
                        MatterScore.Features.of(cut(SuggestionTexts.of(r.title(), r.content()), COMPARED_MAX), null))))
                .filter(x -> x.scored().band() != null)
                .sorted(Comparator.comparingDouble((Scored x) -> -x.scored().score()).thenComparing(x -> -x.row().id()))
                .limit(properties.shown()).toList();
        if (top.isEmpty()) {
            return new Result(query == null, List.of());
        }
        Map<Long, List<Answer>> answers = answers(top.stream().map(x -> x.row().id()).toList());
        Map<Long, String> leads = new HashMap<>();
        List<Similar> found = top.stream().map(x -> {
            Row r = x.row();
            String lead = leads.computeIfAbsent(r.leadDeputyId(), d -> deputies.find(d).map(DeputySummary::name).orElse(""));
            return new Similar(r.id(), r.title(), r.at().atZone(zone).getYear(), lead, x.scored().band(), r.confidential(),
                    r.status(), r.internal(), answers.getOrDefault(r.id(), List.of()));
        }).toList();
        return new Result(query == null, found);
    }

    /** While the model loads: the suggestions in which most of the text's longest words occur. */
    private List<Row> byWords(String text, Suggestion s, Instant since, CivicUser user, Long deputyId) {
        List<String> words = ChineseText.words(text).stream().filter(w -> w.length() > 1)
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .limit(QUERY_WORDS).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        return scoped(jdbc.sql(SELECT + """
                 and (select count(*) from unnest(cast(:words as text[])) w
                       where strpos(s.title, w) > 0 or strpos(s.content, w) > 0) >= 2
                order by (select count(*) from unnest(cast(:words as text[])) w
                           where strpos(s.title, w) > 0 or strpos(s.content, w) > 0) desc, s.id desc
                limit :candidates"""), s, since, user, deputyId)
                .param("words", words.toArray(String[]::new)).param("candidates", properties.candidates())
                .query(Row.class).list();
    }

    /** The final answers of the units that owe one (lead or separate, not let go), in order. */
    private Map<Long, List<Answer>> answers(List<Long> ids) {
        record AnswerRow(long suggestionId, int seq, long unitId, String role, String resultClass, String excerpt,
                         boolean truncated, boolean audited) {
        }
        return jdbc.sql("""
                        select a.suggestion_id, a.seq, a.unit_id, a.role, a.result_class,
                               left(a.reply_text, :max) as excerpt, coalesce(length(a.reply_text) > :max, false) as truncated, a.audited
                          from suggestion_assignment a
                         where a.suggestion_id in (:ids) and a.role in ('LEAD', 'SEPARATE') and a.status <> 'RETURNED'
                         order by a.suggestion_id, a.seq""")
                .param("ids", ids).param("max", EXCERPT).query(AnswerRow.class).list().stream()
                .collect(Collectors.groupingBy(AnswerRow::suggestionId, Collectors.mapping(a -> new Answer(a.seq(),
                        directory.unitName(a.unitId()).orElse(""), a.role(), a.resultClass(), a.excerpt(),
                        a.truncated(), a.audited()), Collectors.toList())));
    }

    /**
     * Submitted suggestions other than this one, in the window, that the viewer may open (as
     * {@link SuggestionPermissions#canView}: the office, leaders and administrators all; a deputy those
     * they lead or co-sign; a unit those assigned to it) or that are published to everyone.
     */
    private static final String OPENABLE = """
            (:all or s.lead_deputy_id = :deputyId
             or exists (select 1 from suggestion_co_signer c where c.suggestion_id = s.id and c.deputy_id = :deputyId)
             or exists (select 1 from suggestion_assignment a where a.suggestion_id = s.id and a.unit_id = :myUnit))""";

    private static final String SELECT = """
            select s.id, s.title, left(s.content, %d) as content, s.lead_deputy_id, s.confidential, s.status,
                   coalesce(s.submitted_at, s.created_at) as at, %s as internal
              from suggestion s
             where s.id <> :self and s.status not in ('DRAFT', 'RETURNED')
               and coalesce(s.submitted_at, s.created_at) > :since
               and (%s or (s.status = 'CLOSED' and not s.confidential))
            """.formatted(COMPARED_MAX, OPENABLE, OPENABLE);

    private JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, Suggestion s, Instant since, CivicUser user, Long deputyId) {
        return spec.param("self", s.isNew() ? -1L : s.id()).param("since", Timestamp.from(since))
                .param("all", permissions.viewsAll(user))
                .param("deputyId", user.hasRole(Role.DEPUTY) && deputyId != null ? deputyId : -1L)
                .param("myUnit", user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null ? user.unitId() : -1L);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    record Row(long id, String title, String content, long leadDeputyId, boolean confidential, String status, Instant at,
               boolean internal) {
    }
}
