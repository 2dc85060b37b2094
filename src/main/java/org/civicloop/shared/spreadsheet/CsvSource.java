package org.civicloop.shared.spreadsheet;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from decoded text: fields in double quotes may hold the delimiter, line breaks
 * and doubled quotes; CRLF, LF and CR all end a record. Lenient where Excel is (a quote inside an
 * unquoted field is text; text after a closing quote is appended), strict where it matters: a quote
 * left open at the end of the file is an error, not one giant cell.
 */
final class CsvSource implements RowSource {

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;
    private boolean finished;

    CsvSource(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    @Override
    public RawRow next() throws TableException {
        if (finished) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int c = read();
        if (c == EOF) {
            finished = true;
            return null;
        }
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field, start, fields.size());
            } else {
                while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
                    append(field, (char) c, fields.size());
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (fields.size() > MAX_COLUMNS) {
                throw new TableException(start, null, "import.error.tooManyColumns", MAX_COLUMNS);
            }
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
            } else if (c == '\n') {
                line++;
            } else {
                finished = true;
            }
            return new RawRow(start, fields);
        }
    }

    /** Reads a quoted field after its opening quote; returns the character that ended it. */
    private int quoted(StringBuilder field, int start, int column) throws TableException {
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new TableException(start, null, "import.error.unclosedQuote");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    append(field, '"', column);
                    continue;
                }
                // closing quote: anything up to the delimiter or line end is kept as text
                c = read();
                while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
                    append(field, (char) c, column);
                    c = read();
                }
                return c;
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                append(field, '\n', column);
            } else {
                if (c == '\n') {
                    line++;
                }
                append(field, (char) c, column);
            }
        }
    }

    private void append(StringBuilder field, char c, int column) throws TableException {
        if (field.length() >= MAX_CELL_LENGTH) {
            throw new TableException(line, null, "import.error.cellTooLong", CellText.columnLetter(column), MAX_CELL_LENGTH);
        }
        field.append(c);
    }

    private int read() throws TableException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws TableException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws TableException {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (CharacterCodingException e) {
            throw new TableException(line, e, "import.error.encoding");
        } catch (IOException e) {
            throw new TableException(line, e, "import.error.unreadable");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
