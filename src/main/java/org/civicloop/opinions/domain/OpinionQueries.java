package org.civicloop.opinions.domain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.ChineseText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models for opinion pages and the API. Scope rules are SQL conditions, the same as
 * {@link OpinionPermissions}: the office and leaders see all; a deputy or a site's staff see what
 * was addressed to them; a unit sees the opinions it holds work orders for.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpinionQueries {

    /**
     * Who raised an opinion {@code o}, for counting people ("4 人反映"): its phone or e-mail, else the opinion
     * alone (an anonymous opinion is one person). For counting only; never selected to be shown.
     */
    public static final String PERSON = " coalesce(o.voter_phone, o.voter_email, 'opinion:' || o.id) ";

    private final JdbcClient jdbc;
    private final Addressing addressing;
    private final DirectoryNames names;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    /**
     * How many of the newest opinions a text search reads back in time, checking each for the words, before it
     * looks through the word index in its windows ({@code civicloop.opinions.text-walk}).
     */
    @Value("${civicloop.opinions.text-walk:5000}")
    private final int textWalk;

    // ---- the public's view: never a name, phone or e-mail ----

    public record PublicStatus(long id, String receiptCode, String status, String category, String placeName,
                               String townName, Instant submittedAt, String content, String reply, String repliedBy,
                               Instant repliedAt, String rating, int reopenCount, String rejectReason,
                               String rejectNote, Long duplicateOf, String handlingUnit, Long activeOrderId) {
    }

    public record Step(String kind, String actorLabel, String note, Instant at) {
    }

    /**
     * The work order whose clock an opinion's due date is: the newest one still with a unit. The
     * voter's page, 民意台 and the opinion's page all read it, so they show the same date.
     */
    static final String ACTIVE_ORDER = """
            (select w.id from work_order w where w.opinion_id = o.id
               and w.status in\s""" + WorkOrderStatus.ACTIVE_SQL + """
             order by w.id desc limit 1) as active_order_id
            """;

    /**
     * The unit of the opinion {@code o}'s newest work order (the last round), null for none: the unit an opinion
     * is counted and listed under everywhere, named afterwards through {@link DirectoryNames}.
     */
    static final String NEWEST_UNIT = """
            (select w.unit_id from work_order w where w.opinion_id = o.id
              order by w.round desc, w.id desc limit 1)""";

    /** Rated 满意 or 基本满意 (the satisfaction rate's numerator), of the opinion {@code o}. */
    static final String SATISFIED = "o.rating in ('SATISFIED', 'BASICALLY_SATISFIED')";

    /** Rated at all (the satisfaction rate's denominator), of the opinion {@code o}. */
    static final String RATED = "o.rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')";

    static final String LAST_UNIT = NEWEST_UNIT + " as last_unit_id\n";

    public Optional<PublicStatus> publicStatus(String receiptCode) {
        record Raw(long id, String receiptCode, String status, String category, String placeCode, Instant submittedAt,
                   String content, String reply, String repliedBy, Instant repliedAt, String rating, int reopenCount,
                   String rejectReason, String rejectNote, Long duplicateOf, Long lastUnitId, Long activeOrderId) {
        }
        return jdbc.sql("""
                        select o.id, o.receipt_code, o.status, o.category, o.place_code,
                               o.submitted_at, o.content, o.reply, o.replied_by, o.replied_at, o.rating, o.reopen_count,
                               o.reject_reason, o.reject_note, o.duplicate_of,
                               """ + LAST_UNIT + ", " + ACTIVE_ORDER + """
                        from opinion o
                        where o.receipt_code = :code""")
                .param("code", receiptCode).query(Raw.class).optional()
                .map(r -> {
                    DirectoryNames.Places places = names.places();
                    return new PublicStatus(r.id(), r.receiptCode(), r.status(), r.category(), places.name(r.placeCode()),
                            places.townName(r.placeCode()), r.submittedAt(), r.content(), r.reply(), r.repliedBy(),
                            r.repliedAt(), r.rating(), r.reopenCount(), r.rejectReason(), r.rejectNote(), r.duplicateOf(),
                            names.units(java.util.Collections.singleton(r.lastUnitId())).name(r.lastUnitId()),
                            r.activeOrderId());
                });
    }

    public Optional<PublicStatus> publicStatus(long id) {
        return jdbc.sql("select receipt_code from opinion where id = :id").param("id", id).query(String.class).optional()
                .flatMap(this::publicStatus);
    }

    /** An answer the voter was shown before, from a unit's work order, with the unit's name. */
    public record EarlierReply(String unitName, String reply, Instant repliedAt) {
    }

    /**
     * The units' answers from before the current one, oldest first: after the voter's 不满意 the opinion's own
     * reply is cleared for the next round, and the voter's page would otherwise no longer say what was answered.
     */
    public List<EarlierReply> publicEarlierReplies(long opinionId) {
        record Raw(long unitId, String reply, Instant repliedAt) {
        }
        List<Raw> rows = jdbc.sql("""
                        select w.unit_id, w.reply, w.replied_at
                          from work_order w join opinion o on o.id = w.opinion_id
                         where w.opinion_id = :id and w.reply is not null and w.replied_at is not null
                           and (o.replied_at is null or w.replied_at < o.replied_at)
                         order by w.replied_at, w.id""")
                .param("id", opinionId).query(Raw.class).list();
        DirectoryNames.Units units = names.units(rows.stream().map(Raw::unitId).toList());
        return rows.stream().map(r -> new EarlierReply(units.name(r.unitId()), r.reply(), r.repliedAt())).toList();
    }

    public List<Step> publicSteps(long opinionId) {
        return jdbc.sql("select kind, actor_label, note, at from opinion_step where opinion_id = :id and public_step order by at, id")
                .param("id", opinionId).query(Step.class).list();
    }

    /** What became of the suggestion an opinion was folded into, as far as it may be published. */
    public record SuggestionOutcome(long suggestionId, String title, boolean published, Instant closedAt,
                                    List<SuggestionOutcomeReply> replies) {
    }

    public record SuggestionOutcomeReply(String unitName, String resultClass, String classNameZh, String classNameEn,
                                         String replyText) {
        public String className(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? classNameEn : classNameZh;
        }
    }

    /** Empty while the opinion is in no suggestion, or its suggestion has not closed. */
    public Optional<SuggestionOutcome> suggestionOutcome(long opinionId) {
        record Head(long suggestionId, String title, boolean published, Instant closedAt) {
        }
        return jdbc.sql("""
                        select s.suggestion_id, s.title, s.published, s.closed_at
                          from opinion o join opinion_suggestion_outcome s on s.suggestion_id = o.suggestion_id
                         where o.id = :id""")
                .param("id", opinionId).query(Head.class).optional()
                .map(h -> new SuggestionOutcome(h.suggestionId(), h.title(), h.published(), h.closedAt(), jdbc.sql("""
                                select unit_name, result_class, class_name_zh, class_name_en, reply_text
                                  from opinion_suggestion_reply where suggestion_id = :s order by seq""")
                        .param("s", h.suggestionId()).query(SuggestionOutcomeReply.class).list()));
    }

    /** Whether the opinion is linked to a deputy's suggestion (纳入代表建议). */
    public boolean inSuggestion(long opinionId) {
        return jdbc.sql("select suggestion_id is not null from opinion where id = :id").param("id", opinionId)
                .query(Boolean.class).optional().orElse(false);
    }

    // ---- staff ----

    public record QueueFilter(String status, String category, String channel, String town, String text,
                              LocalDate from, LocalDate to, Long unitId) {
    }

    public record QueueRow(long id, String receiptCode, String channel, String category, String placeName,
                           String townName, String excerpt, String status, Instant submittedAt, String addresseeKind,
                           Long addresseeId, int reopenCount, String unitName, Long activeOrderId) {
    }

    /** How far back a text search first looks, then looks again, before it searches everything. */
    private static final List<Duration> TEXT_WINDOWS = List.of(Duration.ofDays(31), Duration.ofDays(366));

    /** Newest first, keyset-paged by (submitted_at, id): page N costs the same as page 1. */
    public List<QueueRow> queue(QueueFilter f, CivicUser user, Instant beforeAt, Long beforeId, int limit) {
        record Raw(long id, String receiptCode, String channel, String category, String placeCode, String excerpt,
                   String status, Instant submittedAt, String addresseeKind, Long addresseeId, int reopenCount,
                   Long lastUnitId, Long activeOrderId) {
        }
        Addressing.Addressees mine = addressing.of(user);
        boolean all = user.hasRole(Role.CONGRESS_OFFICE) || user.hasRole(Role.LEADER) || user.hasRole(Role.ADMIN);
        DirectoryNames.Places places = names.places();
        List<String> town = blank(f.town()).isEmpty() ? List.of("-") : places.codesIn(blank(f.town()));
        // the caller's opinions. A handling unit alone (no deputy, no site) is driven from its work
        // orders: newest-first over all opinions checking each for an order would read a large part
        // of the table to fill a page at provincial scale (issue 14).
        long myUnit = user.hasRole(Role.HANDLING_UNIT) && user.unitId() != null ? user.unitId() : -1L;
        boolean unitOnly = !all && myUnit > 0 && mine.deputyId() < 0 && mine.siteIds().stream().allMatch(id -> id < 0);
        // The unit's work orders newest first from their index (the opinion's time is kept on them, V178), each
        // opinion joined in that order: a page is the first 50 that pass the filters, where fetching every one of
        // the unit's opinions to sort them took 33-40 ms at ten million.
        String source = unitOnly ? """
                (select distinct on (w.opinion_submitted_at, w.opinion_id) w.opinion_id, w.opinion_submitted_at
                   from work_order w
                  where w.unit_id = :myUnit
                    and (cast(:beforeAt as timestamptz) is null or (w.opinion_submitted_at, w.opinion_id) < (:beforeAt, :beforeId))
                  order by w.opinion_submitted_at desc, w.opinion_id desc) u
                join opinion o on o.id = u.opinion_id""" : "opinion o";
        String order = unitOnly ? "u.opinion_submitted_at desc, u.opinion_id desc" : "o.submitted_at desc, o.id desc";
        String scope = all || unitOnly ? "true" : """
                  ((o.addressee_kind = 'DEPUTY' and o.addressee_id = :deputyId)
                   or (o.addressee_kind = 'SITE' and o.addressee_id in (:siteIds))
                   or exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :myUnit))""";
        // full text: the words of the text narrow through the GIN word index (opinion.search), the
        // phrase itself is then checked on the content; a text without words falls back to the phrase
        String text = blank(f.text());
        String[] words = text.isEmpty() ? new String[0] : ChineseText.words(text).toArray(String[]::new);
        // walking: the same condition where the planner cannot use the word index for it, so that it reads the
        // newest opinions back through the time index and checks each (textWalk)
        String hasWords = "o.search @@ (select cast(string_agg(quote_literal(w), ' & ') as tsquery)"
                + " from unnest(cast(:words as text[])) w)";
        Function<Boolean, String> textCondition = walking -> text.isEmpty() ? "" : words.length == 0
                ? "and (o.content ilike '%' || :text || '%' or o.receipt_code = upper(:text))"
                : "and ((" + (walking ? "coalesce(" + hasWords + ", false)" : hasWords)
                  + " and o.content ilike '%' || :text || '%') or o.receipt_code = upper(:text))";
        BiFunction<Timestamp, Boolean, List<Raw>> page = (since, walking) -> jdbc.sql("""
                        select o.id, o.receipt_code, o.channel, o.category, o.place_code,
                               left(o.content, 60) as excerpt, o.status, o.submitted_at, o.addressee_kind, o.addressee_id,
                               o.reopen_count,
                               """ + LAST_UNIT + ", " + ACTIVE_ORDER + """
                        from\s""" + source + "\n" + """
                        where\s""" + scope + "\n" + """
                          and (:status = '' or o.status = :status)
                          and (:category = '' or o.category = :category)
                          and (:channel = '' or o.channel = :channel)
                          and (:anyTown or o.place_code in (:town))
                          """ + textCondition.apply(walking) + """
                          and (cast(:from as timestamptz) is null or o.submitted_at >= :from)
                          and (cast(:to as timestamptz) is null or o.submitted_at < :to)
                          and (cast(:unitId as bigint) is null
                               or exists (select 1 from work_order w where w.opinion_id = o.id and w.unit_id = :unitId))
                          and (cast(:beforeAt as timestamptz) is null or (o.submitted_at, o.id) < (:beforeAt, :beforeId))
                          and (cast(:since as timestamptz) is null or o.submitted_at >= :since)
                        order by\s""" + order + "\n" + """
                        limit :limit""")
                .param("all", all).param("deputyId", mine.deputyId()).param("siteIds", mine.siteIds())
                .param("myUnit", myUnit)
                .param("status", blank(f.status())).param("category", blank(f.category())).param("channel", blank(f.channel()))
                .param("anyTown", blank(f.town()).isEmpty()).param("town", town).param("text", text).param("words", words)
                .param("from", f.from() == null ? null : Timestamp.from(f.from().atStartOfDay(zone).toInstant()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .param("unitId", f.unitId())
                .param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt))
                .param("beforeId", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("limit", limit).param("since", since)
                .query(Raw.class).list();
        // A text search reads every opinion that has the words before it can sort them (at a million, 31,000
        // for 垃圾清运: 0.8 s). Newest first, a page is found among the last month's opinions alone when that
        // month holds a page of them; else the last year's, else all. The rows are the same as without
        // the window: whatever lies outside it is older than everything inside it.
        List<Raw> rows = null;
        if (words.length > 0 && textWalk > 0) {
            // first the newest opinions, read back in time and checked one by one: words that many people write
            // fill a page there at once, where the word index would first collect all their opinions of the window
            // (at ten million, 9,723 of the month's for 垃圾清运: 162 ms, against 2.4 ms read back in time; the
            // planner takes two words that always come together for independent and expects 34 times fewer)
            Timestamp walkSince = jdbc.sql("""
                            select submitted_at from opinion where cast(:anchor as timestamptz) is null or submitted_at <= :anchor
                             order by submitted_at desc offset :n limit 1""")
                    .param("anchor", beforeAt == null ? null : Timestamp.from(beforeAt)).param("n", textWalk - 1)
                    .query(Timestamp.class).optional().orElse(null);
            rows = page.apply(walkSince, true);
            if (rows.size() < limit && walkSince != null) {
                rows = null; // the walk did not fill a page and there are older opinions: the windows below
            }
        }
        Instant anchor = beforeAt != null ? beforeAt : Instant.now();
        for (Duration window : text.isEmpty() || rows != null ? List.<Duration>of() : TEXT_WINDOWS) {
            Instant since = anchor.minus(window);
            if (f.from() != null && !since.isAfter(f.from().atStartOfDay(zone).toInstant())) {
                break; // the filter's own start is nearer
            }
            rows = page.apply(Timestamp.from(since), false);
            if (rows.size() >= limit) {
                break;
            }
            rows = null;
        }
        if (rows == null) {
            rows = page.apply(null, false);
        }
        DirectoryNames.Units units = names.units(rows.stream().map(Raw::lastUnitId).toList());
        return rows.stream().map(r -> new QueueRow(r.id(), r.receiptCode(), r.channel(), r.category(),
                places.name(r.placeCode()), places.townName(r.placeCode()), r.excerpt(), r.status(), r.submittedAt(),
                r.addresseeKind(), r.addresseeId(), r.reopenCount(), units.name(r.lastUnitId()), r.activeOrderId())).toList();
    }

    public record Detail(long id, String receiptCode, String channel, String category, String content,
                         String placeCode, String placeName, String townName, String placeDetail, String voterName,
                         String voterPhone, String voterEmail, String status, String rejectReason, String rejectNote,
                         Long duplicateOf, String duplicateOfCode, String reply, String repliedBy, Instant repliedAt,
                         String rating, int reopenCount, String addresseeKind, Long addresseeId, Instant submittedAt,
                         String externalRef, int photoCount) {
    }

    public Optional<Detail> detail(long id) {
        record Raw(long id, String receiptCode, String channel, String category, String content, String placeCode,
                   String placeDetail, String voterName, String voterPhone, String voterEmail, String status,
                   String rejectReason, String rejectNote, Long duplicateOf, String duplicateOfCode, String reply,
                   String repliedBy, Instant repliedAt, String rating, int reopenCount, String addresseeKind,
                   Long addresseeId, Instant submittedAt, String externalRef, int photoCount) {
        }
        return jdbc.sql("""
                        select o.id, o.receipt_code, o.channel, o.category, o.content, o.place_code, o.place_detail, o.voter_name, o.voter_phone, o.voter_email, o.status,
                               o.reject_reason, o.reject_note, o.duplicate_of, d.receipt_code as duplicate_of_code, o.reply,
                               o.replied_by, o.replied_at, o.rating, o.reopen_count, o.addressee_kind, o.addressee_id,
                               o.submitted_at, o.external_ref,
                               (select count(*) from opinion_photo f where f.opinion_id = o.id) as photo_count
                        from opinion o
                        left join opinion d on d.id = o.duplicate_of
                        where o.id = :id""")
                .param("id", id).query(Raw.class).optional()
                .map(r -> {
                    DirectoryNames.Places places = names.places();
                    return new Detail(r.id(), r.receiptCode(), r.channel(), r.category(), r.content(), r.placeCode(),
                            places.name(r.placeCode()), places.townName(r.placeCode()), r.placeDetail(), r.voterName(),
                            r.voterPhone(), r.voterEmail(), r.status(), r.rejectReason(), r.rejectNote(), r.duplicateOf(),
                            r.duplicateOfCode(), r.reply(), r.repliedBy(), r.repliedAt(), r.rating(), r.reopenCount(),
                            r.addresseeKind(), r.addresseeId(), r.submittedAt(), r.externalRef(), r.photoCount());
                });
    }

    public record OrderRow(long id, long unitId, String unitName, int round, String status, String instructions,
                           Instant assignedAt, Instant signedAt, String returnReason, Integer extensionDays,
                           String extensionReason, String reply, Instant repliedAt) {
    }

    public List<OrderRow> orders(long opinionId) {
        record Raw(long id, long unitId, int round, String status, String instructions, Instant assignedAt,
                   Instant signedAt, String returnReason, Integer extensionDays, String extensionReason, String reply,
                   Instant repliedAt) {
        }
        List<Raw> rows = jdbc.sql("""
                        select w.id, w.unit_id, w.round, w.status, w.instructions, w.assigned_at,
                               w.signed_at, w.return_reason, w.extension_days, w.extension_reason, w.reply, w.replied_at
                        from work_order w
                        where w.opinion_id = :id order by w.round, w.id""")
                .param("id", opinionId).query(Raw.class).list();
        DirectoryNames.Units units = names.units(rows.stream().map(Raw::unitId).toList());
        return rows.stream().map(r -> new OrderRow(r.id(), r.unitId(), units.name(r.unitId()), r.round(), r.status(),
                r.instructions(), r.assignedAt(), r.signedAt(), r.returnReason(), r.extensionDays(), r.extensionReason(),
                r.reply(), r.repliedAt())).toList();
    }

    public boolean unitHasOrder(long opinionId, Long unitId) {
        return unitId != null && jdbc.sql("select exists (select 1 from work_order where opinion_id = :o and unit_id = :u)")
                .param("o", opinionId).param("u", unitId).query(Boolean.class).single();
    }

    public record ContactRow(long workOrderId, String mode, String summary, Instant contactedAt, String recordedBy) {
    }

    public List<ContactRow> contacts(long opinionId) {
        return jdbc.sql("""
                        select c.work_order_id, c.mode, c.summary, c.contacted_at, c.recorded_by
                        from work_order_contact c join work_order w on w.id = c.work_order_id
                        where w.opinion_id = :id order by c.contacted_at, c.id""")
                .param("id", opinionId).query(ContactRow.class).list();
    }

    public List<Step> allSteps(long opinionId) {
        return jdbc.sql("select kind, actor_label, note, at from opinion_step where opinion_id = :id order by at, id")
                .param("id", opinionId).query(Step.class).list();
    }

    public record Photo(long id, String contentType, byte[] bytes) {
    }

    /** When and where an opinion recorded in person was heard; empty for other channels. */
    public Optional<ReceptionDetails> reception(long opinionId) {
        return jdbc.sql("select received_at, place, visitor_count from opinion_reception where opinion_id = :id")
                .param("id", opinionId)
                .query((rs, n) -> new ReceptionDetails(rs.getTimestamp("received_at").toInstant(), rs.getString("place"),
                        (Integer) rs.getObject("visitor_count")))
                .optional();
    }

    /** The opinion this account recorded with a form's one-time key, if that form was already sent. */
    public Optional<Long> recordedWith(java.util.UUID submissionKey, long accountId) {
        return jdbc.sql("""
                        select o.id from opinion_reception r join opinion o on o.id = r.opinion_id
                         where r.submission_key = :k and o.recorded_by_account = :a""")
                .param("k", submissionKey).param("a", accountId).query(Long.class).optional();
    }

    /** The receipt code of the opinion a client sent with this one-time key (Idempotency-Key), if it was sent before. */
    public Optional<String> submittedWith(java.util.UUID submissionKey) {
        return jdbc.sql("""
                        select o.receipt_code from opinion_submission_key k join opinion o on o.id = k.opinion_id
                         where k.submission_key = :k""")
                .param("k", submissionKey).query(String.class).optional();
    }

    /** The receipt code of an opinion this account recorded; empty for anyone else's. */
    public Optional<String> receiptCodeRecordedBy(long opinionId, long accountId) {
        return jdbc.sql("select receipt_code from opinion where id = :id and recorded_by_account = :a")
                .param("id", opinionId).param("a", accountId).query(String.class).optional();
    }

    public List<Long> photoIds(long opinionId) {
        return jdbc.sql("select id from opinion_photo where opinion_id = :id order by id").param("id", opinionId)
                .query(Long.class).list();
    }

    public Optional<Photo> photo(long opinionId, long photoId) {
        return jdbc.sql("select id, content_type, bytes from opinion_photo where id = :p and opinion_id = :o")
                .param("p", photoId).param("o", opinionId).query(Photo.class).optional();
    }

    // ---- a unit's inbox ----

    public record InboxRow(long workOrderId, long opinionId, String receiptCode, String category, String placeName,
                           String excerpt, String status, int round, Instant assignedAt, Instant dueAt) {
    }

    private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");

    /** Where a page of a unit's inbox starts: after this work order (its due time and id). */
    public record InboxCursor(Instant dueAt, long workOrderId) {
    }

    /**
     * A unit's work orders (active ones only if asked), the nearest deadline first, keyset-paged: up to
     * {@code limit} after {@code after} (null: from the start). Every order has a due time from the
     * moment it is assigned; one without (never expected) sorts last.
     */
    public List<InboxRow> inbox(long unitId, boolean activeOnly, InboxCursor after, int limit) {
        return inbox(unitId, activeOnly, "", "", after, limit);
    }

    /**
     * The same, narrowed to one work-order status ({@code state}, a {@link WorkOrderStatus} name) and one
     * category ({@code category}, a code); blank for any.
     */
    public List<InboxRow> inbox(long unitId, boolean activeOnly, String state, String category, InboxCursor after, int limit) {
        Instant afterDue = after == null ? Instant.EPOCH : after.dueAt() == null ? LAST : after.dueAt();
        return named(jdbc.sql("""
                        select w.id as work_order_id, o.id as opinion_id, o.receipt_code, o.category, o.place_code,
                               left(o.content, 60) as excerpt, w.status, w.round, w.assigned_at, w.due_at
                        from work_order w join opinion o on o.id = w.opinion_id
                        where w.unit_id = :unit and (not :active or w.status in\s""" + WorkOrderStatus.ACTIVE_SQL + """
                        )
                          and (:state = '' or w.status = :state)
                          and (:category = '' or o.category = :category)
                          and (coalesce(w.due_at, :last), w.id) > (:afterDue, :afterId)
                        order by coalesce(w.due_at, :last), w.id
                        limit :limit""")
                .param("unit", unitId).param("active", activeOnly).param("last", java.sql.Timestamp.from(LAST))
                .param("state", state == null ? "" : state).param("category", category == null ? "" : category)
                .param("afterDue", java.sql.Timestamp.from(afterDue)).param("afterId", after == null ? 0L : after.workOrderId())
                .param("limit", limit).query(InboxRaw.class).list());
    }

    /** Requests waiting for the office: returns and extensions. */
    public List<InboxRow> pendingDecisions() {
        return named(jdbc.sql("""
                        select w.id as work_order_id, o.id as opinion_id, o.receipt_code, o.category, o.place_code,
                               left(o.content, 60) as excerpt, w.status, w.round, w.assigned_at, w.due_at
                        from work_order w join opinion o on o.id = w.opinion_id
                        where w.status in ('RETURN_REQUESTED', 'EXTENSION_REQUESTED') order by w.assigned_at limit 500""")
                .query(InboxRaw.class).list());
    }

    private record InboxRaw(long workOrderId, long opinionId, String receiptCode, String category, String placeCode,
                            String excerpt, String status, int round, Instant assignedAt, Instant dueAt) {
    }

    private List<InboxRow> named(List<InboxRaw> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        DirectoryNames.Places places = names.places();
        return rows.stream().map(r -> new InboxRow(r.workOrderId(), r.opinionId(), r.receiptCode(), r.category(),
                places.name(r.placeCode()), r.excerpt(), r.status(), r.round(), r.assignedAt(), r.dueAt())).toList();
    }

    // ---- dictionaries ----

    public record Entry(String code, String nameZh, String nameEn) {
        public String label(java.util.Locale locale) {
            return locale.getLanguage().equals("zh") ? nameZh : nameEn;
        }
    }

    public List<Entry> categories() {
        return jdbc.sql("select code, name_zh, name_en from opinion_category where active order by sort, code").query(Entry.class).list();
    }

    public List<Entry> rejectReasons() {
        return jdbc.sql("select code, name_zh, name_en from opinion_reject_reason where active order by sort, code").query(Entry.class).list();
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
