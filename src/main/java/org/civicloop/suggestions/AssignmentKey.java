package org.civicloop.suggestions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One assignment of a suggestion: the suggestion and the assignment's number, written "id-seq" as a
 * clock subject and as the inbox's checkbox value. Nobody else splits that text.
 */
public record AssignmentKey(SuggestionId suggestion, int seq) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})-(\\d{1,9})");

    public static AssignmentKey of(long suggestionId, int seq) {
        return new AssignmentKey(new SuggestionId(suggestionId), seq);
    }

    public String format() {
        return suggestion.value() + "-" + seq;
    }

    /** The key written by {@link #format()}; empty for anything else. */
    public static Optional<AssignmentKey> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(of(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return format();
    }
}
