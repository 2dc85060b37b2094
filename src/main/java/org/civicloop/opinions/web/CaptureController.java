package org.civicloop.opinions.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.liaison.ReceptionSummary;
import org.civicloop.liaison.Receptions;
import org.civicloop.opinions.Opinions;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.ReceptionDetails;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * 现场记录: the capture page for a market day (流动接待) or a reception, where the phone's signal
 * comes and goes. Each entry is kept in the browser first ({@code static/js/capture.js}) with a key
 * the browser made, and sent here when the connection allows; the key makes a resend, however often
 * and however concurrent, store one opinion (the unique {@code opinion_reception.submission_key}).
 * A service worker ({@code static/js/capture-sw.js}, served from this path so that its scope covers
 * the page) keeps the page openable without a connection.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CaptureController {

    static final String PAGE = "/opinions/capture";
    static final int KEY_MAX_LENGTH = 36;
    private static final Pattern ADDRESSEE = Pattern.compile("(DEPUTY|SITE):\\d{1,18}");
    private static final Pattern RECEPTION_ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The texts the page's script shows, rendered into the page in the user's language. */
    private static final List<String> SCRIPT_TEXTS = List.of("capture.sending", "capture.offline", "capture.online", "capture.noConnection",
            "capture.signedOut", "capture.retryIn", "capture.savedLocally", "capture.storageFallback",
            "capture.entry.waiting", "capture.entry.stored", "capture.entry.invalid", "capture.entry.otherAccount",
            "capture.entry.correct", "capture.entry.remove", "capture.entry.removeConfirm",
            "opinion.error.channel", "opinion.error.addressee", "opinion.error.receivedAtRequired",
            "opinion.error.receptionPlaceRequired", "opinion.error.contentRequired", "opinion.error.contentTooShort",
            "opinion.error.contentTooLong", "opinion.error.categoryRequired", "opinion.error.placeRequired",
            "opinion.error.voterPhone", "opinion.error.consent");

    private final OpinionService service;
    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final Addressing addressing;
    private final Receptions receptions;
    private final PublicPages pages;
    private final MessageSource messages;
    private final OpinionPermissions permissions = new OpinionPermissions();
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /**
     * One entry as the page sends it: every value a string as typed (a number or a date that does not
     * parse is a problem to show, not a request that cannot be read).
     */
    record Entry(String key, String channel, String addressee, String receptionId, String receivedAt,
                 String receptionPlace, String visitorCount, String category, String content, String placeCode,
                 String placeDetail, String voterName, String voterPhone, Boolean consent) {
    }

    /** What was stored for a key: the first result, whenever and however often the entry is sent. */
    record Stored(String key, long opinionId, String receiptCode, boolean repeated) {
    }

    /** Who is signed in now and the CSRF token to send with: the page asks before it sends. */
    record Session(long accountId, String csrfHeader, String csrfToken) {
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String reception, @AuthenticationPrincipal CivicUser user, Model model) {
        check(user);
        Locale locale = LocaleContextHolder.getLocale();
        List<Addressing.Addressee> addressees = addressing.recordableBy(user);
        // a reception fixes the channel, the site, the time and the place: nothing left to choose there
        Optional<ReceptionSummary> held = reception == null || !RECEPTION_ID.matcher(reception).matches()
                ? Optional.empty() : recordableReception(Long.parseLong(reception), addressees);
        if (reception != null && held.isEmpty()) {
            model.addAttribute("badReception", true);
        }
        String receptionId = held.map(r -> Long.toString(r.id())).orElse(null);
        held.ifPresent(r -> {
            model.addAttribute("reception", r);
            model.addAttribute("presetChannel", (r.mobile() ? Channel.MARKET_DAY : Channel.RECEPTION).name());
            model.addAttribute("presetAddressee", addressees.stream()
                    .filter(a -> a.kind() == org.civicloop.opinions.domain.AddresseeKind.SITE && a.id() == r.siteId())
                    .map(a -> a.kind() + ":" + a.id()).findFirst().orElse(""));
            model.addAttribute("presetReceivedAt", r.heldOn().atTime(r.startsAt()).toString());
            model.addAttribute("presetPlace", r.place());
        });
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("accountId", user.accountId());
        config.put("sessionUrl", PAGE + "/session");
        config.put("entriesUrl", PAGE + "/entries");
        config.put("workerUrl", "/opinions/capture-sw.js");
        config.put("scope", PAGE);
        config.put("opinionUrl", "/opinions/");
        config.put("receptionId", receptionId);
        config.put("onlyAddressee", addressees.size() == 1
                ? addressees.get(0).kind() + ":" + addressees.get(0).id() : null);
        config.put("contentMin", rules.contentMinLength());
        config.put("contentMax", rules.contentMaxLength());
        Map<String, String> texts = new LinkedHashMap<>();
        SCRIPT_TEXTS.forEach(k -> texts.put(k, messages.getMessage(k, null, k, locale)));
        config.put("texts", texts);
        model.addAttribute("captureConfig", JSON.writeValueAsString(config));
        model.addAttribute("receptionId", receptionId);
        model.addAttribute("channels", List.of(Channel.MARKET_DAY, Channel.RECEPTION));
        model.addAttribute("addressees", addressees);
        model.addAttribute("categories", queries.categories());
        model.addAttribute("placeGroups", pages.placeGroups());
        model.addAttribute("rules", rules);
        model.addAttribute("receptionPlaceMax", ReceptionDetails.PLACE_MAX_LENGTH);
        model.addAttribute("maxVisitors", ReceptionDetails.MAX_VISITORS);
        model.addAttribute("placeDetailMax", SubmitOpinion.PLACE_DETAIL_MAX_LENGTH);
        model.addAttribute("voterNameMax", SubmitOpinion.VOTER_NAME_MAX_LENGTH);
        return "opinions/staff/capture";
    }

    /**
     * The service worker. Served here, not under {@code /js/}, so that its scope may cover the page
     * ({@code /opinions/capture}); never cached by the HTTP cache, so that a new version is found.
     */
    @GetMapping(value = "/opinions/capture-sw.js", produces = "text/javascript")
    ResponseEntity<Resource> worker(@AuthenticationPrincipal CivicUser user) {
        check(user);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .body(new ClassPathResource("static/js/capture-sw.js"));
    }

    /** Who is signed in and a CSRF token valid for this session; never cached. */
    @GetMapping(PAGE + "/session")
    @ResponseBody
    ResponseEntity<Session> session(@AuthenticationPrincipal CivicUser user, CsrfToken csrf) {
        check(user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Session(user.accountId(), csrf.getHeaderName(), csrf.getToken()));
    }

    /**
     * Stores one entry, once per key: 201 with the receipt code the first time, 200 with the same
     * receipt code for every resend; 400 listing every problem in the user's language (nothing is
     * stored); 409 when the key is another account's.
     */
    @PostMapping(PAGE + "/entries")
    @ResponseBody
    ResponseEntity<?> entry(@RequestBody(required = false) Entry entry, @AuthenticationPrincipal CivicUser user,
                            HttpServletRequest request) {
        check(user);
        if (entry == null) {
            return invalid(request, List.of(new Problem("key", "capture.error.key")));
        }
        UUID key = parseKey(entry.key());
        if (key == null) {
            return invalid(request, List.of(new Problem("key", "capture.error.key")));
        }
        // a resend (the answer was lost on a weak signal): the first result, before any other check
        Optional<Stored> already = stored(key, user);
        if (already.isPresent()) {
            return ResponseEntity.ok(already.get());
        }
        List<Problem> problems = new ArrayList<>();
        Channel channel = parseChannel(entry.channel());
        if (channel == null) {
            problems.add(new Problem("channel", "opinion.error.channel"));
        }
        List<Addressing.Addressee> mine = addressing.recordableBy(user);
        Addressing.Addressee addressee = null;
        if (entry.addressee() != null && !entry.addressee().isBlank()) {
            addressee = ADDRESSEE.matcher(entry.addressee()).matches() ? mine.stream()
                    .filter(a -> (a.kind() + ":" + a.id()).equals(entry.addressee())).findFirst().orElse(null) : null;
            if (addressee == null) {
                problems.add(new Problem("addressee", "capture.error.addressee"));
            }
        } else if (mine.size() == 1) {
            addressee = mine.get(0);
        } else if (mine.size() > 1) {
            // whose duty the opinion counts for is the recorder's choice, never a default
            problems.add(new Problem("addressee", "opinion.error.addressee"));
        }
        Long receptionId = null;
        if (entry.receptionId() != null && !entry.receptionId().isBlank()) {
            if (RECEPTION_ID.matcher(entry.receptionId().strip()).matches()
                    && recordableReception(Long.parseLong(entry.receptionId().strip()), mine).isPresent()) {
                receptionId = Long.parseLong(entry.receptionId().strip());
            } else {
                problems.add(new Problem("receptionId", "capture.error.reception"));
            }
        }
        List<Problem> reception = ReceptionDetails.check(nonNull(entry.receivedAt()), entry.receptionPlace(),
                entry.visitorCount(), zone, Instant.now());
        problems.addAll(reception);
        SubmitOpinion opinion = SubmitOpinion.recorded(channel, addressee, user.accountId())
                .category(entry.category()).content(entry.content()).place(entry.placeCode(), entry.placeDetail())
                .voter(entry.voterName(), entry.voterPhone(), null).consent(entry.consent())
                .reception(reception.isEmpty() ? ReceptionDetails.of(entry.receivedAt(), entry.receptionPlace(),
                        entry.visitorCount(), zone) : null, key)
                .receptionId(receptionId)
                .build();
        // the channel is reported above; the rest in the order the page shows the fields
        problems.addAll(service.check(opinion).stream().filter(p -> !p.field().equals("channel")).toList());
        if (!problems.isEmpty()) {
            return invalid(request, problems);
        }
        try {
            Opinion saved = service.submit(opinion, List.of());
            return ResponseEntity.created(URI.create("/opinions/" + saved.id()))
                    .body(new Stored(key.toString(), saved.id(), saved.receiptCode(), false));
        } catch (DuplicateKeyException e) {
            // sent again at the same moment: the other request stored it and this one stored nothing
            return stored(key, user).<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> problem(request, HttpStatus.CONFLICT, List.of(new Problem("key", "capture.error.keyUsed"))));
        } catch (Opinions.InvalidOpinion e) {
            return invalid(request, e.problems());
        } catch (BusinessException e) {
            return invalid(request, List.of(new Problem("", e.messageKey(), e.arguments())));
        }
    }

    /**
     * The reception, if it exists, is not cancelled and the user may record for it: station staff for
     * a site they run, a deputy at any site's reception.
     */
    private Optional<ReceptionSummary> recordableReception(long id, List<Addressing.Addressee> mine) {
        return receptions.find(id).filter(ReceptionSummary::open)
                .filter(r -> mine.stream().anyMatch(a -> a.kind() == org.civicloop.opinions.domain.AddresseeKind.DEPUTY
                        || a.kind() == org.civicloop.opinions.domain.AddresseeKind.SITE && a.id() == r.siteId()));
    }

    /** What this account stored with the key before, as a repeated result. */
    private Optional<Stored> stored(UUID key, CivicUser user) {
        return queries.recordedWith(key, user.accountId()).flatMap(id -> queries.receiptCodeRecordedBy(id, user.accountId())
                .map(code -> new Stored(key.toString(), id, code, true)));
    }

    private ResponseEntity<ProblemDetail> invalid(HttpServletRequest request, List<Problem> problems) {
        return problem(request, HttpStatus.BAD_REQUEST, problems);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, List<Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setTitle(messages.getMessage(status == HttpStatus.CONFLICT ? "error.409.title" : "error.400.title", null,
                status.getReasonPhrase(), locale));
        p.setDetail(messages.getMessage("error.validation.detail", null, locale));
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("errors", problems.stream()
                .map(x -> Map.of("field", x.field(), "message", messages.getMessage(x.messageKey(), x.arguments(), locale)))
                .toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private void check(CivicUser user) {
        if (user == null || !permissions.canRecord(user)) {
            throw new AccessDeniedException("record");
        }
    }

    private static UUID parseKey(String value) {
        if (value == null || value.length() != KEY_MAX_LENGTH) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Channel parseChannel(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "MARKET_DAY" -> Channel.MARKET_DAY;
            case "RECEPTION" -> Channel.RECEPTION;
            default -> null;
        };
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
