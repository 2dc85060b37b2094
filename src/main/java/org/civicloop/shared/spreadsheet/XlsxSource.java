package org.civicloop.shared.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The first sheet of an .xlsx file, row by row, without loading the workbook: the sheet's XML is
 * read as a stream (StAX), only the shared strings and styles are held in memory.
 *
 * <p>Formulas are never evaluated: a formula cell gives the value Excel cached when it last saved
 * the file. The package is opened through POI's {@link ZipSecureFile} (inflate-ratio, entry-size
 * and entry-count limits against zip bombs) and the XML parser refuses DTDs, so entity expansion
 * and external entities cannot happen.
 */
final class XlsxSource implements RowSource {

    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final long MAX_ENTRY_SIZE = 512L * 1024 * 1024;
    private static final long MAX_FILE_COUNT = 1_000;

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

    private enum DateKind { NONE, DATE, TIME, DATE_TIME }

    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, DateKind> dateKinds = new HashMap<>();
    private int lastRow;

    private XlsxSource(OPCPackage pkg, InputStream sheet, XMLStreamReader xml, ReadOnlySharedStringsTable strings,
                       StylesTable styles, boolean date1904) {
        this.pkg = pkg;
        this.sheet = sheet;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    static XlsxSource open(Path file) throws TableException {
        OPCPackage pkg = null;
        InputStream sheet = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new TableException("import.error.notSpreadsheet");
            }
            sheet = sheets.next();
            boolean date1904;
            try (InputStream workbook = reader.getWorkbookData()) {
                date1904 = isDate1904(workbook);
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XMLStreamReader xml = factory().createXMLStreamReader(sheet);
            return new XlsxSource(pkg, sheet, xml, strings, styles, date1904);
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
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new TableException("import.error.unsafe");
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    return row();
                }
            }
            return null;
        } catch (TableException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e, lastRow);
        }
    }

    private RawRow row() throws XMLStreamException, TableException {
        String r = xml.getAttributeValue(null, "r");
        int number = r == null ? lastRow + 1 : parsePositive(r);
        lastRow = number;
        List<String> cells = new ArrayList<>();
        int nextColumn = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? nextColumn : columnIndex(ref);
                if (column >= MAX_COLUMNS) {
                    throw new TableException(number, null, "import.error.tooManyColumns", MAX_COLUMNS);
                }
                nextColumn = column + 1;
                String value = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"), number, column);
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, value);
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skip();
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return new RawRow(number, cells);
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new TableException(number, null, "import.error.malformed");
            }
        }
    }

    /** Reads a {@code <c>} element up to its end and gives its value as text. */
    private String cell(String type, String style, int row, int column) throws XMLStreamException, TableException {
        String value = null;
        StringBuilder inline = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = limited(xml.getElementText(), row, column);
                    case "is" -> inline = inlineString(row, column);
                    default -> skip(); // <f>: the formula itself is never looked at, let alone run
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
        }
        if (inline != null) {
            return CellText.decodeEscapes(inline.toString());
        }
        if (value == null || value.isEmpty()) {
            return "";
        }
        String t = type == null ? "n" : type;
        return switch (t) {
            case "s" -> sharedString(value, row, column);
            case "str", "inlineStr" -> CellText.decodeEscapes(value);
            case "b" -> value.strip().equals("1") || value.strip().equalsIgnoreCase("true") ? "TRUE" : "FALSE";
            case "e" -> value;
            case "d" -> isoDate(value);
            default -> numeric(value, style);
        };
    }

    /** {@code <is>} holds the text in {@code <t>}, possibly split into rich-text runs; phonetic runs are left out. */
    private StringBuilder inlineString(int row, int column) throws XMLStreamException, TableException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean phonetic = false;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic = true;
                }
                if (name.equals("t")) {
                    String t = xml.getElementText();
                    if (!phonetic) {
                        text.append(t);
                        if (text.length() > MAX_CELL_LENGTH) {
                            throw tooLong(row, column);
                        }
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic = false;
                }
                depth--;
            }
        }
        return text;
    }

    private String sharedString(String index, int row, int column) throws TableException {
        int i = parsePositiveOrZero(index.strip(), row);
        if (i >= strings.getCount() && i >= strings.getUniqueCount()) {
            throw new TableException(row, null, "import.error.malformed");
        }
        try {
            return limited(strings.getItemAt(i).getString(), row, column);
        } catch (IndexOutOfBoundsException e) {
            throw new TableException(row, e, "import.error.malformed");
        }
    }

    private String numeric(String raw, String style) {
        DateKind kind = style == null ? DateKind.NONE : dateKinds.computeIfAbsent(parseIndex(style), this::dateKind);
        if (kind == DateKind.NONE) {
            return CellText.number(raw);
        }
        double value;
        try {
            value = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            return raw.strip();
        }
        if (!DateUtil.isValidExcelDate(value)) {
            return CellText.number(raw);
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
        if (kind == DateKind.TIME && value < 1) {
            return CellText.time(dateTime.toLocalTime());
        }
        return CellText.dateTime(dateTime, kind == DateKind.DATE);
    }

    private DateKind dateKind(int styleIndex) {
        if (styles == null || styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
            return DateKind.NONE;
        }
        XSSFCellStyle style = styles.getStyleAt(styleIndex);
        if (style == null) {
            return DateKind.NONE;
        }
        String format = style.getDataFormatString();
        if (format == null || !DateUtil.isADateFormat(style.getDataFormat(), format)) {
            return DateKind.NONE;
        }
        // what the format shows, ignoring quoted text, escaped characters and [colour]/[$-804] parts
        String parts = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "")
                .replaceAll("\\[(?![hms]+\\])[^\\]]*\\]", "").toLowerCase(Locale.ROOT);
        boolean time = parts.indexOf('h') >= 0 || parts.indexOf('s') >= 0;
        boolean date = parts.indexOf('y') >= 0 || parts.indexOf('d') >= 0 || (!time && parts.indexOf('m') >= 0)
                || parts.indexOf('e') >= 0;
        if (date && time) {
            return DateKind.DATE_TIME;
        }
        return time ? DateKind.TIME : DateKind.DATE;
    }

    private static String isoDate(String value) {
        try {
            LocalDateTime t = LocalDateTime.parse(value.strip().replaceFirst("Z$", ""));
            return CellText.dateTime(t, true);
        } catch (RuntimeException e) {
            return value.strip();
        }
    }

    private static String limited(String text, int row, int column) throws TableException {
        if (text.length() > MAX_CELL_LENGTH) {
            throw tooLong(row, column);
        }
        return text;
    }

    private static TableException tooLong(int row, int column) {
        return new TableException(row, null, "import.error.cellTooLong", CellText.columnLetter(column), MAX_CELL_LENGTH);
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** "AB12" to 27. */
    private int columnIndex(String ref) throws TableException {
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMNS) {
                throw new TableException(lastRow, null, "import.error.tooManyColumns", MAX_COLUMNS);
            }
            i++;
        }
        if (i == 0) {
            throw new TableException(lastRow, null, "import.error.malformed");
        }
        return column - 1;
    }

    private int parsePositive(String s) throws TableException {
        int n = parsePositiveOrZero(s, lastRow);
        if (n == 0) {
            throw new TableException(lastRow, null, "import.error.malformed");
        }
        return n;
    }

    private static int parsePositiveOrZero(String s, int row) throws TableException {
        try {
            int n = Integer.parseInt(s.strip());
            if (n < 0) {
                throw new NumberFormatException(s);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TableException(row, e, "import.error.malformed");
        }
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isDate1904(InputStream workbook) throws XMLStreamException {
        XMLStreamReader xml = factory().createXMLStreamReader(workbook);
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("workbookPr")) {
                    String v = xml.getAttributeValue(null, "date1904");
                    return "1".equals(v) || "true".equalsIgnoreCase(v);
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheets")) {
                    return false; // workbookPr comes before the sheet list when it exists at all
                }
            }
            return false;
        } finally {
            xml.close();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLHelper.newXMLInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
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

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing the stream below is what matters
        }
        close(pkg, sheet);
    }
}
