package org.civicloop.shared.spreadsheet;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.shared.spreadsheet.RowSource.RawRow;

/**
 * An open table: its header and then its data rows, one at a time. Close it (try-with-resources)
 * to release the file. Not thread-safe.
 */
public final class Table implements AutoCloseable {

    private final RowSource source;
    private final TableReader.Format format;
    private final Charset charset;
    private final int maxRows;
    private final Runnable cleanup;
    private final Header header;
    private final int headerLine;
    private int rows;
    private boolean closed;

    Table(RowSource source, TableReader.Format format, Charset charset, int maxRows, int skipRows, Runnable cleanup)
            throws TableException {
        this.source = source;
        this.format = format;
        this.charset = charset;
        this.maxRows = maxRows;
        this.cleanup = cleanup;
        try {
            RawRow first = nonBlank();
            for (int skipped = 0; first != null && skipped < skipRows; skipped++) {
                first = nonBlank();
            }
            if (first == null) {
                throw new TableException("import.error.noHeader");
            }
            List<String> names = new ArrayList<>(first.cells().size());
            for (String cell : first.cells()) {
                names.add(headerName(cell));
            }
            while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                names.remove(names.size() - 1);
            }
            if (names.isEmpty()) {
                throw new TableException(first.line(), null, "import.error.noHeader");
            }
            this.header = new Header(names);
            this.headerLine = first.line();
        } catch (TableException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The header row's column names, stripped; an unnamed column is {@code ""}. */
    public List<String> header() {
        return header.names();
    }

    /** The line (CSV) or row number (Excel) of the header row. */
    public int headerLine() {
        return headerLine;
    }

    public TableReader.Format format() {
        return format;
    }

    /**
     * 0 to 1: how far through the file's rows the reading is, estimated from the bytes read (a CSV
     * file's, an Excel sheet's XML). For a progress bar; may be called from another thread.
     */
    public double readShare() {
        return source.readShare();
    }

    /** The charset a CSV file was decoded with; {@code null} for Excel. */
    public Charset charset() {
        return charset;
    }

    /**
     * Refuses the table unless every named column is present exactly once:
     * {@code import.error.missingColumns} (the missing names, joined with "、") or
     * {@code import.error.duplicateColumn}.
     */
    public void requireColumns(String... columns) throws TableException {
        Set<String> missing = new LinkedHashSet<>();
        for (String column : columns) {
            int first = header.indexOf(column);
            if (first < 0) {
                missing.add(column);
            } else if (header.names().lastIndexOf(column) != first) {
                throw new TableException(headerLine, null, "import.error.duplicateColumn", column);
            }
        }
        if (!missing.isEmpty()) {
            throw new TableException(headerLine, null, "import.error.missingColumns", String.join("\u3001", missing));
        }
    }

    /**
     * The next data row, or {@code null} after the last. Blank rows are skipped (their lines still
     * count). Throws {@code import.error.tooManyRows} on the first row beyond the limit.
     */
    public Row next() throws TableException {
        if (closed) {
            throw new IllegalStateException("Table is closed");
        }
        RawRow raw = nonBlank();
        if (raw == null) {
            return null;
        }
        if (++rows > maxRows) {
            throw new TableException(raw.line(), null, "import.error.tooManyRows", maxRows);
        }
        List<Row.Problem> problems = new ArrayList<>(0);
        List<String> values = new ArrayList<>(Math.max(header.size(), raw.cells().size()));
        for (int i = 0; i < raw.cells().size(); i++) {
            String cell = raw.cells().get(i);
            String clean = withoutUnwanted(cell);
            if (clean.length() != cell.length()) {
                problems.add(new Row.Problem("import.error.controlCharacter", columnLabel(i)));
            }
            values.add(clean.strip());
        }
        while (values.size() < header.size()) {
            values.add("");
        }
        for (int i = header.size(); i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                problems.add(new Row.Problem("import.error.extraCells", header.size(), CellText.columnLetter(i)));
                break;
            }
        }
        return new Row(raw.line(), values, header, problems);
    }

    /** The number of data rows returned so far. */
    public int rowsRead() {
        return rows;
    }

    private RawRow nonBlank() throws TableException {
        RawRow raw;
        do {
            raw = source.next();
        } while (raw != null && raw.cells().stream().allMatch(String::isBlank));
        return raw;
    }

    private String columnLabel(int index) {
        return index < header.size() && !header.names().get(index).isEmpty()
                ? header.names().get(index) : CellText.columnLetter(index);
    }

    private static String headerName(String cell) {
        return withoutUnwanted(cell).replace("\uFEFF", "").replaceAll("\\s+", " ").strip();
    }

    private static String withoutUnwanted(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            if (CellText.isUnwanted(text, i)) {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (clean != null) {
                clean.append(text.charAt(i));
            }
        }
        return clean == null ? text : clean.toString();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            source.close();
        } catch (IOException ignored) {
            // reading is over either way
        } finally {
            cleanup.run();
        }
    }
}
