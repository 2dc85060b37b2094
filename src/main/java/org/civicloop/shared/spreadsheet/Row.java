package org.civicloop.shared.spreadsheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of a table, with the 1-based line (CSV) or row number (Excel) it came from, so an
 * import can report "line 17: …". Values are text, stripped of surrounding white space, never
 * {@code null} ({@code ""} for an empty cell) and padded to the header's width.
 *
 * <p>{@link #problems()} lists what the reader itself found wrong with the row (control characters,
 * which are removed from the values, and cells beyond the header); an all-or-nothing import reports
 * those rows instead of importing them.
 */
public final class Row {

    private final int line;
    private final List<String> values;
    private final Header header;
    private final List<Problem> problems;

    Row(int line, List<String> values, Header header, List<Problem> problems) {
        this.line = line;
        this.values = Collections.unmodifiableList(values);
        this.header = header;
        this.problems = problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    public int line() {
        return line;
    }

    /** The cells in column order; at least as many as the header has columns. */
    public List<String> values() {
        return values;
    }

    /** The value under the named header column ("" when the cell is empty). */
    public String get(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + header.names());
        }
        return values.get(index);
    }

    /** Header name to value, in column order; columns without a name are left out. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> names = header.names();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty()) {
                map.putIfAbsent(names.get(i), values.get(i));
            }
        }
        return map;
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    @Override
    public String toString() {
        return "Row[" + line + ": " + values + (problems.isEmpty() ? "" : " " + problems) + "]";
    }

    /**
     * Something wrong with one row, as a message key and arguments, e.g.
     * {@code import.error.controlCharacter} with the column's name.
     */
    public record Problem(String messageKey, Object... arguments) {

        @Override
        public String toString() {
            return messageKey + java.util.Arrays.toString(arguments);
        }
    }
}
