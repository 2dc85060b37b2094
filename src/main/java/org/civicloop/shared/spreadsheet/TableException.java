package org.civicloop.shared.spreadsheet;

import java.util.Arrays;

/**
 * A table file that cannot be read as a whole: not a spreadsheet, too large, too many rows, broken
 * quoting, hostile content. Carries a message key (never raw text) and its arguments so that the
 * person who uploaded it reads the reason in their own language, and the line it happened on.
 */
public class TableException extends Exception {

    private final String messageKey;
    private final transient Object[] arguments;
    private final int line;

    public TableException(String messageKey, Object... arguments) {
        this(0, null, messageKey, arguments);
    }

    /** A problem on a line of the file (1-based); {@code cause} is kept for the log only. */
    public TableException(int line, Throwable cause, String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments) + (line > 0 ? " at line " + line : ""), cause);
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
        this.line = line;
    }

    /** The message bundle key, e.g. {@code import.error.tooManyRows}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The 1-based line (CSV) or row number (Excel) the problem was found on; 0 for the whole file. */
    public int line() {
        return line;
    }
}
