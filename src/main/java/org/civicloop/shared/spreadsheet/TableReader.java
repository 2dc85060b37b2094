package org.civicloop.shared.spreadsheet;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an uploaded table, CSV or Excel (.xlsx), row by row, whatever the file is called: the
 * format is recognised from the content. Immutable and thread-safe; configure one per import:
 *
 * <pre>{@code
 * TableReader reader = TableReader.withLimits(50_000, 20 * 1024 * 1024);
 * try (Table table = reader.open(upload.getInputStream())) {
 *     table.requireColumns("工单编号", "诉求内容");
 *     for (Row row = table.next(); row != null; row = table.next()) {
 *         ... row.line(), row.get("工单编号"), row.problems() ...
 *     }
 * } catch (TableException e) {
 *     ... report e.messageKey(), e.arguments(), e.line() ...
 * }
 * }</pre>
 *
 * <p><b>CSV</b>: RFC 4180 quoting; UTF-8 with or without a byte-order mark, UTF-16 with one, and
 * GB18030 (what Chinese Excel writes by default, a superset of GBK and GB2312), which is assumed
 * when the file is not valid UTF-8, unless {@link #charset(Charset)} says otherwise. The delimiter
 * (comma, tab or semicolon) is taken from the header line unless {@link #delimiter(char)} sets it.
 *
 * <p><b>Excel</b>: the first sheet of an .xlsx, streamed; formulas give their cached values and are
 * never evaluated; numbers read as Excel shows them in General format (no spurious ".0"), date cells
 * as {@code yyyy-MM-dd} (midnight, date format) or {@code yyyy-MM-dd HH:mm[:ss]}. Old .xls files are
 * refused with a request to save as .xlsx.
 *
 * <p>Limits: the file's size (checked while it is received) and the number of data rows (the header
 * and blank rows do not count); Excel's own limits of 16,384 columns and 32,767 characters a cell
 * apply to CSV too. Every refusal is a {@link TableException} carrying a message key.
 */
public final class TableReader {

    /** The two formats this reader understands. */
    public enum Format { CSV, XLSX }

    private static final int SNIFF = 8192;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final int maxRows;
    private final long maxBytes;
    private final long maxExcelBytes;
    private final Charset charset;
    private final Character delimiter;
    private final int skipRows;

    private TableReader(int maxRows, long maxBytes, long maxExcelBytes, Charset charset, Character delimiter, int skipRows) {
        if (maxRows < 1 || maxBytes < 1 || maxExcelBytes < 1 || skipRows < 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.maxExcelBytes = Math.min(maxBytes, maxExcelBytes);
        this.charset = charset;
        this.delimiter = delimiter;
        this.skipRows = skipRows;
    }

    /**
     * @param maxRows  the most data rows accepted (header and blank rows not counted)
     * @param maxBytes the largest file accepted, in bytes
     */
    public static TableReader withLimits(int maxRows, long maxBytes) {
        return new TableReader(maxRows, maxBytes, maxBytes, null, null, 0);
    }

    /**
     * Refuses an Excel file larger than this, below the limit for CSV: an .xlsx keeps its texts in one
     * shared table that is read into memory whole, and compressed, so that its bytes say little of what
     * it holds (a 60 MB workbook of 100,000 texts of 100 to 500 characters wanted about 200 MB of heap, the same rows as
     * a 96 MB CSV file 67 MB). The refusal asks for
     * the ledger as CSV, which is read a row at a time.
     */
    public TableReader excelLimit(long bytes) {
        return new TableReader(maxRows, maxBytes, bytes, charset, delimiter, skipRows);
    }

    /** Decodes CSV files with this charset instead of detecting UTF-8/UTF-16/GB18030. */
    public TableReader charset(Charset charset) {
        return new TableReader(maxRows, maxBytes, maxExcelBytes, charset, delimiter, skipRows);
    }

    /** Splits CSV fields at this character instead of detecting comma, tab or semicolon. */
    public TableReader delimiter(char delimiter) {
        return new TableReader(maxRows, maxBytes, maxExcelBytes, charset, delimiter, skipRows);
    }

    /** Skips this many non-blank rows (titles, notes) before the header row. */
    public TableReader skipRows(int rows) {
        return new TableReader(maxRows, maxBytes, maxExcelBytes, charset, delimiter, rows);
    }

    /**
     * Receives the stream into a temporary file (deleted when the table is closed), refusing it as
     * soon as it grows past the size limit, then opens it. The stream is read to its end, not closed.
     */
    public Table open(InputStream in) throws TableException {
        Path file;
        try {
            file = Files.createTempFile("civicloop-table-", ".upload");
        } catch (IOException e) {
            throw new TableException(0, e, "import.error.unreadable");
        }
        boolean opened = false;
        try {
            long size = 0;
            byte[] buffer = new byte[65536];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TableException("import.error.tooLarge", humanSize(maxBytes));
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new TableException(0, e, "import.error.unreadable");
            }
            Table table = open(file, true);
            opened = true;
            return table;
        } finally {
            if (!opened) {
                deleteQuietly(file);
            }
        }
    }

    /** Opens a file that is already on disk; the file is left in place. */
    public Table open(Path file) throws TableException {
        return open(file, false);
    }

    private Table open(Path file, boolean temporary) throws TableException {
        long size;
        byte[] head;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF);
            }
        } catch (IOException e) {
            throw new TableException(0, e, "import.error.unreadable");
        }
        if (size > maxBytes) {
            throw new TableException("import.error.tooLarge", humanSize(maxBytes));
        }
        if (size == 0) {
            throw new TableException("import.error.empty");
        }
        Runnable cleanup = temporary ? () -> deleteQuietly(file) : () -> { };
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            if (size > maxExcelBytes) {
                throw new TableException("import.error.tooLargeExcel", humanSize(maxExcelBytes));
            }
            return new Table(XlsxSource.open(file), Format.XLSX, null, maxRows, skipRows, cleanup);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new TableException("import.error.oldExcel");
        }
        Charset detected = charset != null ? charset : detectCharset(file, head);
        if (!looksLikeText(head, detected)) {
            throw new TableException("import.error.notSpreadsheet");
        }
        return new Table(csv(file, detected), Format.CSV, detected, maxRows, skipRows, cleanup);
    }

    private CsvSource csv(Path file, Charset cs) throws TableException {
        try {
            CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CountedInput bytes = new CountedInput(Files.newInputStream(file), Files.size(file));
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new BufferedInputStream(bytes), decoder), 65536);
            try {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                char d = delimiter != null ? delimiter : detectDelimiter(reader);
                return new CsvSource(reader, bytes, d);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (CharacterCodingException e) {
            throw new TableException(1, e, "import.error.encoding");
        } catch (IOException e) {
            throw new TableException(0, e, "import.error.unreadable");
        }
    }

    /** The separator that occurs most often outside quotes in the first line: comma, tab or semicolon. */
    private static char detectDelimiter(BufferedReader reader) throws IOException {
        int limit = 65536 - 1;
        reader.mark(limit + 1);
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < limit; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        reader.reset();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * A byte-order mark decides; otherwise a file that is valid UTF-8 from end to end is UTF-8
     * (pure ASCII included), and anything else is taken as GB18030, what Excel writes on Chinese
     * Windows. (GBK text is almost never valid UTF-8 beyond a few characters.)
     */
    private static Charset detectCharset(Path file, byte[] head) throws TableException {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, 0x84, 0x31, 0x95, 0x33)) {
            return GB18030;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), utf8)) {
            char[] buffer = new char[65536];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        } catch (IOException e) {
            throw new TableException(0, e, "import.error.unreadable");
        }
    }

    /**
     * Binary files (images, PDFs, archives) hold NUL and other control bytes; HTML and XML
     * "spreadsheets" exported by some systems start with a tag. Neither is a table we can read.
     */
    private static boolean looksLikeText(byte[] head, Charset cs) {
        boolean utf16 = cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32");
        int controls = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0 && !utf16) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C && c != 0) {
                controls++;
            }
        }
        if (controls > Math.max(2, head.length / 100)) {
            return false;
        }
        String start = new String(head, 0, Math.min(head.length, 512), utf16 ? cs : StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        return !(start.startsWith("<?xml") || start.startsWith("<html") || start.startsWith("<!doctype")
                || start.startsWith("<table") || start.startsWith("%pdf") || start.startsWith("{\\rtf"));
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** "20 MB", "512 KB": units are the same in Chinese and English. */
    /** A size as the import pages and refusals name it: "64 MB", "1.5 MB", "20 KB". */
    public static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the OS cleans its temp directory
        }
    }
}
