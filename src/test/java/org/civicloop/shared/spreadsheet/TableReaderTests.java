package org.civicloop.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/** Reading CSV and Excel uploads: encodings, quoting, cell values, limits and hostile files. */
class TableReaderTests {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private final TableReader reader = TableReader.withLimits(1_000, 10 * 1024 * 1024);

    @Test
    void readsQuotedCsvFieldsWithCommasQuotesAndLineBreaksKeepingLineNumbers() throws Exception {
        String csv = "\uFEFF编号,标题,备注\r\n"
                + "1,\"路灯不亮，请维修\",\"他说：\"\"今晚就修\"\"\"\r\n"
                + "2,\"多行\r\n内容\",普通\r\n"
                + "\r\n"
                + "3,,\"\"\r\n";
        try (Table table = reader.open(utf8(csv))) {
            assertThat(table.format()).isEqualTo(TableReader.Format.CSV);
            assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(table.header()).containsExactly("编号", "标题", "备注");
            List<Row> rows = all(table);
            assertThat(rows).extracting(Row::line).containsExactly(2, 3, 6);
            assertThat(rows.get(0).values()).containsExactly("1", "路灯不亮，请维修", "他说：\"今晚就修\"");
            assertThat(rows.get(1).get("标题")).isEqualTo("多行\n内容");
            assertThat(rows.get(2).asMap()).containsExactly(Map.entry("编号", "3"), Map.entry("标题", ""), Map.entry("备注", ""));
            assertThat(rows).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        }
    }

    @Test
    void readsUtf8WithoutAByteOrderMark() throws Exception {
        try (Table table = reader.open(utf8("区,街道\n花溪区,青岩镇\n"))) {
            assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(all(table).get(0).values()).containsExactly("花溪区", "青岩镇");
        }
    }

    @Test
    void detectsGb18030AsChineseExcelSavesIt() throws Exception {
        byte[] bytes = "区划代码,名称\n520111,花溪区\n520111100,青岩镇\n".getBytes(GB18030);
        try (Table table = reader.open(new ByteArrayInputStream(bytes))) {
            assertThat(table.charset()).isEqualTo(GB18030);
            assertThat(table.header()).containsExactly("区划代码", "名称");
            assertThat(all(table)).extracting(r -> r.get("名称")).containsExactly("花溪区", "青岩镇");
        }
    }

    @Test
    void acceptsAnExplicitCharset() throws Exception {
        byte[] bytes = "名称\n贵阳市\n".getBytes(Charset.forName("GBK"));
        try (Table table = reader.charset(Charset.forName("GBK")).open(new ByteArrayInputStream(bytes))) {
            assertThat(all(table).get(0).get("名称")).isEqualTo("贵阳市");
        }
    }

    @Test
    void readsTabSeparatedUtf16AsExcelsUnicodeText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.write("姓名\t电话\n张三\t13800001111\n".getBytes(StandardCharsets.UTF_16LE));
        try (Table table = reader.open(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(table.header()).containsExactly("姓名", "电话");
            assertThat(all(table).get(0).values()).containsExactly("张三", "13800001111");
        }
    }

