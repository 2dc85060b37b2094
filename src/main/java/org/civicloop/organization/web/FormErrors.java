package org.civicloop.organization.web;

import org.civicloop.shared.BusinessException;
import org.springframework.validation.BindingResult;

/** Puts a business rule's refusal onto the form, so the page shows it beside the field. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult result, BusinessException e) {
        result.reject(e.messageKey(), e.arguments(), e.messageKey());
    }
}
