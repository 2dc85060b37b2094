package org.civicloop.open311.api;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicloop.open311.domain.Catalogue;
import org.civicloop.open311.domain.Open311Limits;
import org.civicloop.open311.domain.Open311Requests;
import org.civicloop.open311.domain.Open311Status;
import org.civicloop.open311.domain.Open311Submission;
import org.civicloop.open311.domain.Partners;
import org.civicloop.opinions.Opinions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open311 GeoReport v2 API (http://wiki.open311.org/GeoReport_v2) over opinions, at
 * {@code /open311/v2}, in XML and JSON by the resource's extension. Services are the opinion
 * categories; the one attribute of each is {@code place_code}, the district's town or village,
 * because CivicLoop has no map. Deviations from the specification, each for a reason, are listed in
 * the README ("Open311 GeoReport v2"); the two that touch privacy are marked here where they happen.
 * {@code jurisdiction_id} is accepted and ignored: one CivicLoop serves one district.
 */
@RestController
@RequestMapping("/open311")
@Tag(name = "Open311 GeoReport v2", description = "Partner systems send and follow voters' opinions (http://wiki.open311.org/GeoReport_v2)")
class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When the service list's shape last changed (the discovery document's changeset). */
    static final String CHANGESET = "2026-11-27T00:00:00+08:00";
    static final String PLACE_ATTRIBUTE = "place_code";
    private static final Duration WINDOW = Duration.ofDays(90);
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,30}");

    private final Catalogue catalogue;
    private final Partners partners;
    private final Open311Requests requests;
    private final Open311Limits limits;
    private final MessageSource messages;
    private final JsonMapper json;
    private final ZoneId zone;
    private final String baseUrl;
    private final boolean demo;

    Open311Controller(Catalogue catalogue, Partners partners, Open311Requests requests, Open311Limits limits,
                      MessageSource messages, JsonMapper json,
                      @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone,
                      @Value("${civicloop.public-base-url:http://localhost:8080}") String baseUrl,
                      @Value("${civicloop.demo:false}") boolean demo) {
        this.catalogue = catalogue;
        this.partners = partners;
        this.requests = requests;
        this.limits = limits;
        this.messages = messages;
        this.json = json;
        this.zone = zone;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.demo = demo;
    }

    @GetMapping("/discovery.{format}")
    @Operation(summary = "Service discovery: where the GeoReport v2 endpoint is and how to get an API key")
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Format f = format(format);
        read(request);
        Document.Node endpoint = new Document.Node()
                .put("specification", SPECIFICATION)
                .put("url", baseUrl + "/open311/v2")
                .put("changeset", CHANGESET)
                // demo data is not acted upon: partners should know they are talking to a test system
                .put("type", demo ? "test" : "production")
                .put("formats", new Document.Repeated("format", List.of("text/xml", "application/json")));
        Document.Node discovery = new Document.Node()
                .put("changeset", CHANGESET)
                .put("contact", text("open311.discovery.contact"))
                .put("key_service", text("open311.discovery.keyService"))
                .put("endpoints", new Document.Repeated("endpoint", List.of(endpoint)));
        return ok(f, Document.single("discovery", discovery));
    }

    @GetMapping("/v2/services.{format}")
    @Operation(summary = "GET Service List: one service per opinion category")
    ResponseEntity<byte[]> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                    HttpServletRequest request) {
        Format f = format(format);
        read(request);
        List<Document.Node> services = new ArrayList<>();
        for (Opinions.Category c : catalogue.categories()) {
            String name = name(c);
            services.add(new Document.Node()
                    .put("service_code", c.code())
                    .put("service_name", name)
                    .put("description", text("open311.service.description", name))
                    .put("metadata", true)
                    .put("type", "realtime")
                    .put("keywords", messages.getMessage("open311.service.keywords." + c.code(), null, name, locale()))
                    .put("group", text("open311.service.group")));
        }
        return ok(f, Document.list("services", "service", services));
    }

    @GetMapping("/v2/services/{serviceCode}.{format}")
    @Operation(summary = "GET Service Definition: the required attribute place_code and its values")
    ResponseEntity<byte[]> serviceDefinition(@PathVariable String serviceCode, @PathVariable String format,
                                             @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                             HttpServletRequest request) {
        Format f = format(format);
        read(request);
        catalogue.category(serviceCode).orElseThrow(() -> new Open311Requests.UnknownService(serviceCode));
        List<Document.Node> values = catalogue.places().stream()
                .map(p -> new Document.Node().put("key", p.code()).put("name", p.name()))
                .toList();
        Document.Node place = new Document.Node()
                .put("variable", true)
                .put("code", PLACE_ATTRIBUTE)
                .put("datatype", "singlevaluelist")
                .put("required", true)
                .put("datatype_description", text("open311.attribute.place.datatypeDescription"))
                .put("order", 1)
                .put("description", text("open311.attribute.place.description"))
                .put("values", new Document.Repeated("value", values));
        Document.Node definition = new Document.Node()
                .put("service_code", serviceCode)
                .put("attributes", new Document.Repeated("attribute", List.of(place)));
        return ok(f, Document.single("service_definition", definition));
    }

    /**
     * POST Service Request, form-encoded. Order of checks: the form encoding (400), the api_key
     * (403), the partner's hourly limit (429), the service code (404 when it names no service), then
     * every problem of the request at once (400).
     */
    @PostMapping("/v2/requests.{format}")
    @Operation(summary = "POST Service Request (application/x-www-form-urlencoded; api_key required)")
    ResponseEntity<byte[]> create(
            @PathVariable String format,
            @Parameter(description = "the partner's API key") @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @Parameter(description = "from GET services") @RequestParam(name = "service_code", required = false) String serviceCode,
            @Parameter(description = "a key from the service definition's place_code values; without it the place is found in address_string")
            @RequestParam(name = "attribute[place_code]", required = false) String placeCode,
            @Parameter(description = "kept with the request (WGS84 degrees)") @RequestParam(name = "lat", required = false) String lat,
            @Parameter(description = "kept with the request (WGS84 degrees)") @RequestParam(name = "long", required = false) String lon,
            @Parameter(description = "kept as the opinion's detailed location (at most 200 characters); names the town or village when attribute[place_code] is missing")
            @RequestParam(name = "address_string", required = false) String addressString,
            @Parameter(description = "accepted, not used: the place is attribute[place_code]")
            @RequestParam(name = "address_id", required = false) String addressId,
            @RequestParam(name = "email", required = false) String email,
            @Parameter(description = "checked, never stored") @RequestParam(name = "device_id", required = false) String deviceId,
            @Parameter(description = "echoed in the answer, never stored") @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "first_name", required = false) String firstName,
            @RequestParam(name = "last_name", required = false) String lastName,
            @RequestParam(name = "phone", required = false) String phone,
            @Parameter(description = "the opinion itself: 5 to 20,000 characters, stored whole (civicloop.opinions.content-max-length)") @RequestParam(name = "description", required = false) String description,
            @Parameter(description = "accepted and listed, never fetched") @RequestParam(name = "media_url", required = false) String mediaUrl,
            HttpServletRequest request) {
        Format f = format(format);
        String contentType = request.getContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw Open311Exception.badRequest(null, "open311.error.contentType");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Exception.of(HttpStatus.FORBIDDEN, "api_key", "open311.error.apiKeyMissing");
        }
        Partners.Partner partner = partners.authenticate(apiKey)
                .orElseThrow(() -> Open311Exception.of(HttpStatus.FORBIDDEN, "api_key", "open311.error.apiKeyInvalid"));
        limits.checkPost(partner);
        Open311Requests.Receipt receipt = requests.submit(partner, new Open311Submission(serviceCode, placeCode,
                description, addressString, lat, lon, firstName, lastName, phone, email, accountId, deviceId, mediaUrl,
                request.getRemoteAddr()));
        // GeoReport v2 returns either the id (type realtime) or a token; we give both, so a partner
        // that stored only the token can still find its request (README, deviations).
        Document.Node answer = new Document.Node()
                .put("service_request_id", Long.toString(receipt.serviceRequestId()))
                .put("token", receipt.token())
                .put("service_notice", text("open311.serviceNotice"))
                .put("account_id", accountId == null || accountId.isBlank() ? null : accountId.strip());
        return ok(f, Document.list("service_requests", "request", List.of(answer)));
    }

    @GetMapping("/v2/requests.{format}")
    @Operation(summary = "GET Service Requests: only those that came in through Open311, never with personal data")
    ResponseEntity<byte[]> list(
            @PathVariable String format,
            @Parameter(description = "comma delimited; overrides every other argument")
            @RequestParam(name = "service_request_id", required = false) String ids,
            @Parameter(description = "comma delimited") @RequestParam(name = "service_code", required = false) String serviceCodes,
            @Parameter(description = "W3C date-time, e.g. 2026-01-01T00:00:00+08:00")
            @RequestParam(name = "start_date", required = false) String startDate,
            @Parameter(description = "W3C date-time; at most 90 days after start_date")
            @RequestParam(name = "end_date", required = false) String endDate,
            @Parameter(description = "open, closed; comma delimited") @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            HttpServletRequest request) {
        Format f = format(format);
        read(request);
        Open311Requests.ListQuery query = blank(ids) ? filters(serviceCodes, startDate, endDate, status)
                : new Open311Requests.ListQuery(ids(ids), List.of(), null, null, null);
        return requestsDocument(f, requests.find(query));
    }

    @GetMapping("/v2/requests/{id}.{format}")
    @Operation(summary = "GET Service Request: an array of one")
    ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
                               @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                               HttpServletRequest request) {
        Format f = format(format);
        read(request);
        Open311Requests.Request found = (ID.matcher(id).matches() ? requests.find(Long.parseLong(id)) : Optional.<Open311Requests.Request>empty())
                .orElseThrow(() -> Open311Exception.notFound("open311.error.requestNotFound"));
        return requestsDocument(f, List.of(found));
    }

    @GetMapping("/v2/tokens/{token}.{format}")
    @Operation(summary = "GET service_request_id from a token")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                 HttpServletRequest request) {
        Format f = format(format);
        read(request);
        long id = requests.byToken(token).orElseThrow(() -> Open311Exception.notFound("open311.error.tokenNotFound"));
        Document.Node node = new Document.Node().put("service_request_id", Long.toString(id)).put("token", token);
        return ok(f, Document.list("service_requests", "request", List.of(node)));
    }

    /** Anything else under /open311: 404 in GeoReport's error format, or 400 for a method the resource does not take. */
    @Hidden
    @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String allowed = allowedMethods(path);
        if (allowed != null) {
            throw Open311Exception.badRequest(null, "open311.error.method", request.getMethod(), allowed);
        }
        throw Open311Exception.notFound("open311.error.notFound");
    }

    static String allowedMethods(String path) {
        if (path.matches("/open311/v2/requests\\.[^/]+")) {
            return "GET, POST";
        }
        if (path.matches("/open311/(discovery|v2/services)\\.[^/]+")
                || path.matches("/open311/v2/(services|requests|tokens)/[^/]+\\.[^/]+")) {
            return "GET";
        }
        return null;
    }

    private Open311Requests.ListQuery filters(String serviceCodes, String startDate, String endDate, String status) {
        List<String> codes = new ArrayList<>();
        if (!blank(serviceCodes)) {
            Set<String> known = catalogue.categories().stream().map(Opinions.Category::code).collect(Collectors.toSet());
            for (String code : serviceCodes.split(",")) {
                String c = code.strip();
                if (!c.isEmpty() && !known.contains(c)) {
                    throw Open311Exception.badRequest("service_code", "open311.error.serviceUnknown",
                            SERVICE_CODE.matcher(c).matches() ? c : "?");
                }
                if (!c.isEmpty()) {
                    codes.add(c);
                }
            }
        }
        Set<String> states = null;
        if (!blank(status)) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String s : status.split(",")) {
                String value = s.strip().toLowerCase(Locale.ROOT);
                if (!value.equals(Open311Status.OPEN) && !value.equals(Open311Status.CLOSED)) {
                    throw Open311Exception.badRequest("status", "open311.error.status");
                }
                wanted.add(value);
            }
            if (wanted.size() == 1) {
                states = wanted.contains(Open311Status.OPEN) ? Open311Status.OPEN_STATES : Open311Status.CLOSED_STATES;
            }
        }
        Instant from = blank(startDate) ? null : W3cDates.parse(startDate, zone, false)
                .orElseThrow(() -> Open311Exception.badRequest("start_date", "open311.error.date"));
        Instant to = blank(endDate) ? null : W3cDates.parse(endDate, zone, true)
                .orElseThrow(() -> Open311Exception.badRequest("end_date", "open311.error.date"));
        // GeoReport v2: the window defaults to the most recent 90 days and may not span more
        if (from == null && to == null) {
            from = Instant.now().minus(WINDOW);
        } else if (from == null) {
            from = to.minus(WINDOW);
        } else if (to == null) {
            to = from.plus(WINDOW);
        }
        if (to != null && to.isBefore(from)) {
            throw Open311Exception.badRequest("end_date", "open311.error.dateOrder");
        }
        if (to != null && Duration.between(from, to).compareTo(WINDOW.plusSeconds(1)) > 0) {
            throw Open311Exception.badRequest("end_date", "open311.error.dateSpan", WINDOW.toDays());
        }
        return new Open311Requests.ListQuery(null, codes, states, from, to);
    }

    private static Set<Long> ids(String ids) {
        Set<Long> set = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            String value = id.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!ID.matcher(value).matches()) {
                throw Open311Exception.badRequest("service_request_id", "open311.error.requestId");
            }
            set.add(Long.parseLong(value));
        }
        if (set.size() > Open311Requests.MAX_RESULTS) {
            throw Open311Exception.badRequest("service_request_id", "open311.error.tooManyIds", Open311Requests.MAX_RESULTS);
        }
        return set;
    }

    /**
     * The requests as GeoReport v2 lists them. Privacy: never the voter's name, phone or e-mail
     * (the opinions facade does not even hand them out), and {@code address} is the place's name,
     * not the partner's address_string, which may be someone's home.
     */
    private ResponseEntity<byte[]> requestsDocument(Format f, List<Open311Requests.Request> found) {
        Map<String, Opinions.Category> categories = catalogue.categories().stream()
                .collect(Collectors.toMap(Opinions.Category::code, Function.identity()));
        String notice = text("open311.serviceNotice");
        List<Document.Node> nodes = new ArrayList<>();
        for (Open311Requests.Request r : found) {
            Opinions.View v = r.opinion();
            Opinions.Category category = categories.get(v.category());
            String reply = v.reply() == null || v.reply().isBlank() ? null : v.reply();
            nodes.add(new Document.Node()
                    .put("service_request_id", Long.toString(v.id()))
                    .put("status", Open311Status.of(v.status()))
                    .put("status_notes", reply != null ? reply
                            : messages.getMessage("opinion.state." + v.status(), null, v.status(), locale()))
                    .put("service_name", category == null ? v.category() : name(category))
                    .put("service_code", v.category())
                    .put("description", v.content())
                    .put("agency_responsible", v.handlingUnit())
                    .put("service_notice", notice)
                    .put("requested_datetime", W3cDates.format(v.submittedAt(), zone))
                    .put("updated_datetime", W3cDates.format(v.updatedAt(), zone))
                    .put("expected_datetime", W3cDates.format(v.dueAt(), zone))
                    .put("address", catalogue.place(v.placeCode()).map(Catalogue.Place::name).orElse(v.placeName()))
                    .put("address_id", v.placeCode())
                    .put("zipcode", null)
                    .put("lat", null)
                    .put("long", null)
                    .put("media_url", r.mediaUrl()));
        }
        return ok(f, Document.list("service_requests", "request", nodes));
    }

    private static Format format(String extension) {
        return Format.of(extension).orElseThrow(() -> Open311Exception.notFound("open311.error.format"));
    }

    /** The GETs need no key; they are limited per address instead. */
    private void read(HttpServletRequest request) {
        limits.checkRead(request.getRemoteAddr());
    }

    private ResponseEntity<byte[]> ok(Format format, Document document) {
        return ResponseEntity.ok().contentType(format.mediaType).body(document.write(format, json));
    }

    private String name(Opinions.Category c) {
        return locale().getLanguage().equals("en") ? c.nameEn() : c.nameZh();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
