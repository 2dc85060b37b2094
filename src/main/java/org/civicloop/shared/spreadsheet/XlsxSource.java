package org.civicloop.shared.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbookPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The first sheet of an .xlsx file, row by row, in constant memory: POI's streaming event API
 * ({@link XSSFReader} and {@link XSSFSheetXMLHandler}) reads the sheet's XML with SAX; only the
 * shared strings and styles are held. SAX pushes rows while {@link Table} pulls them, so the sheet
 * is parsed on a reader thread that hands rows over, 128 at a time, through a small queue.
 *
 * <p>What this class adds to POI: numbers as Excel shows them in General format and dates in ISO
 * form whatever the cell's format (a {@link DataFormatter} that defers to {@link CellText}), error
 * cells as their code ({@code #DIV/0!}), phonetic guides left out of inline strings, Excel's
 * column and cell-length limits, and a message key with the row number for every failure.
 *
 * <p>Formulas are never evaluated: a formula cell gives the value Excel cached when it last saved
 * the file. The package is opened through POI's {@link ZipSecureFile} (inflate-ratio, entry-size
 * and entry-count limits against zip bombs) and POI's SAX parser refuses DTDs, so entity
 * expansion and external entities cannot happen.
 */
final class XlsxSource implements RowSource {

    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final long MAX_ENTRY_SIZE = 512L * 1024 * 1024;
    private static final long MAX_FILE_COUNT = 1_000;
    /** Rows are handed over in batches: one hand-over per row costs more than parsing it. */
    private static final int BATCH = 128;
    private static final int QUEUE = 4;
    private static final Object END = new Object();

    static {
        // POI's limits are JVM-wide; only ever tighten them, never loosen what someone else set.
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_SIZE) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        }
        if (ZipSecureFile.getMaxFileCount() > MAX_FILE_COUNT) {
            ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
        }
    }

    private final OPCPackage pkg;
    private final CountedInput sheet;
    private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(QUEUE);
    private final Thread parser;
    private volatile boolean closed;
    /** The row the reader thread is in, for the message of a failure that POI reports without one. */
    private volatile int lastRow;
    private boolean finished;
    private Iterator<RawRow> batch = Collections.emptyIterator();

    private XlsxSource(OPCPackage pkg, CountedInput sheet, XMLReader xml, StylesTable styles,
                       ReadOnlySharedStringsTable strings, boolean date1904) {
        this.pkg = pkg;
        this.sheet = sheet;
        Cells cells = new Cells();
        xml.setContentHandler(new OfficeQuirks(cells, new XSSFSheetXMLHandler(styles, strings, cells,
                new GeneralFormat(date1904), false)));
        this.parser = new Thread(() -> parse(xml, cells), "civicloop-xlsx-reader");
        parser.setDaemon(true);
    }

    static XlsxSource open(Path file) throws TableException {
        OPCPackage pkg = null;
        CountedInput sheet = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new TableException("import.error.notSpreadsheet");
            }
            sheet = new CountedInput(sheets.next(), sheets.getSheetPart().getSize()); // the sheet's XML, uncompressed
            boolean date1904;
            try (InputStream workbook = reader.getWorkbookData()) {
                CTWorkbookPr properties = WorkbookDocument.Factory.parse(workbook).getWorkbook().getWorkbookPr();
                date1904 = properties != null && properties.getDate1904();
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XMLReader xml = XMLHelper.newXMLReader();
            XlsxSource source = new XlsxSource(pkg, sheet, xml, styles, strings, date1904);
            source.parser.start();
            return source;
        } catch (TableException e) {
            close(pkg, sheet);
            throw e;
        } catch (Exception | LinkageError e) {
            close(pkg, sheet);
            throw translate(e, 0);
        }
    }

    @Override
    public RawRow next() throws TableException {
        if (batch.hasNext()) {
            return batch.next();
        }
        if (finished) {
            return null;
        }
        Object item;
        try {
            item = rows.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableException(0, e, "import.error.unreadable");
        }
        if (item instanceof Batch rows) {
            batch = rows.rows().iterator();
            return batch.next();
        }
        finished = true;
        if (item instanceof Failure failure) {
            throw failure.exception();
        }
        return null;
    }

    /** Runs on the reader thread: the whole sheet, row by row into the queue, then END or the failure. */
    private void parse(XMLReader xml, Cells cells) {
        try {
            xml.parse(new InputSource(sheet));
            cells.flush();
            hand(END);
        } catch (Stopped stopped) {
            // the table was closed before its end
        } catch (Exception | LinkageError e) {
            if (causeOfType(e, Stopped.class) != null) {
                return;
            }
            Refused refused = causeOfType(e, Refused.class);
            try {
                cells.flush(); // the rows before the failure, as a reader of the old kind would have seen them
                hand(new Failure(refused != null ? refused.exception : translate(e, lastRow)));
            } catch (Stopped ignored) {
                // nobody is reading any more
            }
        }
    }

    private void hand(Object item) {
        try {
            while (!rows.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Collects each row's cells from POI's callbacks and hands the rows over in batches. */
    private final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {

        private List<RawRow> pending = new ArrayList<>(BATCH);
        private List<String> cells = new ArrayList<>();
        private int row;
        private int nextColumn;
        private boolean isoDate;

        @Override
        public void startRow(int rowNum) {
            row = rowNum + 1;
            lastRow = row;
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            pending.add(new RawRow(row, cells));
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                hand(new Batch(pending));
                pending = new ArrayList<>(BATCH);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : columnIndex(reference);
            if (column < 0 || column >= MAX_COLUMNS) {
                throw new Refused(new TableException(row, null, "import.error.tooManyColumns", MAX_COLUMNS));
            }
            nextColumn = column + 1;
            String text = value == null ? "" : isoDate ? isoDate(value) : value;
            if (text.length() > MAX_CELL_LENGTH) {
                throw new Refused(new TableException(row, null, "import.error.cellTooLong",
                        CellText.columnLetter(column), MAX_CELL_LENGTH));
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, text);
        }
    }

    /**
     * A SAX filter in front of POI's handler for what it reads differently from Excel: phonetic
     * guides ({@code <rPh>}) are not part of a cell's text, error cells ({@code t="e"}) show their
     * code without POI's "ERROR:" prefix, and ISO date cells ({@code t="d"}) are not numbers.
     */
    private static final class OfficeQuirks extends XMLFilterImpl {

        private final Cells cells;
        private int phonetic;

        OfficeQuirks(Cells cells, XSSFSheetXMLHandler handler) {
            this.cells = cells;
            setContentHandler(handler);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (phonetic > 0 || localName.equals("rPh")) {
                phonetic++;
                return;
            }
            if (localName.equals("c")) {
                String type = atts.getValue("t");
                cells.isoDate = "d".equals(type);
                if ("e".equals(type) || "d".equals(type)) {
                    AttributesImpl text = new AttributesImpl(atts);
                    text.setValue(text.getIndex("t"), "str");
                    atts = text;
                }
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (phonetic > 0) {
                phonetic--;
                return;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (phonetic == 0) {
                super.characters(ch, start, length);
            }
        }
    }

    /**
     * POI formats numeric cells through a {@link DataFormatter}; this one shows numbers as Excel's
     * General format does (15 significant digits, no ".0") and dates as ISO text, whatever format
     * the cell has, so that "2026年11月27日" and "#,##0.00" read the same as before.
     */
    private static final class GeneralFormat extends DataFormatter {

        private enum DateKind { NONE, DATE, TIME, DATE_TIME }

        private final boolean date1904;
        private final Map<String, DateKind> kinds = new HashMap<>();

        GeneralFormat(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            // POI remembers only the last format it looked at; a row alternates between several
            DateKind kind = formatString == null ? DateKind.NONE : kinds.computeIfAbsent(formatString,
                    f -> DateUtil.isADateFormat(formatIndex, f) ? dateKind(f) : DateKind.NONE);
            if (kind == DateKind.NONE || !DateUtil.isValidExcelDate(value)) {
                return CellText.number(Double.toString(value));
            }
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
            if (kind == DateKind.TIME && value < 1) {
                return CellText.time(dateTime.toLocalTime());
            }
            return CellText.dateTime(dateTime, kind == DateKind.DATE);
        }

        /** What a date format shows, ignoring quoted text, escaped characters and [colour]/[$-804] parts. */
        private static DateKind dateKind(String format) {
            String parts = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "")
                    .replaceAll("\\[(?![hms]+\\])[^\\]]*\\]", "").toLowerCase(Locale.ROOT);
            boolean time = parts.indexOf('h') >= 0 || parts.indexOf('s') >= 0;
            boolean date = parts.indexOf('y') >= 0 || parts.indexOf('d') >= 0 || (!time && parts.indexOf('m') >= 0)
                    || parts.indexOf('e') >= 0;
            return date && time ? DateKind.DATE_TIME : time ? DateKind.TIME : DateKind.DATE;
        }
    }

    /** "AB12" to 27; -1 when the reference has no column letters. */
    private static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMNS) {
                return MAX_COLUMNS;
            }
        }
        return column - 1;
    }

    private static String isoDate(String value) {
        try {
            return CellText.dateTime(LocalDateTime.parse(value.strip().replaceFirst("Z$", "")), true);
        } catch (RuntimeException e) {
            return value.strip();
        }
    }

    /** POI and the XML parser speak in exceptions; the person uploading gets a key. */
    private static TableException translate(Throwable e, int line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("exceed")
                    || message.contains("max. ratio") || message.contains("more than") && message.contains("entries")
                    || message.contains("doctype") || message.contains("dtd") || message.contains("entity")) {
                return new TableException(line, e, "import.error.unsafe");
            }
        }
        if (line > 0) {
            return new TableException(line, e, "import.error.malformed");
        }
        return new TableException(0, e, "import.error.notSpreadsheet");
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void close(OPCPackage pkg, InputStream sheet) {
        try {
            if (sheet != null) {
                sheet.close();
            }
        } catch (IOException ignored) {
            // the package is reverted next, which releases the file
        }
        if (pkg != null) {
            pkg.revert();
        }
    }

    /** The sheet's XML read so far (the shared strings, read before the first row, are not counted). */
    @Override
    public double readShare() {
        return sheet.share();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        rows.clear();
        try {
            parser.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(pkg, sheet);
    }

    /** A refusal found in a cell, carried out of POI's callbacks. */
    private static final class Refused extends RuntimeException {
        private final transient TableException exception;

        Refused(TableException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }

    /** Ends the reader thread when the table is closed before its end. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private record Failure(TableException exception) {
    }

    private record Batch(List<RawRow> rows) {
    }
}
