package org.civicloop.open311.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.open311.domain.Open311Requests;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors of the Open311 API in GeoReport v2's own format, never as ProblemDetail: JSON
 * {@code [{"code":400,"description":"..."}]} or XML {@code <errors><error><code/><description/>},
 * in the format the path asked for (JSON when the extension is unknown). Descriptions come from the
 * message bundles in the caller's language (Accept-Language, Chinese by default); no exception text
 * ever reaches a client. Ordered first so that the application's general handler, which would
 * answer with a ProblemDetail, never sees these controllers' exceptions. Only the API package: the
 * administrator's page of this module keeps the friendly error pages.
 */
@RestControllerAdvice(basePackages = "org.civicloop.open311.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);

    private final MessageSource messages;
    private final JsonMapper json;

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> open311(Open311Exception e, HttpServletRequest request) {
        return write(request, e.status(), e.errors());
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<byte[]> invalid(InvalidInput e, HttpServletRequest request) {
        List<Open311Exception.Error> errors = new ArrayList<>();
        for (InvalidInput.Problem p : e.problems()) {
            errors.add(new Open311Exception.Error(p.field(), p.messageKey(), p.arguments()));
        }
        return write(request, HttpStatus.BAD_REQUEST, errors);
    }

    @ExceptionHandler(Open311Requests.UnknownService.class)
    ResponseEntity<byte[]> unknownService(Open311Requests.UnknownService e, HttpServletRequest request) {
        return write(request, HttpStatus.NOT_FOUND,
                List.of(new Open311Exception.Error("service_code", "open311.error.serviceNotFound",
                        // echo the code only when it looks like one
                        e.serviceCode().matches("[A-Za-z0-9_.-]{1,30}") ? e.serviceCode() : "?")));
    }

    /** A rule of another module said no: its status when GeoReport knows it, else 400. */
    @ExceptionHandler(BusinessException.class)
    ResponseEntity<byte[]> business(BusinessException e, HttpServletRequest request, HttpServletResponse response) {
        RetryAfter.addHeader(e, response);
        HttpStatus status = switch (e.status()) {
            case 403, 404, 429 -> HttpStatus.valueOf(e.status());
            default -> HttpStatus.BAD_REQUEST;
        };
        return write(request, status, List.of(new Open311Exception.Error(null, e.messageKey(), e.arguments())));
    }

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class, HttpMediaTypeException.class, MultipartException.class})
    ResponseEntity<byte[]> malformed(Exception e, HttpServletRequest request) {
        return write(request, HttpStatus.BAD_REQUEST, List.of(new Open311Exception.Error(null, "open311.error.malformed")));
    }

    /**
     * Anything unexpected: GeoReport v2 calls it a "general service error" and answers 400, asking
     * the client to tell the provider; the error id in the description ties that report to our log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected Open311 error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        return write(request, HttpStatus.BAD_REQUEST, List.of(new Open311Exception.Error(null, "open311.error.general", errorId)));
    }

    private ResponseEntity<byte[]> write(HttpServletRequest request, HttpStatus status, List<Open311Exception.Error> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Document.Node> nodes = new ArrayList<>();
        for (Open311Exception.Error error : errors) {
            String text = messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale);
            if (error.field() != null) {
                text = messages.getMessage("open311.error.field", new Object[] {error.field(), text}, locale);
            }
            nodes.add(new Document.Node().put("code", status.value()).put("description", text));
        }
        Format format = Format.ofPath(request.getRequestURI());
        return ResponseEntity.status(status).contentType(format.mediaType)
                .body(Document.list("errors", "error", nodes).write(format, json));
    }
}
