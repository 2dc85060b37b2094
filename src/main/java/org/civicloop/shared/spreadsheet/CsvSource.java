package org.civicloop.shared.spreadsheet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV records from decoded text, parsed by Apache Commons CSV (RFC 4180: quoted fields may hold the
 * delimiter, line breaks and doubled quotes). Lenient where Excel is (a quote inside an unquoted
 * field is text; text after a closing quote is kept), strict where it matters: a quote left open
 * at the end of the file is an error on the line where the record starts, not one giant cell.
 * This class adds what the library does not: the start line of each record, line breaks inside
 * fields as {@code \n}, Excel's column and cell-length limits, and message keys for every failure.
 */
final class CsvSource implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CountedInput bytes;
    /** Lines ended so far; the next record starts on the line after. */
    private long linesEnded;

    /** @param bytes the file's bytes under {@code in}, counted as they are read */
    CsvSource(Reader in, CountedInput bytes, char delimiter) throws IOException {
        this.bytes = bytes;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // blank lines still count for line numbers; Table skips them
                .setTrailingData(true)
                .setLenientEof(false)
                .get();
        this.parser = CSVParser.builder().setReader(in).setFormat(format).get();
        this.records = parser.iterator();
    }

    @Override
    public RawRow next() throws TableException {
        int start = (int) linesEnded + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw translate(e, start);
        }
        linesEnded = parser.getCurrentLineNumber();
        if (record.size() > MAX_COLUMNS) {
            throw new TableException(start, null, "import.error.tooManyColumns", MAX_COLUMNS);
        }
        List<String> cells = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.length() > MAX_CELL_LENGTH) {
                throw new TableException(start, null, "import.error.cellTooLong", CellText.columnLetter(i), MAX_CELL_LENGTH);
            }
            cells.add(value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n'));
        }
        return new RawRow(start, cells);
    }

    /** Commons CSV reports in exceptions whose messages are meant for developers; the uploader gets a key. */
    private static TableException translate(RuntimeException e, int line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new TableException(line, e, "import.error.encoding");
            }
            if (String.valueOf(t.getMessage()).contains("EOF reached before encapsulated token finished")) {
                return new TableException(line, e, "import.error.unclosedQuote");
            }
        }
        return new TableException(line, e, "import.error.unreadable");
    }

    @Override
    public double readShare() {
        return bytes.share();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
