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

    /** One field's problem, as a message key and its arguments. */
    public record Problem(String field, String messageKey, Object... arguments) {
    }
}
