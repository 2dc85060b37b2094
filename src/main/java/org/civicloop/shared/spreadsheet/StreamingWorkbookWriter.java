package org.civicloop.shared.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one sheet of an .xlsx ledger (台账) as a stream: only a window of 100 rows is in memory,
 * the rest goes to a gzip-compressed temporary file that is deleted on {@link #close()}. So a
 * 100,000-row export needs a few megabytes of heap, not hundreds.
 *
 * <pre>{@code
 * try (var writer = StreamingWorkbookWriter.builder(List.of(
 *             Column.text("编号"), Column.text("标题", 40), Column.dateTime("登记时间"), Column.whole("天数")))
 *         .sheetName("意见台账").title("花溪区民意台账（2026年11月）")
 *         .open(response.getOutputStream())) {
 *     for (var item : items) {
 *         writer.row(item.number(), item.title(), item.registeredAt(), item.days());
 *     }
 *     writer.finish();
 * }
 * }</pre>
 *
 * <p>{@link #finish()} writes the workbook; {@link #close()} without it discards everything, so a
 * failure half-way never produces a file that looks complete but is not. The output stream is
 * never closed here.
 *
 * <p>The sheet has an optional bold title row merged across the columns, a bold header row that
 * stays frozen while scrolling and carries filter buttons, typed cells (numbers and dates stay
 * numbers and dates for Excel's sums and sorting) and a CJK-capable font, so Chinese shows on any
 * machine. Text is always written as text: a value starting with "=" is never a formula.
 */
public final class StreamingWorkbookWriter implements AutoCloseable {

    /** A font Office and WPS on Chinese Windows always have; LibreOffice substitutes a CJK font. */
    public static final String DEFAULT_FONT = "Microsoft YaHei";
    /** 2026年11月27日 14:30 (the Chinese characters are Excel format literals, escaped for the compiler). */
    public static final String CHINESE_DATE_TIME = "yyyy\"\u5e74\"m\"\u6708\"d\"\u65e5\" hh:mm";
    /** 2026年11月27日 */
    public static final String CHINESE_DATE = "yyyy\"\u5e74\"m\"\u6708\"d\"\u65e5\"";
    /** 2026年11月, for a date column holding months (give each month's first day). */
    public static final String CHINESE_MONTH = "yyyy\"\u5e74\"m\"\u6708\"";
    /** 27 Nov 2026 14:30, for readers of another language: the page's "d MMM yyyy" (format.date) in Excel's words. */
    public static final String ENGLISH_DATE_TIME = "d mmm yyyy hh:mm";
    /** 27 Nov 2026 */
    public static final String ENGLISH_DATE = "d mmm yyyy";
    /** Nov 2026 */
    public static final String ENGLISH_MONTH = "mmm yyyy";
    public static final String DEFAULT_DECIMAL = "#,##0.00";

    private static final int WINDOW = 100;
    private static final int MAX_ROWS = 1_048_576;
    private static final int MAX_TEXT = 32_767;
    private static final long EXACT_DIGITS_LIMIT = 999_999_999_999_999L;
    private static final int AUTO_MIN = 6;
    private static final int AUTO_MAX = 60;

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final OutputStream out;
    private final List<Column> columns;
    private final ZoneId zone;
    private final CellStyle[] styles;
    private final CellStyle wrapped;
    private final CellStyle longAsText;
    private final int[] widths;
    private int nextRow;
    private long dataRows;
    private boolean finished;
    private boolean closed;

    private StreamingWorkbookWriter(Builder b, OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.columns = b.columns;
        this.zone = b.zone;
        this.workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            workbook.setCompressTempFiles(true);
            Font defaultFont = workbook.getFontAt(0);
            defaultFont.setFontName(b.font);
            Font body = font(b.font, false, 11);
            Font bold = font(b.font, true, 11);
            Font titleFont = font(b.font, true, 14);

            this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(b.sheetName));
            int last = columns.size() - 1;
            if (b.title != null && !b.title.isBlank()) {
                CellStyle titleStyle = workbook.createCellStyle();
                titleStyle.setFont(titleFont);
                titleStyle.setAlignment(HorizontalAlignment.CENTER);
                titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
                SXSSFRow titleRow = sheet.createRow(nextRow);
                titleRow.setHeightInPoints(28);
                Cell cell = titleRow.createCell(0);
                cell.setCellValue(b.title);
                cell.setCellStyle(titleStyle);
                if (last > 0) {
                    sheet.addMergedRegion(new CellRangeAddress(nextRow, nextRow, 0, last));
                }
                nextRow++;
            }

            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            headerStyle.setWrapText(true);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setBorderBottom(BorderStyle.THIN);
            int headerRowIndex = nextRow;
            SXSSFRow headerRow = sheet.createRow(nextRow++);
            this.widths = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = headerRow.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(headerStyle);
                widths[i] = displayWidth(columns.get(i).header()) + 2;
            }
            sheet.createFreezePane(0, nextRow);
            sheet.setAutoFilter(new CellRangeAddress(headerRowIndex, headerRowIndex, 0, last));

            this.styles = new CellStyle[columns.size()];
            var formats = workbook.createDataFormat();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                CellStyle style = workbook.createCellStyle();
                style.setFont(body);
                style.setVerticalAlignment(VerticalAlignment.TOP);
                String own = column.format() == null || b.chinese ? column.format() : english(column.format());
                String format = own != null ? own : switch (column.type()) {
                    case TEXT -> "@";
                    case LONG -> "0";
                    case DECIMAL -> DEFAULT_DECIMAL;
                    case DATE_TIME -> b.dateTimeFormat;
                    case DATE -> b.dateFormat;
                };
                style.setDataFormat(formats.getFormat(format));
                styles[i] = style;
                if (column.width() > 0) {
                    sheet.setColumnWidth(i, column.width() * 256);
                }
            }
            this.wrapped = workbook.createCellStyle();
            wrapped.setFont(body);
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped.setDataFormat(formats.getFormat("@"));
            this.longAsText = workbook.createCellStyle();
            longAsText.setFont(body);
            longAsText.setVerticalAlignment(VerticalAlignment.TOP);
            longAsText.setDataFormat(formats.getFormat("@"));
        } catch (RuntimeException e) {
            workbook.dispose();
            throw e;
        }
    }

    /** Starts a writer for these columns (at least one). */
    public static Builder builder(List<Column> columns) {
        return new Builder(columns);
    }

    /** Appends a row; values line up with the columns, {@code null} leaves a cell empty. */
    public void row(Object... values) {
        row(Arrays.asList(values));
    }

    /** Appends a row; values line up with the columns, {@code null} leaves a cell empty. */
    public void row(List<?> values) {
        if (finished || closed) {
            throw new IllegalStateException("The workbook is already finished");
        }
        if (values.size() > columns.size()) {
            throw new IllegalArgumentException("Row has " + values.size() + " values for " + columns.size() + " columns");
        }
        if (nextRow >= MAX_ROWS) {
            throw new IllegalStateException("An Excel sheet holds at most " + MAX_ROWS + " rows");
        }
        SXSSFRow row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            cell.setCellStyle(styles[i]);
            switch (columns.get(i).type()) {
                case TEXT -> text(cell, i, value.toString());
                case LONG -> whole(cell, i, value);
                case DECIMAL -> decimal(cell, i, value);
                case DATE_TIME, DATE -> dateTime(cell, i, value);
            }
        }
        dataRows++;
    }

    private void text(Cell cell, int column, String text) {
        String value = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        cell.setCellValue(value);
        if (value.indexOf('\n') >= 0) {
            cell.setCellStyle(wrapped);
        }
        track(column, value);
    }

    private void whole(Cell cell, int column, Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("Column " + column + " takes whole numbers, not " + value.getClass().getName());
        }
        BigInteger big = n instanceof BigInteger b ? b : n instanceof BigDecimal d ? d.toBigInteger() : BigInteger.valueOf(n.longValue());
        if (big.abs().compareTo(BigInteger.valueOf(EXACT_DIGITS_LIMIT)) > 0) {
            // Excel keeps 15 significant digits; as text, an 18-digit number survives intact
            cell.setCellValue(big.toString());
            cell.setCellStyle(longAsText);
        } else {
            cell.setCellValue(big.doubleValue());
        }
        track(column, big.toString());
    }

    private void decimal(Cell cell, int column, Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("Column " + column + " takes numbers, not " + value.getClass().getName());
        }
        double d = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
        cell.setCellValue(d);
        if (columns.get(column).width() == 0) {
            // "-1,234,567.89": digits, a comma per three, two decimals, a sign
            int digits = Long.toString((long) Math.abs(d)).length();
            widths[column] = Math.max(widths[column], digits + (digits - 1) / 3 + 3 + (d < 0 ? 1 : 0) + 2);
        }
    }

    private void dateTime(Cell cell, int column, Object value) {
        LocalDateTime local;
        if (value instanceof LocalDateTime t) {
            local = t;
        } else if (value instanceof LocalDate d) {
            local = d.atStartOfDay();
        } else if (value instanceof Instant i) {
            local = LocalDateTime.ofInstant(i, zone);
        } else if (value instanceof OffsetDateTime o) {
            local = o.atZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof ZonedDateTime z) {
            local = z.withZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof Date d) {
            local = LocalDateTime.ofInstant(d.toInstant(), zone);
        } else {
            throw new IllegalArgumentException("Column " + column + " takes dates, not " + value.getClass().getName());
        }
        cell.setCellValue(local);
        // "2026年11月27日 14:30" is 20 columns wide on screen; a date alone 14
        widths[column] = Math.max(widths[column], columns.get(column).type() == Column.Type.DATE ? 14 : 20);
    }

    private void track(int column, String value) {
        if (columns.get(column).width() == 0 && widths[column] < AUTO_MAX) {
            int longest = 0;
            for (String line : value.split("\n", -1)) {
                longest = Math.max(longest, displayWidth(line));
            }
            widths[column] = Math.max(widths[column], longest + 2);
        }
    }

    /** Chinese, Japanese and Korean characters and full-width forms take two columns. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                    || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                    || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    /** Data rows written so far (title and header not counted). */
    public long rows() {
        return dataRows;
    }

    /** Writes the finished workbook to the output stream and flushes it; then discards the temporary files. */
    public void finish() throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("The workbook is already finished");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).width() == 0) {
                sheet.setColumnWidth(i, Math.max(AUTO_MIN, Math.min(AUTO_MAX, widths[i])) * 256);
            }
        }
        workbook.write(out);
        out.flush();
        finished = true;
        close();
    }

    /** Deletes the temporary files; without {@link #finish()} first, nothing is written. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the temporary files are already gone; nothing else is held
        }
    }

    private Font font(String name, boolean bold, int points) {
        Font font = workbook.createFont();
        font.setFontName(name);
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        font.setCharSet(org.apache.poi.common.usermodel.fonts.FontCharset.GB2312.getNativeId());
        return font;
    }

    /** A column's own Chinese date format in English ({@link Builder#locale}); any other format as it is. */
    static String english(String format) {
        return switch (format) {
            case CHINESE_DATE_TIME -> ENGLISH_DATE_TIME;
            case CHINESE_DATE -> ENGLISH_DATE;
            case CHINESE_MONTH -> ENGLISH_MONTH;
            default -> format;
        };
    }

    /** Options of a writer; {@link #open(OutputStream)} starts it. */
    public static final class Builder {

        private final List<Column> columns;
        private String sheetName = "Sheet1";
        private String title;
        private String font = DEFAULT_FONT;
        private String dateTimeFormat = CHINESE_DATE_TIME;
        private String dateFormat = CHINESE_DATE;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private boolean chinese = true;

        private Builder(List<Column> columns) {
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("A sheet needs at least one column");
            }
            this.columns = List.copyOf(columns);
        }

        /** The sheet tab's name; characters Excel forbids are replaced and it is cut to 31 characters. */
        public Builder sheetName(String name) {
            this.sheetName = Objects.requireNonNull(name);
            return this;
        }

        /** A bold title row above the header, merged across all columns. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The font name for every cell (a name the reader's machine knows, not a file). */
        public Builder font(String fontName) {
            this.font = Objects.requireNonNull(fontName);
            return this;
        }

        /** Excel format of date-time columns, e.g. {@code yyyy-mm-dd hh:mm} for English readers. */
        public Builder dateTimeFormat(String excelFormat) {
            this.dateTimeFormat = Objects.requireNonNull(excelFormat);
            return this;
        }

        /** Excel format of date columns. */
        public Builder dateFormat(String excelFormat) {
            this.dateFormat = Objects.requireNonNull(excelFormat);
            return this;
        }

        /**
         * The reader's language: Chinese dates (the default) for Chinese, else the English formats, so that an English
         * export reads its dates as the English page does (18 Feb 2027, not 2027年2月18日); a column's own Chinese
         * month format becomes the English one too.
         */
        public Builder locale(Locale locale) {
            this.chinese = locale == null || "zh".equals(locale.getLanguage());
            if (!chinese) {
                this.dateTimeFormat = ENGLISH_DATE_TIME;
                this.dateFormat = ENGLISH_DATE;
            }
            return this;
        }

        /** The zone instants are shown in (default Asia/Shanghai). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        public StreamingWorkbookWriter open(OutputStream out) {
            return new StreamingWorkbookWriter(this, out);
        }
    }
}
