package org.civicloop.system.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last line behind the field rules ({@code shared.TextRules}): text that PostgreSQL refused to
 * store because of its shape (longer than its column, a NUL byte, an index entry too large) is the
 * sender's mistake, answered with a 400 in the user's language, not a server error. The
 * transaction was rolled back by the exception, so nothing was written. Every other database error
 * goes on to the general handler.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoredTextAdvice {

    /** string_data_right_truncation, character_not_in_repertoire, invalid_parameter_value (a NUL in a
     *  parameter, refused by the driver), untranslatable_character, program_limit_exceeded. */
    private static final Set<String> TEXT_STATES = Set.of("22001", "22021", "22023", "22P05", "54000");
    static final String KEY = "input.error.stored";

    private final ErrorResponses errors;
    private final InputRefusals refusals;

    StoredTextAdvice(ErrorResponses errors, InputRefusals refusals) {
        this.errors = errors;
        this.refusals = refusals;
    }

    @ExceptionHandler({DataIntegrityViolationException.class, UncategorizedSQLException.class})
    ModelAndView refused(DataAccessException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!isTextRefusal(e)) {
            throw e;
        }
        if (refusals.writeMachine(request, response, KEY)) {
            return null;
        }
        String ref = errors.logged(request, HttpStatus.BAD_REQUEST, KEY, null);
        return errors.page(request, HttpStatus.BAD_REQUEST, KEY, ref);
    }

    static boolean isTextRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && TEXT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
