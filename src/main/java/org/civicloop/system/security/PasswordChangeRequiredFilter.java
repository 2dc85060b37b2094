package org.civicloop.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicloop.organization.CivicUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account created with a password somebody else chose (the first administrator, an account an
 * administrator set up or reset) must choose its own before doing anything else.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof CivicUser user && user.mustChangePassword()
                && !path.equals(PASSWORD_PAGE) && !path.equals("/logout") && !isStatic(path)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/error") || path.equals("/locale");
    }
}
