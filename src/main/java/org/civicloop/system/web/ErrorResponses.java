package org.civicloop.system.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.civicloop.shared.spreadsheet.TableReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns an error into what the caller can read: an RFC 9457 ProblemDetail for
 * machine clients, a friendly page for people. Both carry text from the message bundles only, never
 * exception text.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The request attribute that holds the reference once an error was logged, so that it is logged once. */
    static final String REFERENCE = ErrorResponses.class.getName() + ".reference";

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;
    private final LayoutModel layout;
    /** Absent when the application runs a command without a web server (verify-audit, restore). */
    @Qualifier("thymeleafViewResolver")
    private final ObjectProvider<ViewResolver> views;

    /** Machine clients: the API paths, or anyone who asks for JSON rather than HTML. */
    public boolean wantsProblem(HttpServletRequest request) {
        String path = originalPath(request);
        if (isMachinePath(path) || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && !accept.contains("text/html")
                && (accept.contains("json") || accept.contains("xml"));
    }

    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detailKey, Object... args) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(text("error." + status.value() + ".title", locale, status.getReasonPhrase()));
        problem.setDetail(text(detailKey, locale, args));
        problem.setInstance(URI.create(originalPath(request)));
        return problem;
    }

    /** A ProblemDetail carrying a logged reference ({@code errorId}). */
    public void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detailKey, Object... args) throws IOException {
        ProblemDetail problem = problem(request, status, detailKey, args);
        problem.setProperty("errorId", logged(request, status, detailKey, null));
        write(response, problem);
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A friendly page; {@code errorId} ties what the user reports to the server log. */
    public ModelAndView page(HttpServletRequest request, HttpStatus status, String detailKey, String errorId,
                             Object... args) {
        Locale locale = localeResolver.resolveLocale(request);
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorTitle", text(pageTitleKey(status), locale));
        page.addObject("errorDetail", text(detailKey, locale, args));
        page.addObject("errorId", errorId);
        page.addObject("currentUser", layout.currentUser());
        page.addObject("navigation", layout.navigation());
        page.addObject("badges", layout.badges());
        page.addObject("currentPath", originalPath(request));
        page.addObject("largeText", LayoutModel.largeText(request.getCookies()));
        return page;
    }

    /**
     * Logs the error under a new reference (错误编号) and returns it: server errors at ERROR with the
     * exception, the rest at INFO without. The request path is logged, never its parameters (they may
     * hold personal data). An error already logged for this request keeps its reference.
     */
    public String logged(HttpServletRequest request, HttpStatus status, String what, Throwable cause) {
        String earlier = referenceOf(request);
        if (earlier != null) {
            return earlier;
        }
        String ref = newReference(request);
        if (status.is5xxServerError()) {
            log.error("Error {}: {} on {} {} ({})", ref, status.value(), request.getMethod(), originalPath(request), what, cause);
        } else {
            log.info("Error {}: {} on {} {} ({})", ref, status.value(), request.getMethod(), originalPath(request), what);
        }
        return ref;
    }

    /**
     * Answers, from a filter, a request refused before anything read its parameters or body: a
     * ProblemDetail for programs; for people the error page, drawn here without the parameters (reading
     * them is what failed, or would read the whole of a body refused for its size: the error page's own
     * handlers read {@code lang}).
     */
    public void refuseUnread(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detailKey, Object... args) throws IOException {
        if (wantsProblem(request)) {
            writeProblem(request, response, status, detailKey, args);
            return;
        }
        HttpServletRequest page = new NoParameters(request);
        ModelAndView refusal = page(page, status, detailKey, logged(page, status, detailKey, null), args);
        try {
            ViewResolver resolver = views.getIfAvailable();
            View view = resolver == null ? null : resolver.resolveViewName(refusal.getViewName(), locale(page));
            if (view == null) {
                throw new IllegalStateException("no error view");
            }
            response.setStatus(status.value());
            view.render(refusal.getModel(), page, response);
        } catch (Exception e) {
            // the page could not be drawn: the container's plain error page still says no
            response.sendError(status.value());
        }
    }

    /** A refused request as the error page sees it: without the parameters that could not, or must not, be read. */
    private static final class NoParameters extends HttpServletRequestWrapper {
        NoParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /**
     * The database cannot be reached: 503 with {@code Retry-After}, a ProblemDetail for programs, for
     * people a page in their language that gives back the form they were sending. Logged at WARN
     * under a reference, without a stack trace: during an outage every request would log one.
     */
    ModelAndView outage(HttpServletRequest request, HttpServletResponse response, Throwable cause) throws IOException {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        String errorId = referenceOf(request);
        if (errorId == null) {
            errorId = newReference(request);
            log.warn("Error {}: {} on {} {} ({})", errorId, status.value(), request.getMethod(), originalPath(request),
                    DatabaseOutage.describe(cause));
        }
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (wantsProblem(request)) {
            ProblemDetail problem = problem(request, status, "error.503.detail", DatabaseOutage.RETRY_AFTER_SECONDS);
            problem.setProperty("errorId", errorId);
            write(response, problem);
            return null;
        }
        ModelAndView page = page(request, status, "error.503.detail", errorId, DatabaseOutage.RETRY_AFTER_SECONDS);
        page.addObject("keptForm", DatabaseOutage.keptForm(request));
        return page;
    }

    /** What a page or a ProblemDetail says: a message key and its arguments. */
    record Detail(String key, Object... arguments) {
    }

    /**
     * What to say when a body was refused as {@code status} (see {@link #refusedBody}): one over a size
     * limit names the limit ("一次最多 64 MB"); one of too many parts is too large in general; one that
     * cannot be read says so.
     */
    Detail refusedBodyDetail(HttpStatus status, Throwable cause) {
        if (status != HttpStatus.CONTENT_TOO_LARGE) {
            return new Detail("error.malformedBody.detail");
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SizeException size && size.getPermittedSize() > 0) {
                return uploadLimitDetail(size.getPermittedSize());
            }
            if (t instanceof MaxUploadSizeExceededException size && size.getMaxUploadSize() > 0) {
                return uploadLimitDetail(size.getMaxUploadSize());
            }
        }
        return new Detail("error.413.detail");
    }

    /** An upload larger than {@code limit} bytes, naming it ("一次最多 64 MB"). */
    static Detail uploadLimitDetail(long limit) {
        return new Detail("error.413.upload", TableReader.humanSize(limit));
    }

    /**
     * The client's status when a filter failed reading the request's body: the CSRF filter, for one,
     * reads {@code _csrf} from a form before any controller, and Tomcat refuses a body it will not
     * read (larger than {@code spring.servlet.multipart.max-request-size}, too many parts or
     * parameters, malformed) by throwing, with the status it stands for; and throws again at every later
     * read of a parameter in that request, the error page's included. Without this, an upload over the
     * limit answered 500.
     */
    static HttpStatus refusedBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidParameterException refused) {
                HttpStatus status = HttpStatus.resolve(refused.getErrorCode());
                return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
            }
            if (t instanceof MaxUploadSizeExceededException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof MultipartException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        return null;
    }

    /** The reference this request's error was logged under, if it was. */
    static String referenceOf(HttpServletRequest request) {
        return request.getAttribute(REFERENCE) instanceof String ref ? ref : null;
    }

    private static String newReference(HttpServletRequest request) {
        String ref = String.format("%08x", ThreadLocalRandom.current().nextInt());
        request.setAttribute(REFERENCE, ref);
        return ref;
    }

    /** Field errors as {@code [{field, message}]}, the shape API clients read beside the detail. */
    public static void addFieldErrors(ProblemDetail problem, List<Map<String, String>> fieldErrors) {
        if (!fieldErrors.isEmpty()) {
            problem.setProperty("errors", fieldErrors);
        }
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public Locale locale(HttpServletRequest request) {
        return localeResolver.resolveLocale(request);
    }

    private static String pageTitleKey(HttpStatus status) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503 -> "error." + status.value() + ".title";
            default -> "error.500.title";
        };
    }

    /** Paths only programs call: they get ProblemDetails and may choose their language by Accept-Language. */
    static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/public/api/") || path.startsWith("/open311/");
    }

    static String originalPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
