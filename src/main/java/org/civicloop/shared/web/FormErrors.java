package org.civicloop.shared.web;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

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
            rejectValue(result, field, e.messageKey(), e.arguments(), e.messageKey());
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
            rejectValue(result, formField.apply(p.field()), p.messageKey(), p.arguments(), p.messageKey());
        }
    }

    /**
     * {@link BindingResult#rejectValue}, also after a value that did not convert (a date 2026-02-30, an option not in
     * the list): a form bound through its constructor is then not built, and rejectValue, which reads the field from
     * it, threw IllegalStateException ("Cannot access properties on null bean instance"), a 500 instead of the form.
     */
    public static void rejectValue(BindingResult result, String field, String code, Object[] args, String defaultMessage) {
        if (result.getTarget() != null) {
            result.rejectValue(field, code, args, defaultMessage);
            return;
        }
        Object typed;
        try {
            typed = result.getFieldValue(field);
        } catch (RuntimeException unreadable) {
            typed = null;
        }
        result.addError(new FieldError(result.getObjectName(), field, typed, false, result.resolveMessageCodes(code, field),
                args, defaultMessage));
    }
}
