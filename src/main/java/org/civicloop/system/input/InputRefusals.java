package org.civicloop.system.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a 400 refusal of unreadable or hostile text for machine clients: an Open311 error list
 * under {@code /open311/} (the format partners parse), a ProblemDetail on the other API paths.
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/open311/")) {
            String ref = errors.logged(request, HttpStatus.BAD_REQUEST, messageKey, null);
            String text = errors.text(messageKey, errors.locale(request)) + " (" + ref + ")";
            response.setStatus(400);
            response.setCharacterEncoding("UTF-8");
            if (path.endsWith(".xml")) {
                response.setContentType("application/xml");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>400</code>"
                        + "<description>" + HtmlUtils.htmlEscape(text, "UTF-8") + "</description></error></errors>");
            } else {
                response.setContentType("application/json");
                response.getWriter().write("[{\"code\":400,\"description\":\"" + jsonEscape(text) + "\"}]");
            }
            return true;
        }
        if (errors.wantsProblem(request)) {
            errors.writeProblem(request, response, HttpStatus.BAD_REQUEST, messageKey);
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
