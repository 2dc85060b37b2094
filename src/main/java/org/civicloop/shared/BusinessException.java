package org.civicloop.shared;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A rule of the business said no. Carries a message key (never raw text) so the user reads the
 * reason in their own language; the HTTP status tells clients how to react.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final int status;

    protected BusinessException(int status, String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** The request conflicts with the current state (HTTP 409). */
    public static BusinessException conflict(String messageKey, Object... arguments) {
        return new BusinessException(409, messageKey, arguments);
    }

    /** The input is well-formed but breaks a rule (HTTP 422). */
    public static BusinessException invalid(String messageKey, Object... arguments) {
        return new BusinessException(422, messageKey, arguments);
    }

    /**
     * An argument that is itself a message key, such as a state's name ({@code opinion.state.ACCEPTED}): the
     * message shows its text in the reader's language (已受理, Accepted), never the code.
     */
    public static MessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public int status() {
        return status;
    }
}
