package org.civicloop.shared.spreadsheet;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Run in a JVM with a small heap by {@link SpreadsheetMemoryTests}: writes a 100,000 × 10 ledger
 * to a file, reads it back, checks it and prints the figures. Exit status 0 means it all fit.
 */
public final class SpreadsheetMemoryProbe {

    static final int ROWS = 100_000;

    private SpreadsheetMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        List<Column> columns = List.of(Column.whole("序号"), Column.text("编号"), Column.text("标题"),
                Column.text("诉求内容"), Column.text("联系电话"), Column.decimal("金额"), Column.whole("天数"),
                Column.dateTime("登记时间"), Column.date("办结日期"), Column.text("办理单位"));
        LocalDateTime base = LocalDateTime.of(2026, 1, 1, 8, 0);

        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             StreamingWorkbookWriter writer = StreamingWorkbookWriter.builder(columns)
                     .sheetName("压力测试").title("十万行台账").open(out)) {
            for (int i = 0; i < ROWS; i++) {
                writer.row(i, "HX-2026-" + i, "关于花溪区第" + i + "号路灯不亮的反映",
                        "群众反映：路灯不亮，\"请尽快\"维修，谢谢！\n第二行" + i, "138" + String.format("%08d", i),
                        BigDecimal.valueOf(i, 2), i % 30, base.plusMinutes(i), LocalDate.of(2026, 1, 1).plusDays(i % 365),
                        "花溪区住房和城乡建设局");
            }
            writer.finish();
        }
        long writeMillis = (System.nanoTime() - start) / 1_000_000;
        long size = Files.size(file);

        start = System.nanoTime();
        int read = 0;
        try (Table table = TableReader.withLimits(ROWS, 200L * 1024 * 1024).skipRows(1).open(file)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                if (read == 12_345) {
                    check(row.get("编号").equals("HX-2026-12345"), "text " + row);
                    check(row.get("诉求内容").equals("群众反映：路灯不亮，\"请尽快\"维修，谢谢！\n第二行12345"), "multi-line " + row);
                    check(row.get("金额").equals("123.45"), "decimal " + row);
                    check(row.get("登记时间").equals("2026-01-09 21:45"), "date-time " + row);
                    check(row.line() == 12_345 + 3, "line " + row.line());
                }
                read++;
            }
        }
        long readMillis = (System.nanoTime() - start) / 1_000_000;
        check(read == ROWS, "rows read " + read);

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("PROBE rows=%d columns=%d writeMillis=%d readMillis=%d bytes=%d peakHeapBytes=%d maxHeapBytes=%d%n",
                ROWS, columns.size(), writeMillis, readMillis, size, peak, Runtime.getRuntime().maxMemory());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("PROBE FAILED " + what);
            System.exit(2);
        }
    }
}
