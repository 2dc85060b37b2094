package org.civicloop.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Ledgers written with {@link StreamingWorkbookWriter} read back with {@link TableReader}, and look right in Excel. */
class SpreadsheetRoundTripTests {

    private static final List<Column> COLUMNS = List.of(
            Column.text("编号"), Column.text("诉求内容", 40), Column.whole("天数"), Column.decimal("金额（元）"),
            Column.dateTime("登记时间"), Column.date("办结日期"), Column.whole("身份证号"));

    @Test
    void chineseTextCommasQuotesLineBreaksNumbersAndDatesSurviveTheRoundTrip() throws Exception {
        byte[] xlsx = write(w -> {
            w.row("HX-0001", "路灯不亮，请维修；他说：\"今晚就修\"", 3, new BigDecimal("1234.50"),
                    LocalDateTime.of(2026, 11, 27, 14, 30), LocalDate.of(2026, 12, 1), new BigInteger("520111199001011234"));
            w.row("HX-0002", "第一行\n第二行", -2L, 0.1, Instant.parse("2026-11-27T01:05:00Z"), null, null);
            w.row("=HYPERLINK(\"http://evil\")", null, null, null, null, null, null);
        });
        try (Table table = TableReader.withLimits(10, 1 << 20).skipRows(1).open(new ByteArrayInputStream(xlsx))) {
            assertThat(table.header()).containsExactly("编号", "诉求内容", "天数", "金额（元）", "登记时间", "办结日期", "身份证号");
            List<Row> rows = TableReaderTests.all(table);
            assertThat(rows).extracting(Row::line).containsExactly(3, 4, 5);
            assertThat(rows.get(0).values()).containsExactly("HX-0001", "路灯不亮，请维修；他说：\"今晚就修\"", "3", "1234.5",
                    "2026-11-27 14:30", "2026-12-01", "520111199001011234");
            // an Instant is shown in Beijing time
            assertThat(rows.get(1).values()).containsExactly("HX-0002", "第一行\n第二行", "-2", "0.1", "2026-11-27 09:05", "", "");
            assertThat(rows.get(2).get("编号")).isEqualTo("=HYPERLINK(\"http://evil\")");
        }
    }

    @Test
    void theSheetHasATitleABoldFrozenHeaderTypedCellsAndAChineseFont() throws Exception {
        byte[] xlsx = write(w -> w.row("HX-0001", "内容", 3, new BigDecimal("1234.5"),
                LocalDateTime.of(2026, 11, 27, 14, 30), LocalDate.of(2026, 12, 1), 42));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(wb.getSheetName(0)).isEqualTo("意见台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("花溪区民意台账（2026年11月）");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            XSSFCell header = sheet.getRow(1).getCell(1);
            assertThat(header.getCellStyle().getFont().getBold()).isTrue();
            assertThat(header.getCellStyle().getFont().getFontName()).isEqualTo(StreamingWorkbookWriter.DEFAULT_FONT);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(40 * 256);
            assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(8 * 256);

            var data = sheet.getRow(2);
            assertThat(data.getCell(2).getNumericCellValue()).isEqualTo(3.0);
            assertThat(data.getCell(3).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(data.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 27, 14, 30));
            assertThat(data.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy\"年\"m\"月\"d\"日\" hh:mm");
            assertThat(data.getCell(4).getCellStyle().getFont().getFontName()).isEqualTo(StreamingWorkbookWriter.DEFAULT_FONT);
            assertThat(new DataFormatter(java.util.Locale.CHINA).formatCellValue(data.getCell(3))).isEqualTo("1,234.50");
        }
    }

    /**
     * An English reader's export shows its dates as the English page does (1 Dec 2026), a Chinese reader's as the
     * Chinese page (2026年12月1日); a column's own Chinese month format follows the language too. (Every English
     * export read 2027年2月18日 beside the page's 18 Feb 2027.)
     */
    @Test
    void theDatesReadInTheReadersLanguage() throws Exception {
        List<Column> columns = List.of(Column.dateTime("Registered"), Column.date("Closed"),
                Column.date("Last report").withFormat(StreamingWorkbookWriter.CHINESE_MONTH));
        for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (StreamingWorkbookWriter w = StreamingWorkbookWriter.builder(columns).locale(locale).open(out)) {
                w.row(LocalDateTime.of(2026, 11, 27, 14, 30), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1));
                w.finish();
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                var data = wb.getSheetAt(0).getRow(1);
                DataFormatter f = new DataFormatter(java.util.Locale.ENGLISH);
                boolean english = locale == java.util.Locale.ENGLISH;
                assertThat(data.getCell(0).getCellStyle().getDataFormatString())
                        .isEqualTo(english ? "d mmm yyyy hh:mm" : "yyyy\"年\"m\"月\"d\"日\" hh:mm");
                assertThat(data.getCell(1).getCellStyle().getDataFormatString()).isEqualTo(english ? "d mmm yyyy" : "yyyy\"年\"m\"月\"d\"日\"");
                assertThat(data.getCell(2).getCellStyle().getDataFormatString()).isEqualTo(english ? "mmm yyyy" : "yyyy\"年\"m\"月\"");
                if (english) {
                    assertThat(f.formatCellValue(data.getCell(0))).isEqualTo("27 Nov 2026 14:30");
                    assertThat(f.formatCellValue(data.getCell(1))).isEqualTo("1 Dec 2026");
                    assertThat(f.formatCellValue(data.getCell(2))).isEqualTo("Nov 2026");
                }
            }
        }
    }

    @Test
    void closingWithoutFinishingWritesNothingAndLeavesNoTemporaryFiles() throws Exception {
        Set<Path> before = poiTempFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StreamingWorkbookWriter writer = StreamingWorkbookWriter.builder(COLUMNS).open(out)) {
            for (int i = 0; i < 500; i++) {
                writer.row("HX-" + i, "内容", i, null, null, null, null);
            }
            // an exception here would leave through close(), without finish()
        }
        assertThat(out.size()).isZero();
        assertThat(poiTempFiles()).isSubsetOf(before);

        byte[] xlsx = write(w -> {
            for (int i = 0; i < 500; i++) {
                w.row("HX-" + i, "内容", i, null, null, null, null);
            }
        });
        assertThat(xlsx.length).isPositive();
        assertThat(poiTempFiles()).isSubsetOf(before);
    }

    interface Rows {
        void write(StreamingWorkbookWriter writer);
    }

    private static byte[] write(Rows rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StreamingWorkbookWriter writer = StreamingWorkbookWriter.builder(COLUMNS)
                .sheetName("意见台账").title("花溪区民意台账（2026年11月）").open(out)) {
            rows.write(writer);
            writer.finish();
        }
        return out.toByteArray();
    }

    private static Set<Path> poiTempFiles() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }
}
