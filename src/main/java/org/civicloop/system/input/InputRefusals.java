package org.civicloop.system.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a refusal of unreadable, oversized or hostile text for machine clients: an Open311 error
 * list under {@code /open311/} (the format partners parse), a ProblemDetail on the other API paths.
 * People get the error page instead.
 */
@Component
class InputRefusals {

    private final ErrorResponses errors;

    InputRefusals(ErrorResponses errors) {
        this.errors = errors;
    }

    /** Writes the refusal and returns true when the caller is a machine client; false for a person. */
    boolean writeMachine(HttpServletRequest request, HttpServletResponse response, String messageKey) throws IOException {
        return writeMachine(request, response, HttpStatus.BAD_REQUEST, messageKey);
    }

    /** As {@link #writeMachine(HttpServletRequest, HttpServletResponse, String)}, with the status and the message's arguments. */
    boolean writeMachine(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
                         Object... args) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/open311/")) {
            String ref = errors.logged(request, status, messageKey, null);
            String text = errors.text(messageKey, errors.locale(request), args) + " (" + ref + ")";
            response.setStatus(status.value());
            response.setCharacterEncoding("UTF-8");
            if (path.endsWith(".xml")) {
                response.setContentType("application/xml");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>" + status.value() + "</code>"
                        + "<description>" + HtmlUtils.htmlEscape(text, "UTF-8") + "</description></error></errors>");
            } else {
                response.setContentType("application/json");
                response.getWriter().write("[{\"code\":" + status.value() + ",\"description\":\"" + jsonEscape(text) + "\"}]");
            }
            return true;
        }
        if (errors.wantsProblem(request)) {
            errors.writeProblem(request, response, status, messageKey, args);
            return true;
        }
        return false;
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
