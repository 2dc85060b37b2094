package org.civicloop.open311.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.opinions.Opinions;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opinions in and out through Open311. A submission goes to {@link Opinions#submit} on channel
 * OPEN311 with {@code externalRef = partner name + ":" + token}, and its token row is written in the
 * same transaction, so a request id always has its token and the opinion always names its partner.
 * Reading lists only opinions that came in through Open311 (see {@link #find(ListQuery)}).
 */
@Service
public class Open311Requests {

    /** GeoReport v2: at most 1000 requests per answer. */
    public static final int MAX_RESULTS = 1000;
    public static final int MEDIA_URL_MAX = 1000;
    public static final int IDENTIFIER_MAX = 100;

    static final String PLACE_FIELD = "attribute[place_code]";

    /** Where the opinions facade's field names appear in a GeoReport request. */
    private static final Map<String, String> FIELDS = Map.of(
            "category", "service_code",
            "placeCode", PLACE_FIELD,
            "placeDetail", "address_string",
            "content", "description",
            "voterName", "first_name/last_name",
            "voterPhone", "phone",
            "voterEmail", "email");

    /** The order errors are listed in: the order of the GeoReport arguments. */
    private static final List<String> FIELD_ORDER = List.of("service_code", PLACE_FIELD, "lat", "long", "address_string",
            "description", "first_name/last_name", "phone", "email", "media_url", "account_id", "device_id");

    private final Opinions opinions;
    private final Catalogue catalogue;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AddressPlaces addressPlaces;

    Open311Requests(Opinions opinions, Catalogue catalogue, JdbcClient jdbc, TransactionTemplate tx,
                    AddressPlaces addressPlaces) {
        this.opinions = opinions;
        this.catalogue = catalogue;
        this.addressPlaces = addressPlaces;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public record Receipt(long serviceRequestId, String token) {
    }

    /** An opinion from Open311 with what this module keeps beside it. */
    public record Request(Opinions.View opinion, String mediaUrl) {
    }

    /**
     * @param ids          when not null, exactly these (and nothing else is filtered)
     * @param serviceCodes empty for all
     * @param statuses     opinion states; null for all
     */
    public record ListQuery(Set<Long> ids, List<String> serviceCodes, Set<String> statuses, Instant from, Instant to) {
    }

    /** The service code names no service: 404 in GeoReport v2. */
    public static final class UnknownService extends RuntimeException {
        private final String serviceCode;

        public UnknownService(String serviceCode) {
            super("unknown service code");
            this.serviceCode = serviceCode;
        }

        public String serviceCode() {
            return serviceCode;
        }
    }

    /** Every problem of a submission, by GeoReport field name. */
    public static final class InvalidRequest extends InvalidInput {
        public InvalidRequest(List<Problem> problems) {
            super(problems);
        }
    }

    public Receipt submit(Partners.Partner partner, Open311Submission s) {
        String serviceCode = Text.orNull(s.serviceCode());
        if (serviceCode != null && catalogue.category(serviceCode).isEmpty()) {
            throw new UnknownService(serviceCode);
        }
        List<Problem> own = ownProblems(s);
        String token = ApiKeys.newToken();
        String place = Text.orNull(s.placeCode());
        if (place == null && Text.orNull(s.addressString()) != null) {
            // clients such as FixMyStreet send an address, not our place code
            AddressPlaces.Match match = addressPlaces.find(s.addressString());
            if (match instanceof AddressPlaces.Found f) {
                place = f.placeCode();
            } else if (match instanceof AddressPlaces.Ambiguous a) {
                own.add(new Problem(PLACE_FIELD, "open311.error.placeAmbiguous", String.join("\u3001", a.names())));
            } else {
                own.add(new Problem(PLACE_FIELD, "open311.error.placeNotInAddress"));
            }
        }
        BigDecimal lat = coordinate(s.lat(), 90, "lat", own);
        BigDecimal lon = coordinate(s.lon(), 180, "long", own);
        // a place outside the district never reaches the opinions module, which knows every region
        boolean ourPlace = place == null || catalogue.place(place).isPresent();
        String name = fullName(s.firstName(), s.lastName());
        String phone = phone(s.phone());
        String email = Text.orNull(s.email());
        // Personal data only when the partner sends it; a partner must have the person's consent
        // before sending it (README, "Open311 GeoReport v2"), so its presence stands for consent.
        boolean personal = name != null || phone != null || email != null;
        Opinions.Submission submission = new Opinions.Submission(Opinions.ExternalChannel.OPEN311, serviceCode,
                s.description(), ourPlace ? place : null, Text.orNull(s.addressString()),
                name, phone, email, personal, partner.name() + ":" + token, s.sourceIp());
        if (!own.isEmpty()) {
            throw new InvalidRequest(sorted(merge(own, opinions.check(submission))));
        }
        try {
            return tx.execute(status -> {
                Opinions.Submitted done = opinions.submit(submission);
                jdbc.sql("""
                                insert into open311_request (token, opinion_id, partner_id, media_url, created_at,
                                                             lat, long, address_string)
                                values (:token, :opinion, :partner, :media, :at, :lat, :long, :address)""")
                        .param("token", token).param("opinion", done.id()).param("partner", partner.id())
                        .param("media", Text.orNull(s.mediaUrl())).param("at", Timestamp.from(Instant.now()))
                        .param("lat", lat).param("long", lon).param("address", Text.orNull(s.addressString()))
                        .update();
                return new Receipt(done.id(), token);
            });
        } catch (Opinions.InvalidOpinion e) {
            throw new InvalidRequest(sorted(merge(List.of(), e.problems())));
        }
    }

    /** The opinion behind a token. */
    public Optional<Long> byToken(String token) {
        if (token == null || !token.matches(ApiKeys.TOKEN_PATTERN)) {
            return Optional.empty();
        }
        return jdbc.sql("select opinion_id from open311_request where token = :t").param("t", token)
                .query(Long.class).optional();
    }

    /** One request, if it came in through Open311. */
    public Optional<Request> find(long serviceRequestId) {
        return opinions.find(serviceRequestId)
                .filter(v -> Opinions.ExternalChannel.OPEN311.name().equals(v.channel()))
                .map(v -> new Request(v, mediaUrls(List.of(v.id())).get(v.id())));
    }

    /**
     * Newest first, at most {@link #MAX_RESULTS}. Privacy: only opinions that came in through Open311
     * are listed. Opinions from the QR form, visits or receptions were given to the district, not
     * published, so they stay out of this public list even though GeoReport v2 would list every request.
     */
    public List<Request> find(ListQuery q) {
        String channel = Opinions.ExternalChannel.OPEN311.name();
        List<Opinions.View> views = new ArrayList<>();
        if (q.ids() != null) {
            if (!q.ids().isEmpty()) {
                views.addAll(opinions.find(new Opinions.Query(q.ids(), null, null, channel, null, null, MAX_RESULTS)));
            }
        } else if (q.serviceCodes().isEmpty()) {
            views.addAll(opinions.find(new Opinions.Query(null, null, q.statuses(), channel, q.from(), q.to(), MAX_RESULTS)));
        } else {
            for (String code : new LinkedHashSet<>(q.serviceCodes())) {
                views.addAll(opinions.find(new Opinions.Query(null, code, q.statuses(), channel, q.from(), q.to(), MAX_RESULTS)));
            }
            views.sort(Comparator.comparing(Opinions.View::submittedAt).thenComparingLong(Opinions.View::id).reversed());
        }
        List<Opinions.View> page = views.size() > MAX_RESULTS ? views.subList(0, MAX_RESULTS) : views;
        Map<Long, String> media = mediaUrls(page.stream().map(Opinions.View::id).toList());
        return page.stream().map(v -> new Request(v, media.get(v.id()))).toList();
    }

    private Map<Long, String> mediaUrls(Collection<Long> opinionIds) {
        Map<Long, String> media = new HashMap<>();
        if (opinionIds.isEmpty()) {
            return media;
        }
        jdbc.sql("select opinion_id, media_url from open311_request where opinion_id in (:ids) and media_url is not null")
                .param("ids", opinionIds)
                .query((rs, n) -> media.put(rs.getLong(1), rs.getString(2)))
                .list();
        return media;
    }

    /** A GeoReport coordinate in decimal degrees, or null when not sent; a bad one is a problem. */
    private static BigDecimal coordinate(String value, int limit, String field, List<Problem> problems) {
        String v = Text.orNull(value);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v).setScale(6, RoundingMode.HALF_UP);
            if (d.abs().compareTo(BigDecimal.valueOf(limit)) <= 0) {
                return d;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the problem
        }
        problems.add(new Problem(field, "open311.error.coordinate", limit));
        return null;
    }

    /** The checks that are this module's own: the place list, and the GeoReport fields opinions know nothing of. */
    private List<Problem> ownProblems(Open311Submission s) {
        List<Problem> problems = new ArrayList<>();
        String place = Text.orNull(s.placeCode());
        if (place != null && catalogue.place(place).isEmpty()) {
            problems.add(new Problem(PLACE_FIELD, "open311.error.placeCode"));
        }
        String media = Text.orNull(s.mediaUrl());
        if (media != null && !isWebAddress(media)) {
            problems.add(new Problem("media_url", "open311.error.mediaUrl", MEDIA_URL_MAX));
        }
        for (String[] field : new String[][] {{"account_id", s.accountId()}, {"device_id", s.deviceId()}}) {
            String value = field[1];
            if (value != null && (value.length() > IDENTIFIER_MAX || value.codePoints().anyMatch(Character::isISOControl))) {
                problems.add(new Problem(field[0], "open311.error.identifier", IDENTIFIER_MAX));
            }
        }
        return problems;
    }

    /** Ours first; theirs renamed to GeoReport fields, except where we already name a problem with that field. */
    private static List<Problem> merge(List<Problem> own, List<Problem> theirs) {
        List<Problem> all = new ArrayList<>(own);
        Set<String> named = new LinkedHashSet<>();
        own.forEach(p -> named.add(p.field()));
        for (Problem p : theirs) {
            String field = FIELDS.getOrDefault(p.field(), p.field());
            if (!named.contains(field)) {
                all.add(new Problem(field, p.messageKey(), p.arguments()));
            }
        }
        return all;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> {
            int i = FIELD_ORDER.indexOf(p.field());
            return i < 0 ? FIELD_ORDER.size() : i;
        }));
        return sorted;
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > MEDIA_URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * GeoReport sends the given and the family name apart. A Chinese name is written family name
     * first without a space (张 + 三 = 张三); any other in the order given, with a space.
     */
    static String fullName(String firstName, String lastName) {
        String first = Text.orNull(firstName);
        String last = Text.orNull(lastName);
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return Text.isHan(first) && Text.isHan(last) ? last + first : first + " " + last;
    }

    /** Spaces, hyphens and the country code +86 are dropped; the opinions module checks what is left. */
    static String phone(String phone) {
        String p = Text.orNull(phone);
        if (p == null) {
            return null;
        }
        p = p.replaceAll("[\\s\\-()]", "");
        if (p.startsWith("+86")) {
            p = p.substring(3);
        } else if (p.startsWith("0086")) {
            p = p.substring(4);
        } else if (p.startsWith("86") && p.length() == 13) {
            p = p.substring(2);
        }
        return p;
    }

    /** Small text helpers. */
    static final class Text {
        private Text() {
        }

        static String orNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        static boolean isHan(String s) {
            return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }
    }
}
