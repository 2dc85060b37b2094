package org.civicloop.system.web;

import java.io.IOException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside controllers (a filter, the container, {@code sendError}) arrive here.
 * Replaces Boot's whitelabel controller so no stack trace or exception text can reach a user.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CivicErrorController implements ErrorController {

    private final ErrorResponses errors;

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus refused = ErrorResponses.refusedBody(cause);
        HttpStatus status = refused != null ? refused : HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        // a template that failed to render, a filter that threw, or the container's own sendError: the
        // exception (if any) is logged here under the reference the page shows
        if (cause != null && DatabaseOutage.causedBy(cause)) {
            return errors.outage(request, response, cause); // a filter's query (the staff session) found no database
        }
        String errorId = errors.logged(request, status, cause == null ? "status " + status.value()
                : cause.getClass().getSimpleName(), cause);
        ErrorResponses.Detail detail = refused != null ? errors.refusedBodyDetail(refused, cause)
                : new ErrorResponses.Detail(detailKey(status), errorId);
        if (errors.wantsProblem(request)) {
            ProblemDetail problem = errors.problem(request, status, detail.key(), detail.arguments());
            problem.setProperty("errorId", errorId);
            errors.write(response, problem);
            return null;
        }
        return errors.page(request, status, detail.key(), errorId, detail.arguments());
    }

    private static String detailKey(HttpStatus status) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 413, 415, 429 -> "error." + status.value() + ".detail";
            default -> status.is4xxClientError() ? "error.400.detail" : "error.500.detail";
        };
    }
}
