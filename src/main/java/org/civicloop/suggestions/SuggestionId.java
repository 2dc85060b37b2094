package org.civicloop.suggestions;

/** The id of a suggestion, as other modules and clock subjects hold it. */
public record SuggestionId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
