package org.civicloop.suggestions.domain;

import java.util.List;

/** What the lead deputy writes: checked for shape by the form, for rules by the service. */
public record SuggestionDraft(String title, String content, String category, SubmissionPeriod period,
                              List<Long> coSignerDeputyIds, List<Long> opinionIds) {
}
