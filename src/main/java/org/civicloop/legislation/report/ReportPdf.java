package org.civicloop.legislation.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.legislation.report.ReportLayout.Block;
import org.civicloop.shared.pdf.CjkFont;
import org.springframework.stereotype.Component;

/** The compiled report as an A4 PDF, the same blocks as the .docx, Chinese through the bundled font. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportPdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color GREY = new Color(0x5f, 0x6b, 0x7a);

    private final ReportLayout layout;

    public byte[] render(CompiledReport report, Locale locale) {
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(report.draft().title());
        document.open();
        for (Block b : layout.blocks(report, locale)) {
            switch (b.kind()) {
                case TITLE -> document.add(paragraph(b.text(), CjkFont.of(18, INK), Element.ALIGN_CENTER, 0, 6));
                case SUBTITLE -> document.add(paragraph(b.text(), CjkFont.of(10, GREY), Element.ALIGN_CENTER, 0, 14));
                case HEADING -> document.add(paragraph(b.text(), CjkFont.of(14, INK), Element.ALIGN_LEFT, 0, 6));
                case LABEL -> document.add(paragraph(b.text(), CjkFont.of(11, GREY), Element.ALIGN_LEFT, 0, 2));
                case TEXT, VIEW -> document.add(paragraph(b.text(), CjkFont.of(12, INK), Element.ALIGN_LEFT, 0, 6));
                case SIMILAR -> document.add(paragraph(b.text(), CjkFont.of(11, GREY), Element.ALIGN_LEFT, 24, 4));
                case TABLE -> document.add(table(b.rows()));
            }
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(List<List<String>> rows) {
        PdfPTable table = new PdfPTable(rows.get(0).size());
        table.setWidthPercentage(100);
        table.setSpacingAfter(12);
        for (int r = 0; r < rows.size(); r++) {
            for (String cell : rows.get(r)) {
                PdfPCell c = new PdfPCell(new Phrase(cell, CjkFont.of(r == 0 ? 10 : 10.5f, r == 0 ? GREY : INK)));
                c.setPadding(4);
                table.addCell(c);
            }
        }
        return table;
    }

    private static Paragraph paragraph(String text, Font font, int alignment, float indent, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(alignment);
        p.setIndentationLeft(indent);
        p.setSpacingAfter(after);
        return p;
    }
}
