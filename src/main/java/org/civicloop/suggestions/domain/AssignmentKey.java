package org.civicloop.suggestions.domain;

import java.util.Optional;

/** One assignment of a suggestion: the suggestion and the assignment's number, written "id-seq" as a clock subject. */
public record AssignmentKey(SuggestionId suggestion, int seq) {

    public static AssignmentKey of(long suggestionId, int seq) {
        return new AssignmentKey(new SuggestionId(suggestionId), seq);
    }

    public String format() {
        return suggestion.value() + "-" + seq;
    }

    /** The key written by {@link #format()}; empty for anything else. */
    public static Optional<AssignmentKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return format();
    }
}
