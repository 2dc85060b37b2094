package org.civicloop.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.RetryAfter;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every exception a controller lets out ends here. Returning {@code null} after writing the
 * ProblemDetail tells Spring the response is complete.
 */
@ControllerAdvice
class GlobalExceptionHandler {

    private final ErrorResponses errors;

    GlobalExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalidInput(InvalidInput e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = errors.locale(request);
        List<Map<String, String>> fields = new ArrayList<>();
        for (InvalidInput.Problem p : e.problems()) {
            fields.add(Map.of("field", p.field(), "message", errors.text(p.messageKey(), locale, p.arguments())));
        }
        return respond(request, response, HttpStatus.BAD_REQUEST, e.messageKey(), fields);
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView business(BusinessException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        RetryAfter.addHeader(e, response);
        return respond(request, response, HttpStatus.valueOf(e.status()), e.messageKey(), List.of(), e.arguments());
    }

    @ExceptionHandler(BindException.class)
    ModelAndView invalid(BindException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = errors.locale(request);
        List<Map<String, String>> fields = new ArrayList<>();
        for (FieldError fe : e.getFieldErrors()) {
            fields.add(Map.of("field", fe.getField(), "message", errors.text(messageKey(fe), locale, fe.getArguments())));
        }
        e.getGlobalErrors().forEach(ge -> fields.add(Map.of("field", ge.getObjectName(),
                "message", errors.text(messageKey(ge), locale, ge.getArguments()))));
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.validation.detail", fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView invalidParameters(HandlerMethodValidationException e, HttpServletRequest request,
                                   HttpServletResponse response) throws IOException {
        Locale locale = errors.locale(request);
        List<Map<String, String>> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(err ->
                fields.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", errors.text(messageKey(err), locale, err.getArguments())))));
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.validation.detail", fields);
    }


    /** Refusals that need no more than a status and a sentence; the first class that matches answers. */
    private static final List<Plain> PLAIN = List.of(
            new Plain(HttpMessageNotReadableException.class, HttpStatus.BAD_REQUEST, "error.malformedBody.detail"),
            new Plain(NoResourceFoundException.class, HttpStatus.NOT_FOUND, "error.404.detail"),
            new Plain(NoHandlerFoundException.class, HttpStatus.NOT_FOUND, "error.404.detail"),
            new Plain(HttpRequestMethodNotSupportedException.class, HttpStatus.METHOD_NOT_ALLOWED, "error.405.detail"),
            new Plain(HttpMediaTypeNotSupportedException.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.415.detail"),
            new Plain(HttpMediaTypeNotAcceptableException.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.415.detail"),
            new Plain(MultipartException.class, HttpStatus.BAD_REQUEST, "error.malformedBody.detail"),
            new Plain(OptimisticLockingFailureException.class, HttpStatus.CONFLICT, "error.concurrentChange.detail"));

    private record Plain(Class<? extends Exception> type, HttpStatus status, String messageKey) {
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MultipartException.class, OptimisticLockingFailureException.class})
    ModelAndView plain(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Plain p = PLAIN.stream().filter(candidate -> candidate.type().isInstance(e)).findFirst().orElseThrow();
        return respond(request, response, p.status(), p.messageKey(), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ErrorResponses.Detail detail = errors.refusedBodyDetail(HttpStatus.CONTENT_TOO_LARGE, e);
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, detail.key(), List.of(), detail.arguments());
    }

    /**
     * A parameter that is missing or does not parse: 400 naming it. But a page's address whose path does not
     * parse ({@code /opinions/triage} where an opinion's number belongs) names nothing there is: a person gets
     * the 404 page rather than a parameter's name; programs still get the 400 that names it.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class)
                && !errors.wantsProblem(request)) {
            return respond(request, response, HttpStatus.NOT_FOUND, "error.404.detail", List.of());
        }
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.badParameter.detail", List.of(), name);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            throw e; // let Spring Security send the visitor to the login page
        }
        return respond(request, response, HttpStatus.FORBIDDEN, "error.403.detail", List.of());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (DatabaseOutage.causedBy(e)) {
            return errors.outage(request, response, e);
        }
        HttpStatus refused = ErrorResponses.refusedBody(e); // read again after a filter's read was refused
        if (refused != null) {
            ErrorResponses.Detail detail = errors.refusedBodyDetail(refused, e);
            return respond(request, response, refused, detail.key(), List.of(), detail.arguments());
        }
        String errorId = errors.logged(request, HttpStatus.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(), e);
        if (errors.wantsProblem(request)) {
            ProblemDetail problem = errors.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.500.detail", errorId);
            problem.setProperty("errorId", errorId);
            errors.write(response, problem);
            return null;
        }
        return errors.page(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.500.detail", errorId, errorId);
    }

    private ModelAndView respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                 String detailKey, List<Map<String, String>> fieldErrors, Object... args) throws IOException {
        String errorId = errors.logged(request, status, detailKey, null);
        if (errors.wantsProblem(request)) {
            ProblemDetail problem = errors.problem(request, status, detailKey, args);
            ErrorResponses.addFieldErrors(problem, fieldErrors);
            problem.setProperty("errorId", errorId);
            errors.write(response, problem);
            return null;
        }
        ModelAndView page = errors.page(request, status, detailKey, errorId, args);
        page.addObject("fieldErrors", fieldErrors);
        return page;
    }

    /** The most specific code the validator gave that our bundles define, else a generic one. */
    private static String messageKey(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        if (codes != null && codes.length > 0) {
            String last = codes[codes.length - 1];
            return "validation." + last;
        }
        return "validation.invalid";
    }
}
