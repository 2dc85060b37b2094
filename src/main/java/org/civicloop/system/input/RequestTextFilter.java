package org.civicloop.system.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import org.apache.tomcat.util.http.InvalidParameterException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.civicloop.shared.spreadsheet.TableReader;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose text cannot be trusted before anything reads it: parameters (query string
 * and form body) or a JSON body that is not valid UTF-8, and any parameter or JSON string holding a
 * NUL, which PostgreSQL cannot store (other control characters are refused field by field); and a form
 * the container would not read: larger than {@code server.tomcat.max-http-form-post-size} (413, naming
 * the limit) or of more fields than it takes (400).
 *
 * <p>The answer names what is wrong (the expected encoding, the size limit): an Open311 error list under
 * {@code /open311/}, a ProblemDetail for the other machine paths, the error page (through
 * {@code error} template) for people. The parameters are never logged: the container's own
 * exception text quotes their values, and they may hold phone numbers or an API key.
 *
 * <p>Runs right after the character-encoding filter, before Spring Security (whose CSRF check
 * would otherwise be the first to read a broken parameter).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestTextFilter extends OncePerRequestFilter {

    static final String ENCODING = "input.error.encoding";
    static final String CONTROL = "input.error.requestControlCharacters";
    static final String FORM_TOO_LARGE = "input.error.formTooLarge";
    static final String MALFORMED = "error.malformedBody.detail";
    /** JSON bodies larger than this are left to the JSON reader (which refuses invalid UTF-8 on its own). */
    private static final int MAX_CHECKED_BODY = 2 * 1024 * 1024;

    private final ErrorResponses errors;
    private final InputRefusals refusals;
    /** The largest urlencoded form the container reads; a larger one fails on its first parameter read. */
    private final DataSize formLimit;

    RequestTextFilter(ErrorResponses errors, InputRefusals refusals,
                      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
        this.errors = errors;
        this.refusals = refusals;
        this.formLimit = formLimit;
    }

    /** Why a request is refused: its status and the message key with its arguments. */
    private record Refusal(HttpStatus status, String key, Object... args) {
        static Refusal of(String key) {
            return key == null ? null : new Refusal(HttpStatus.BAD_REQUEST, key);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        Refusal refusal;
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (contentType.startsWith("multipart/")) {
            // the parts are read by the multipart resolver (and its size limits); only the query string here
            refusal = Refusal.of(checkQueryString(request.getQueryString()));
        } else {
            refusal = checkParameters(request);
        }
        long length = request.getContentLengthLong();
        if (refusal == null && contentType.contains("json") && length > 0 && length <= MAX_CHECKED_BODY) {
            byte[] body = request.getInputStream().readAllBytes();
            refusal = Refusal.of(checkJson(body));
            checked = new CachedBody(request, body);
        }
        if (refusal == null) {
            chain.doFilter(checked, response);
            return;
        }
        refuse(request, response, refusal);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        if (!refusals.writeMachine(request, response, refusal.status(), refusal.key(), refusal.args())) {
            errors.refuseUnread(request, response, refusal.status(), refusal.key(), refusal.args());
        }
    }

    /** What is wrong with the parameters, or null; never lets the container's exception out. */
    private Refusal checkParameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            return unreadable(e);
        }
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (hasForbiddenControl(p.getKey())) {
                return Refusal.of(CONTROL);
            }
            for (String v : p.getValue()) {
                if (v != null && hasForbiddenControl(v)) {
                    return Refusal.of(CONTROL);
                }
            }
        }
        return null;
    }

    /**
     * Tomcat's {@code InvalidParameterException} (its text quotes the values, so it is never shown nor
     * logged): bytes that are not UTF-8, a form larger than the container reads (it says 413), or more
     * fields than it takes.
     */
    private Refusal unreadable(IllegalStateException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return Refusal.of(ENCODING);
            }
        }
        if (e instanceof InvalidParameterException refused && refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return new Refusal(HttpStatus.CONTENT_TOO_LARGE, FORM_TOO_LARGE, TableReader.humanSize(formLimit.toBytes()));
        }
        return Refusal.of(MALFORMED);
    }

    static String checkQueryString(String query) {
        if (query == null) {
            return null;
        }
        byte[] bytes = percentDecode(query);
        if (bytes == null) {
            return ENCODING;
        }
        try {
            String text = strictUtf8(bytes);
            return hasForbiddenControl(text) ? CONTROL : null;
        } catch (CharacterCodingException e) {
            return ENCODING;
        }
    }

    /** Invalid UTF-8, or a string holding a control character written as a JSON escape ({@code \u0000}). */
    static String checkJson(byte[] body) {
        String text;
        try {
            text = strictUtf8(body);
        } catch (CharacterCodingException e) {
            return ENCODING;
        }
        for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 2)) {
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if (backslashes % 2 == 1 || i + 6 > text.length()) {
                continue; // an escaped backslash followed by a letter u, or a truncated body the reader refuses
            }
            try {
                int c = Integer.parseInt(text.substring(i + 2, i + 6), 16);
                if (c == 0) {
                    return CONTROL;
                }
            } catch (NumberFormatException e) {
                // not an escape the JSON reader accepts: it refuses the body itself
            }
        }
        return null;
    }

    /**
     * NUL (PostgreSQL cannot store it in text) and a lone surrogate (no character at all). Other control
     * characters are each field's own rule ({@code TextRules}), refused beside the field that holds them.
     */
    private static boolean hasForbiddenControl(String s) {
        return s.codePoints().anyMatch(c -> c == 0 || Character.getType(c) == Character.SURROGATE);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The bytes of a query string ({@code +} is a space); null when a percent escape is broken. */
    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    /** A JSON body read once for the check, replayed to the application. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final ByteArrayInputStream in;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() {
                    int b = in.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) {
                    int n = in.read(buffer, off, len);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
