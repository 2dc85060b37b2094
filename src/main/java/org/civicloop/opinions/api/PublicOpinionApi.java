package org.civicloop.opinions.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.Opinions;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.Rating;
import org.civicloop.opinions.domain.ReceiptCodes;
import org.civicloop.opinions.domain.SubmissionLimits;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.opinions.domain.WorkOrderClocks;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public's journey as JSON: send an opinion, follow it by receipt code, rate the answer. The
 * same checks, limits and privacy as the pages; nothing personal is ever returned.
 */
@RestController
@RequestMapping("/public/api/opinions")
@Tag(name = "public opinions")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicOpinionApi {

    private final OpinionService service;
    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final SubmissionLimits limits;
    private final Addressing addressing;
    private final WorkOrderClocks clocks;
    private final MessageSource messages;

    /** {@code content}: 5 to 20,000 characters (civicloop.opinions.content-max-length), stored whole. */
    record Submission(String category,
                      @Schema(description = "the opinion: 5 to 20,000 characters (code points), stored whole, never cut",
                              minLength = 5, maxLength = 20_000) String content, String placeCode, String placeDetail, String voterName,
                      String voterPhone, String voterEmail, Boolean consent, String dutyCode) {
    }

    record Receipt(String receiptCode, String statusUrl, int triageWorkingDays) {
    }

    record StatusStep(String kind, String label, String actor, Instant at) {
    }

    record Status(String receiptCode, String status, String statusLabel, String category, String place,
                  Instant submittedAt, String handlingUnit, Instant dueAt, Integer workingDaysLeft, String reply,
                  String repliedBy, Instant repliedAt, String rating, int reopenCount, boolean canRate,
                  List<StatusStep> steps) {
    }

    record RatingRequest(String rating) {
    }

    @PostMapping
    @Operation(summary = "Send an opinion; answers 201 with the receipt code. With an Idempotency-Key header (a UUID), "
            + "the same submission sent again, to any node, stores nothing more and answers the first receipt "
            + "(header Idempotent-Replayed: true)")
    ResponseEntity<?> submit(@RequestBody Submission s,
                             @Parameter(description = "a UUID chosen by the client for this submission")
                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                             HttpServletRequest request) {
        UUID key = null;
        if (idempotencyKey != null) {
            try {
                key = UUID.fromString(idempotencyKey.strip());
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest().body(problem(request, List.of(new InvalidInput.Problem(IDEMPOTENCY_KEY,
                        "opinion.error.idempotencyKey"))));
            }
            Optional<String> first = queries.submittedWith(key);
            if (first.isPresent()) {
                return replayed(first.get());
            }
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        Addressing.Addressee addressee = null;
        if (s.dutyCode() != null && !s.dutyCode().isBlank()) {
            addressee = addressing.byToken(s.dutyCode()).orElse(null);
            if (addressee == null) {
                problems.add(new InvalidInput.Problem("dutyCode", "opinion.error.dutyCode"));
            }
        }
        SubmitOpinion opinion = SubmitOpinion.fromPublic(addressee, request.getRemoteAddr())
                .category(s.category()).content(s.content()).place(s.placeCode(), s.placeDetail())
                .voter(s.voterName(), s.voterPhone(), s.voterEmail()).consent(s.consent()).submissionKey(key).build();
        problems.addAll(0, service.check(opinion));
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(problem(request, problems));
        }
        limits.checkSubmission(request.getRemoteAddr(), opinion.voterPhone());
        Opinion saved;
        try {
            saved = service.submit(opinion, List.of());
        } catch (Opinions.InvalidOpinion e) {
            return ResponseEntity.badRequest().body(problem(request, e.problems()));
        } catch (DuplicateKeyException e) {
            // the same key sent at the same moment (to this node or another): the other request stored it
            Optional<String> first = key == null ? Optional.empty() : queries.submittedWith(key);
            if (first.isEmpty()) {
                throw e;
            }
            return replayed(first.get());
        }
        String url = "/public/api/opinions/" + saved.receiptCode();
        return ResponseEntity.created(URI.create(url)).body(new Receipt(saved.receiptCode(), url, rules.triageWorkingDays()));
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The first submission's receipt, for a resend with its key: the same answer, marked as replayed. */
    private ResponseEntity<Receipt> replayed(String receiptCode) {
        String url = "/public/api/opinions/" + receiptCode;
        return ResponseEntity.created(URI.create(url)).header("Idempotent-Replayed", "true")
                .body(new Receipt(receiptCode, url, rules.triageWorkingDays()));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Follow an opinion by its receipt code")
    Status status(@PathVariable String code, HttpServletRequest request) {
        limits.checkLookup(request.getRemoteAddr());
        String normalised = ReceiptCodes.normalise(code).orElseThrow(() -> new NotFoundException("opinion", code));
        var s = queries.publicStatus(normalised).orElseThrow(() -> new NotFoundException("opinion", code));
        var locale = LocaleContextHolder.getLocale();
        var clock = s.activeOrderId() == null ? null : clocks.find(s.activeOrderId()).orElse(null);
        List<StatusStep> steps = queries.publicSteps(s.id()).stream()
                .map(st -> new StatusStep(st.kind(), messages.getMessage("opinion.step." + st.kind(), null, st.kind(), locale),
                        st.actorLabel(), st.at()))
                .toList();
        return new Status(s.receiptCode(), s.status(), messages.getMessage("opinion.state." + s.status(), null, locale),
                s.category(), s.townName() == null ? s.placeName() : s.townName() + " " + s.placeName(), s.submittedAt(),
                s.status().equals("HANDLING") ? s.handlingUnit() : null, clock == null ? null : clock.dueAt(),
                clock == null ? null : clock.workingDaysLeft(), s.reply(), s.repliedBy(), s.repliedAt(), s.rating(),
                s.reopenCount(), s.status().equals("REPLIED"), steps);
    }

    @PostMapping("/{code}/rating")
    @Operation(summary = "Rate the answer: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED")
    Status rate(@PathVariable String code, @RequestBody RatingRequest body, HttpServletRequest request) {
        limits.checkLookup(request.getRemoteAddr());
        Rating rating;
        try {
            rating = Rating.ofVoterChoice(body.rating() == null ? "" : body.rating());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("opinion.error.rating");
        }
        Opinion rated = service.rate(code, rating);
        return status(rated.receiptCode(), request);
    }

    private ProblemDetail problem(HttpServletRequest request, List<InvalidInput.Problem> problems) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        p.setTitle(messages.getMessage("error.400.title", null, locale));
        p.setDetail(messages.getMessage("error.validation.detail", null, locale));
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("errors", problems.stream()
                .map(x -> Map.of("field", x.field(), "message", messages.getMessage(x.messageKey(), x.arguments(), locale)))
                .toList());
        return p;
    }
}
