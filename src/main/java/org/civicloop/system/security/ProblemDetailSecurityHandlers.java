package org.civicloop.system.security;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Machine clients get RFC 9457 bodies for 401 and 403, in the language they asked for. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemDetailSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponses errors;

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"CivicLoop\"");
        errors.writeProblem(request, response, HttpStatus.UNAUTHORIZED, "error.401.detail");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        errors.writeProblem(request, response, HttpStatus.FORBIDDEN, "error.403.detail");
    }
}
