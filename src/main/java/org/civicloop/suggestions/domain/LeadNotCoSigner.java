package org.civicloop.suggestions.domain;

import org.civicloop.shared.BusinessException;

/**
 * The lead deputy cannot co-sign their own suggestion: named among the co-signers, the draft is
 * refused with a message (before, the name was dropped without a word).
 */
final class LeadNotCoSigner {

    private LeadNotCoSigner() {
    }

    static void check(SuggestionDraft d, Long leadDeputyId) {
        if (leadDeputyId != null && d.coSignerDeputyIds() != null && d.coSignerDeputyIds().contains(leadDeputyId)) {
            throw BusinessException.invalid("suggestion.error.leadAsCoSigner");
        }
    }
}
