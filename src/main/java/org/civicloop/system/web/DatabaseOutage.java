package org.civicloop.system.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that cannot be reached (stopped, restarting, unreachable): not a bug to report but a
 * wait. The error handlers answer it with 503 and {@code Retry-After}, in the user's language, and a
 * form that was being sent comes back filled in ({@link #keptForm}) so nothing typed is lost. The
 * connection pool gives up after {@code spring.datasource.hikari.connection-timeout}, so the answer
 * comes in seconds, not after a 30-second hang.
 */
final class DatabaseOutage {

    /** What the 503 tells clients to wait before trying again, in seconds. */
    static final int RETRY_AFTER_SECONDS = 30;

    private DatabaseOutage() {
    }

    /** Whether the exception, or anything that caused it, says the database could not be reached. */
    static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            // a rollback that failed too (the connection was gone): the first failure is kept beside the cause
            if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
                    && failed.getApplicationException() != error && causedBy(failed.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-03: the server is shutting down or starting up
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** The deepest cause's type, for the log: never a message that could hold a parameter's value. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "database unavailable: " + error.getClass().getSimpleName()
                + (root == error ? "" : " caused by " + root.getClass().getSimpleName());
    }

    /**
     * The form the user was sending, to be shown again on the 503 page: the same address, every
     * field as it was posted (the public form's CSRF token too, so a later retry is accepted),
     * passwords left out. Files cannot be kept. Null when the request sent no form.
     */
    static KeptForm keptForm(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || ErrorResponses.isMachinePath(ErrorResponses.originalPath(request))) {
            return null;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            return null; // a body that cannot be read (a broken multipart upload) has nothing to keep
        }
        List<Field> fields = new ArrayList<>();
        String text = null;
        for (Map.Entry<String, String[]> p : new LinkedHashMap<>(parameters).entrySet()) {
            if (p.getKey().toLowerCase(Locale.ROOT).contains("password")) {
                continue;
            }
            for (String value : p.getValue()) {
                fields.add(new Field(p.getKey(), value));
                if (!p.getKey().startsWith("_") && (text == null || value.length() > text.length())) {
                    text = value;
                }
            }
        }
        if (fields.isEmpty()) {
            return null;
        }
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        return new KeptForm(request.getContextPath() + ErrorResponses.originalPath(request), multipart,
                fields, parameters.containsKey("content") ? request.getParameter("content") : text);
    }

    /** A form to send again: where, how, every field, and the longest text shown for the user to see. */
    record KeptForm(String action, boolean multipart, List<Field> fields, String text) {
    }

    record Field(String name, String value) {
    }
}
