package org.civicloop.open311.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal in GeoReport v2's terms: the HTTP status (404 for what does not exist, 403 for a wrong
 * or missing api_key, 400 for everything else, plus 429 for too many requests) and one error per
 * problem, each a message key and its arguments; the handler writes them in the caller's language.
 */
class Open311Exception extends RuntimeException {

    /** One {@code <error>}; {@code field} (may be null) is the GeoReport argument it is about. */
    record Error(String field, String messageKey, Object... arguments) {
    }

    private final HttpStatus status;
    private final transient List<Error> errors;

    Open311Exception(HttpStatus status, List<Error> errors) {
        super(status.toString(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static Open311Exception of(HttpStatus status, String field, String messageKey, Object... arguments) {
        return new Open311Exception(status, List.of(new Error(field, messageKey, arguments)));
    }

    static Open311Exception notFound(String messageKey, Object... arguments) {
        return of(HttpStatus.NOT_FOUND, null, messageKey, arguments);
    }

    static Open311Exception badRequest(String field, String messageKey, Object... arguments) {
        return of(HttpStatus.BAD_REQUEST, field, messageKey, arguments);
    }

    HttpStatus status() {
        return status;
    }

    List<Error> errors() {
        return errors;
    }
}
