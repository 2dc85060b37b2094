package org.civicloop.legislation.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.civicloop.legislation.report.ReportLayout.Block;
import org.springframework.stereotype.Component;

/** The compiled report as a Word document (Apache POI), in the legislature's layout ({@link ReportLayout}). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportDocx {

    /** The font Chinese government documents are set in; Word falls back to another CJK face where it is missing. */
    private static final String FONT = "FangSong";

    private final ReportLayout layout;

    public byte[] render(CompiledReport report, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block b : layout.blocks(report, locale)) {
                switch (b.kind()) {
                    case TITLE -> run(paragraph(doc, ParagraphAlignment.CENTER), b.text(), 18, true);
                    case SUBTITLE -> run(paragraph(doc, ParagraphAlignment.CENTER), b.text(), 11, false);
                    case HEADING -> run(paragraph(doc, ParagraphAlignment.LEFT), b.text(), 14, true);
                    case LABEL -> run(paragraph(doc, ParagraphAlignment.LEFT), b.text(), 12, true);
                    case TEXT, VIEW -> run(paragraph(doc, ParagraphAlignment.LEFT), b.text(), 12, false);
                    case SIMILAR -> {
                        XWPFParagraph p = paragraph(doc, ParagraphAlignment.LEFT);
                        p.setIndentationLeft(480);
                        run(p, b.text(), 11, false);
                    }
                    case TABLE -> table(doc, b.rows());
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
                run(p, rows.get(r).get(c), 10.5, r == 0);
            }
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static void run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
