package org.civicloop.shared.web;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.springframework.validation.BindingResult;

/** Puts a refusal onto the form, so the page shows it beside its field and in the summary at the top. */
public final class FormErrors {

    private FormErrors() {
    }

    /** A rule about the whole form: shown in the summary at the top. */
    public static void reject(BindingResult result, BusinessException e) {
        reject(result, e, Map.of());
    }

    /** A rule whose message key names a field in {@code fieldsByKey} goes beside that field. */
    public static void reject(BindingResult result, BusinessException e, Map<String, String> fieldsByKey) {
        String field = fieldsByKey.get(e.messageKey());
        if (field != null) {
            result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
        } else {
            result.reject(e.messageKey(), e.arguments(), e.messageKey());
        }
    }

    /** Every problem of a checked command, each beside its field. */
    public static void reject(BindingResult result, List<InvalidInput.Problem> problems) {
        reject(result, problems, UnaryOperator.identity());
    }

    /** Every problem, each beside the form field that {@code formField} names for the command's field. */
    public static void reject(BindingResult result, List<InvalidInput.Problem> problems, UnaryOperator<String> formField) {
        for (InvalidInput.Problem p : problems) {
            result.rejectValue(formField.apply(p.field()), p.messageKey(), p.arguments(), p.messageKey());
        }
    }
}
