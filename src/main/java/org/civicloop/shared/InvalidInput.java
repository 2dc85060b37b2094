package org.civicloop.shared;

import java.util.List;

/**
 * Input that breaks the rules, field by field. The error translator lists every problem, each in
 * the user's language, beside the ProblemDetail's {@code detail}.
 */
public class InvalidInput extends BusinessException {

    private final transient List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super(400, "error.validation.detail");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One field's problem, as a message key and its arguments (strings and numbers). Serializable: a page that
     * redirects after a refusal hands the problems on in the flash scope, which lives in the JDBC session; one
     * that cannot be written there turned the refusal into the container's bare English 500 page.
     */
    public record Problem(String field, String messageKey, Object... arguments) implements java.io.Serializable {
    }
}
