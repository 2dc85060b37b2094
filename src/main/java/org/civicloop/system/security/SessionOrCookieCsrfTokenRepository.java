package org.civicloop.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Issue 15, item 7: an anonymous visitor of the sign-in page must not cost a row in
 * {@code spring_session}. Before anyone has a session (the sign-in form, the home page) the CSRF
 * token travels in an HttpOnly cookie, as on the public pages; once a session exists (signed in)
 * the token lives in the session as before, so a signed-in staff member's token stays bound to
 * their session. Nothing here creates a session.
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokenRepository() {
        // the same header name either way, so scripts need not know where the token is kept
        cookie.setHeaderName("X-CSRF-TOKEN");
        cookie.setCookieName("CIVICLOOP-CSRF");
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
        } else {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? session.loadToken(request) : cookie.loadToken(request);
    }
}