    @Test
    void anUnclosedQuoteIsAnErrorOnTheLineItStarts() {
        TableException e = refusal(utf8("a,b\n1,2\n3,\"never closed\n4,5\n"));
        assertThat(e.messageKey()).isEqualTo("import.error.unclosedQuote");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.arguments()).isEmpty();
    }

    @Test
    void controlCharactersAreRemovedAndReported() throws Exception {
        try (Table table = reader.open(utf8("名称,备注\n花溪\u0007区,ok\u001B\n青岩,fine\n"))) {
            List<Row> rows = all(table);
            assertThat(rows.get(0).values()).containsExactly("花溪区", "ok");
            assertThat(rows.get(0).problems()).extracting(Row.Problem::messageKey)
                    .containsExactly("import.error.controlCharacter", "import.error.controlCharacter");
            assertThat(rows.get(0).problems().get(0).arguments()).containsExactly("名称");
            assertThat(rows.get(1).hasProblems()).isFalse();
        }
    }

    @Test
    void cellsBeyondTheHeaderAreReported() throws Exception {
        try (Table table = reader.open(utf8("a,b\n1,2,3\n1,2,\n"))) {
            List<Row> rows = all(table);
            assertThat(rows.get(0).problems()).extracting(Row.Problem::messageKey).containsExactly("import.error.extraCells");
            assertThat(rows.get(1).hasProblems()).isFalse();
        }
    }

    @Test
    void requiredColumnsAreCheckedByName() throws Exception {
        try (Table table = reader.open(utf8("工单编号,诉求内容,诉求内容\n1,2,3\n"))) {
            TableException missing = catchThrowableOfType(TableException.class,
                    () -> table.requireColumns("工单编号", "联系电话", "办理单位"));
            assertThat(missing.messageKey()).isEqualTo("import.error.missingColumns");
            assertThat(missing.arguments()).containsExactly("联系电话、办理单位");
            TableException duplicate = catchThrowableOfType(TableException.class, () -> table.requireColumns("诉求内容"));
            assertThat(duplicate.messageKey()).isEqualTo("import.error.duplicateColumn");
        }
    }

    @Test
    void titleRowsAboveTheHeaderCanBeSkipped() throws Exception {
        try (Table table = reader.skipRows(1).open(utf8("花溪区12345热线工单导出\n\n编号,内容\n1,路灯\n"))) {
            assertThat(table.header()).containsExactly("编号", "内容");
            assertThat(table.headerLine()).isEqualTo(3);
            assertThat(all(table).get(0).line()).isEqualTo(4);
        }
    }

    @Test
    void tooManyRowsIsRefusedOnTheFirstRowBeyondTheLimit() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(i).append('\n');
        }
        TableException e = catchThrowableOfType(TableException.class, () -> {
            try (Table table = TableReader.withLimits(5, 1024).open(utf8(csv.toString()))) {
                all(table);
            }
        });
        assertThat(e.messageKey()).isEqualTo("import.error.tooManyRows");
        assertThat(e.arguments()).containsExactly(5);
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void tooLargeIsRefusedWhileReceiving() {
        TableException e = catchThrowableOfType(TableException.class,
                () -> TableReader.withLimits(10, 2048).open(new ByteArrayInputStream(new byte[100_000])));
        assertThat(e.messageKey()).isEqualTo("import.error.tooLarge");
        assertThat(e.arguments()).containsExactly("2 KB");
    }

    @Test
    void anExcelFileOverItsOwnLowerLimitIsRefusedAskingForCsvWhileACsvFileOfTheSameSizeIsRead() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> {
            XSSFSheet sheet = wb.createSheet("台账");
            sheet.createRow(0).createCell(0).setCellValue("诉求内容");
            for (int i = 1; i <= 200; i++) {
                sheet.createRow(i).createCell(0).setCellValue("第" + i + "条：小区门口的路灯坏了，晚上出行不便。");
            }
        });
        TableReader reader = TableReader.withLimits(1_000, 1024 * 1024).excelLimit(xlsx.length - 1);

        TableException e = catchThrowableOfType(TableException.class, () -> reader.open(new ByteArrayInputStream(xlsx)));

        assertThat(e.messageKey()).isEqualTo("import.error.tooLargeExcel");
        StringBuilder csv = new StringBuilder("诉求内容\n");
        while (csv.toString().getBytes(StandardCharsets.UTF_8).length <= xlsx.length) {
            csv.append("小区门口的路灯坏了，晚上出行不便。\n");
        }
        try (Table table = reader.open(utf8(csv.toString()))) {
            assertThat(table.next().get("诉求内容")).isEqualTo("小区门口的路灯坏了，晚上出行不便。");
        }
        try (Table table = TableReader.withLimits(1_000, 1024 * 1024).excelLimit(xlsx.length).open(new ByteArrayInputStream(xlsx))) {
            assertThat(table.next().get("诉求内容")).isEqualTo("第1条：小区门口的路灯坏了，晚上出行不便。");
        }
    }

    @Test
    void anEmptyFileOrOneWithoutAHeaderIsRefused() {
        assertThat(refusal(new ByteArrayInputStream(new byte[0])).messageKey()).isEqualTo("import.error.empty");
        assertThat(refusal(utf8("\n\n ,\n")).messageKey()).isEqualTo("import.error.noHeader");
    }

    @Test
    void filesThatAreNotSpreadsheetsGetTheirOwnKey() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThat(refusal(new ByteArrayInputStream(png)).messageKey()).isEqualTo("import.error.notSpreadsheet");
        assertThat(refusal(utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n")).messageKey()).isEqualTo("import.error.notSpreadsheet");
        assertThat(refusal(utf8("<html><table><tr><td>1</td></tr></table></html>")).messageKey())
                .isEqualTo("import.error.notSpreadsheet");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(refusal(new ByteArrayInputStream(zip.toByteArray())).messageKey()).isEqualTo("import.error.notSpreadsheet");

        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(refusal(new ByteArrayInputStream(ole2)).messageKey()).isEqualTo("import.error.oldExcel");
    }

    @Test
    void excelFormulasGiveTheirCachedValuesAndAreNeverEvaluated() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> {
            XSSFSheet sheet = wb.createSheet("数据");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("数量");
            header.createCell(1).setCellValue("合计");
            header.createCell(2).setCellValue("链接");
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue(1);
            XSSFCell sum = row.createCell(1);
            sum.setCellFormula("A2*2");
            sum.setCellValue(42); // a cached value that evaluating the formula would contradict
            XSSFCell link = row.createCell(2);
            link.setCellFormula("WEBSERVICE(\"http://127.0.0.1:9/steal\")");
            link.setCellValue("缓存的文本");
        });
        try (Table table = reader.open(new ByteArrayInputStream(xlsx))) {
            assertThat(table.format()).isEqualTo(TableReader.Format.XLSX);
            assertThat(table.header()).containsExactly("数量", "合计", "链接");
            assertThat(all(table).get(0).values()).containsExactly("1", "42", "缓存的文本");
        }
    }

    @Test
    void excelNumbersAndDatesReadAsExcelShowsThem() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> {
            XSSFSheet sheet = wb.createSheet();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            XSSFRow header = sheet.createRow(0);
            String[] names = {"整数", "小数", "浮点", "电话", "金额", "日期", "时间戳", "钟点", "布尔", "负数"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            XSSFRow row = sheet.createRow(2); // row 2 left out: a gap in the sheet
            row.createCell(0).setCellValue(42.0);
            row.createCell(1).setCellValue(1.5);
            row.createCell(2).setCellValue(0.1 + 0.2);
            row.createCell(3).setCellValue(13812341234.0);
            XSSFCell amount = row.createCell(4);
            amount.setCellValue(1234.5);
            amount.setCellStyle(money);
            XSSFCell d = row.createCell(5);
            d.setCellValue(LocalDateTime.of(2026, 11, 27, 0, 0));
            d.setCellStyle(date);
            XSSFCell dt = row.createCell(6);
            dt.setCellValue(LocalDateTime.of(2026, 11, 27, 14, 30, 5));
            dt.setCellStyle(dateTime);
            XSSFCell t = row.createCell(7);
            t.setCellValue(0.5);
            t.setCellStyle(time);
            row.createCell(8).setCellValue(true);
            row.createCell(9).setCellValue(-7.25);
        });
        try (Table table = reader.open(new ByteArrayInputStream(xlsx))) {
            Row row = all(table).get(0);
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.values()).containsExactly("42", "1.5", "0.3", "13812341234", "1234.5", "2026-11-27",
                    "2026-11-27 14:30:05", "12:00", "TRUE", "-7.25");
        }
    }

    @Test
    void excelRichTextEscapesSparseCellsAndControlCharactersAsOfficeWritesThem() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("x"));
        String sheet = "<worksheet xmlns=\"" + Xlsx.MAIN_NS + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>乙</t></is></c><c r=\"C1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>青岩_x0001_</t></r><r><t>古镇</t></r>"
                + "<rPh sb=\"0\" eb=\"2\"><t>qingyan</t></rPh></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>_x005F_x0041_ stays literal</t></is></c></row>"
                + "</sheetData></worksheet>";
        String strings = "<sst xmlns=\"" + Xlsx.MAIN_NS + "\" count=\"1\" uniqueCount=\"1\"><si><t>丙_x000B_</t></si></sst>";
        byte[] doctored = Xlsx.replace(xlsx, Map.of("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8),
                "xl/sharedStrings.xml", strings.getBytes(StandardCharsets.UTF_8)));
        try (Table table = reader.open(new ByteArrayInputStream(doctored))) {
            assertThat(table.header()).containsExactly("甲", "乙", "丙");
            Row row = all(table).get(0);
            assertThat(row.values()).containsExactly("青岩古镇", "", "_x0041_ stays literal");
            assertThat(row.problems()).extracting(Row.Problem::messageKey).containsExactly("import.error.controlCharacter");
            assertThat(row.problems().get(0).arguments()).containsExactly("甲");
        }
    }

    @Test
    void aZipBombIsRefusedQuickly() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("a"));
        byte[] bomb = Xlsx.withHugeSheet(xlsx, "<worksheet xmlns=\"" + Xlsx.MAIN_NS + "\"><sheetData>", (byte) ' ',
                200L * 1024 * 1024, "</sheetData></worksheet>");
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long start = System.nanoTime();
        TableException e = refusal(new ByteArrayInputStream(bomb));
        assertThat(e.messageKey()).isEqualTo("import.error.unsafe");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefused() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("a"));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"lol\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<worksheet xmlns=\"" + Xlsx.MAIN_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>&e;</t></is></c></row></sheetData></worksheet>";
        String external = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"" + Xlsx.MAIN_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>&x;</t></is></c></row></sheetData></worksheet>";
        for (String sheet : List.of(laughs, external)) {
            byte[] hostile = Xlsx.replace(xlsx, Map.of("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8)));
            assertThat(refusal(new ByteArrayInputStream(hostile)).messageKey()).isEqualTo("import.error.unsafe");
        }
        String strings = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<sst xmlns=\"" + Xlsx.MAIN_NS + "\" count=\"1\" uniqueCount=\"1\"><si><t>&x;</t></si></sst>";
        byte[] hostile = Xlsx.replace(xlsx, Map.of("xl/sharedStrings.xml", strings.getBytes(StandardCharsets.UTF_8)));
        assertThat(refusal(new ByteArrayInputStream(hostile)).messageKey()).isEqualTo("import.error.unsafe");
    }

    @Test
    void aTruncatedWorkbookIsRefused() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("a"));
        byte[] truncated = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThat(refusal(new ByteArrayInputStream(truncated)).messageKey()).isIn("import.error.notSpreadsheet", "import.error.malformed");
    }

    @Test
    void aTemporaryUploadFileIsDeletedOnClose() throws Exception {
        Table table = reader.open(utf8("a\n1\n"));
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var files = java.nio.file.Files.list(tmp)) {
            before = files.filter(p -> p.getFileName().toString().startsWith("civicloop-table-")).count();
        }
        table.close();
        try (var files = java.nio.file.Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("civicloop-table-")).count()).isLessThan(before);
        }
    }

    @Test
    void csvTextAfterAClosingQuoteAndQuotesInsideUnquotedFieldsAreKeptAsExcelDoes() throws Exception {
        try (Table table = reader.open(utf8("名称,备注\n\"青岩\"古镇,他说\"好\"\n"))) {
            assertThat(all(table).get(0).values()).containsExactly("青岩古镇", "他说\"好\"");
        }
    }

    @Test
    void aCsvCellLongerThanExcelAllowsIsRefusedWithItsLineAndColumn() {
        String csv = "a,b\n1,2\n3," + "长".repeat(RowSource.MAX_CELL_LENGTH + 1) + "\n";
        TableException e = refusal(utf8(csv));
        assertThat(e.messageKey()).isEqualTo("import.error.cellTooLong");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.arguments()).containsExactly("B", RowSource.MAX_CELL_LENGTH);
    }

    @Test
    void excelErrorCellsShowTheirCodeAndIsoDateCellsReadAsDates() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("x"));
        String sheet = "<worksheet xmlns=\"" + Xlsx.MAIN_NS + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>比率</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"B2\" t=\"d\"><v>2026-11-27T00:00:00</v></c></row>"
                + "</sheetData></worksheet>";
        byte[] doctored = Xlsx.replace(xlsx, Map.of("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8)));
        try (Table table = reader.open(new ByteArrayInputStream(doctored))) {
            assertThat(all(table).get(0).values()).containsExactly("#DIV/0!", "2026-11-27");
        }
    }

    @Test
    void closingAnExcelTableBeforeItsEndStopsItsReaderThread() throws Exception {
        byte[] xlsx = Xlsx.workbook(wb -> {
            XSSFSheet sheet = wb.createSheet();
            for (int i = 0; i < 5_000; i++) {
                sheet.createRow(i).createCell(0).setCellValue("第" + i + "行");
            }
        });
        try (Table table = reader.open(new ByteArrayInputStream(xlsx))) {
            assertThat(table.next().values()).containsExactly("第1行");
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("civicloop-xlsx-reader");
    }

    @Test
    void theShareReadFollowsTheRowsInCsvAndExcel() throws Exception {
        int rows = 20_000;
        StringBuilder csv = new StringBuilder("诉求内容\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("第").append(i).append("条：小区门口的路灯坏了，晚上出行不便，请尽快修理。\n");
        }
        byte[] xlsx = Xlsx.workbook(wb -> {
            XSSFSheet sheet = wb.createSheet("台账");
            sheet.createRow(0).createCell(0).setCellValue("诉求内容");
            for (int i = 1; i <= rows; i++) {
                sheet.createRow(i).createCell(0).setCellValue("第" + i + "条：小区门口的路灯坏了");
            }
        });
        for (java.io.InputStream in : List.of(utf8(csv.toString()), new ByteArrayInputStream(xlsx))) {
            try (Table table = TableReader.withLimits(rows, 10 * 1024 * 1024).open(in)) {
                List<Double> shares = new ArrayList<>();
                shares.add(table.readShare());
                for (int i = 1; i <= rows; i++) {
                    assertThat(table.next()).as("row " + i).isNotNull();
                    if (i % (rows / 4) == 0) {
                        shares.add(table.readShare());
                    }
                }
                assertThat(table.next()).isNull();
                shares.add(table.readShare());
                // about 1.7 MB of CSV or 1.3 MB of sheet XML: the readers run ahead by at most a few hundred KB
                assertThat(shares.get(0)).as(table.format() + " at the header").isLessThan(0.2);
                assertThat(shares.get(2)).as(table.format() + " at half the rows").isBetween(0.4, 0.7);
                assertThat(shares.get(4)).as(table.format() + " at the last row").isGreaterThan(0.95);
                assertThat(shares.get(5)).as(table.format() + " after the end").isEqualTo(1.0);
                assertThat(shares).as(table.format().name()).isSorted();
            }
        }
    }

    private TableException refusal(java.io.InputStream in) {
        TableException e = catchThrowableOfType(TableException.class, () -> {
            try (Table table = reader.open(in)) {
                all(table);
            }
        });
        assertThat(e).as("a TableException").isNotNull();
        return e;
    }

    static List<Row> all(Table table) throws TableException {
        List<Row> rows = new ArrayList<>();
        for (Row row = table.next(); row != null; row = table.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
