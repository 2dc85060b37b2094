package org.civicloop.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helpers: real workbooks made with POI's full API, and doctored copies of them. */
final class Xlsx {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private Xlsx() {
    }

    interface Filler {
        void fill(XSSFWorkbook workbook) throws IOException;
    }

    static byte[] workbook(Filler filler) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            filler.fill(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A copy of the package with some entries' contents replaced (or added). */
    static byte[] replace(byte[] xlsx, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                byte[] replacement = entries.get(entry.getName());
                zip.write(replacement != null ? replacement : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A copy whose first sheet is {@code head}, {@code filler} repeated, then {@code tail}: a zip bomb when large. */
    static byte[] withHugeSheet(byte[] xlsx, String head, byte filler, long fillerBytes, String tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    writeHuge(zip, head, filler, fillerBytes, tail);
                } else {
                    zip.write(in.readAllBytes());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void writeHuge(OutputStream out, String head, byte filler, long count, String tail) throws IOException {
        out.write(head.getBytes(StandardCharsets.UTF_8));
        byte[] block = new byte[1 << 16];
        java.util.Arrays.fill(block, filler);
        for (long written = 0; written < count; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, count - written));
        }
        out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
}
