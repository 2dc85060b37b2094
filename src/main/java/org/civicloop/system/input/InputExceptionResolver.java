package org.civicloop.system.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Set;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last line behind the field rules ({@code shared.TextRules}): what a sender got wrong is a 400
 * in the user's language, not a server error.
 * <ul>
 * <li>text PostgreSQL refused to store because of its shape (longer than its column, a NUL byte,
 * an index entry too large): the transaction was rolled back by the exception, nothing was written;</li>
 * <li>a form that must carry a file sent without one, or sent as a plain form.</li>
 * </ul>
 * Runs before the {@code @ExceptionHandler}s and leaves every other exception to them (it answers
 * null), so it changes nothing else.
 */
@Component
class InputExceptionResolver implements HandlerExceptionResolver, Ordered {

    /** string_data_right_truncation, character_not_in_repertoire, invalid_parameter_value (a NUL in a
     *  parameter, refused by the driver), untranslatable_character, program_limit_exceeded. */
    private static final Set<String> TEXT_STATES = Set.of("22001", "22021", "22023", "22P05", "54000");
    static final String STORED = "input.error.stored";
    static final String MALFORMED = "error.malformedBody.detail";

    private final ErrorResponses errors;
    private final InputRefusals refusals;

    InputExceptionResolver(ErrorResponses errors, InputRefusals refusals) {
        this.errors = errors;
        this.refusals = refusals;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        String key = e instanceof DataAccessException && isTextRefusal(e) ? STORED
                : e instanceof MissingServletRequestPartException
                  || e instanceof IllegalStateException && String.valueOf(e.getMessage()).startsWith("Current request is not of type")
                ? MALFORMED : null;
        if (key == null) {
            return null;
        }
        try {
            if (refusals.writeMachine(request, response, key)) {
                return new ModelAndView();
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        String ref = errors.logged(request, HttpStatus.BAD_REQUEST, key, null);
        return errors.page(request, HttpStatus.BAD_REQUEST, key, ref);
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
