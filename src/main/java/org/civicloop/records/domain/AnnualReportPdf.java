package org.civicloop.records.domain;

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
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civicloop.deputies.DeputySummary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual duty report (年度履职报告) of a deputy, as an A4 PDF: the district's header, the deputy, the
 * year's figures (points, activities, rank), a table per activity kind and then the activities grouped by
 * kind with the points each earned. Text from the bundles, Chinese through the bundled font. In bulk, one
 * ZIP holds the report of every serving deputy.
 */
@Component
public class AnnualReportPdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color GREY = new Color(0x5f, 0x6b, 0x7a);
    private static final Color RED = new Color(0xb0, 0x1e, 0x23);
    private static final Color HEAD = new Color(0xe9, 0xec, 0xef);

    private final MessageSource messages;
    private final DutyRecordService records;

    AnnualReportPdf(MessageSource messages, DutyRecordService records) {
        this.messages = messages;
        this.records = records;
    }

    /** One deputy's report; {@code rank} is their place in the ranking of the year, or null when not ranked. */
    public byte[] render(DeputySummary deputy, int year, Integer rank, Locale locale) {
        List<PointLine> lines = records.lines(deputy.id(), year, locale);
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        String title = text("record.pdf.title", locale, String.valueOf(year));
        document.addTitle(title);
        document.addCreator(text("app.name", locale));
        document.open();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(text("record.pdf.dateFormat", locale), locale);

        Paragraph header = new Paragraph(text("record.pdf.header", locale), CjkFont(16, RED));
        header.setAlignment(Element.ALIGN_CENTER);
        header.setSpacingAfter(4);
        document.add(header);
        Paragraph t = new Paragraph(title, CjkFont(20, INK));
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(14);
        document.add(t);

        Font body = CjkFont(11, INK);
        document.add(paragraph(text("record.pdf.deputy", locale, deputy.name(), text("deputyLevel." + deputy.level(), locale),
                deputy.constituency() == null ? "" : deputy.constituency()), body, 6));
        int total = PointCount.total(lines);
        document.add(paragraph(rank == null ? text("record.pdf.figures", locale, total, lines.size())
                : text("record.pdf.figuresRanked", locale, total, lines.size(), rank), CjkFont(13, INK), 10));

        Map<ActivityKind, int[]> byKind = new EnumMap<>(ActivityKind.class);
        for (PointLine l : lines) {
            int[] f = byKind.computeIfAbsent(l.kind(), k -> new int[2]);
            f[0]++;
            f[1] += l.points();
        }
        PdfPTable summary = new PdfPTable(new float[] {5f, 2f, 2f});
        summary.setWidthPercentage(100);
        summary.setSpacingAfter(14);
        Font headFont = CjkFont(10, INK);
        for (String h : List.of(text("record.col.kind", locale), text("record.col.count", locale), text("record.col.points", locale))) {
            PdfPCell c = cell(h, headFont, Element.ALIGN_CENTER);
            c.setBackgroundColor(HEAD);
            summary.addCell(c);
        }
        Font cellFont = CjkFont(10, INK);
        for (var e : byKind.entrySet()) {
            summary.addCell(cell(text("record.kind." + e.getKey().name(), locale), cellFont, Element.ALIGN_LEFT));
            summary.addCell(cell(String.valueOf(e.getValue()[0]), cellFont, Element.ALIGN_RIGHT));
            summary.addCell(cell(String.valueOf(e.getValue()[1]), cellFont, Element.ALIGN_RIGHT));
        }
        summary.addCell(cell(text("record.total", locale), headFont, Element.ALIGN_LEFT));
        summary.addCell(cell(String.valueOf(lines.size()), headFont, Element.ALIGN_RIGHT));
        summary.addCell(cell(String.valueOf(total), headFont, Element.ALIGN_RIGHT));
        document.add(summary);

        if (lines.isEmpty()) {
            document.add(paragraph(text("record.pdf.none", locale), body, 6));
        }
        for (ActivityKind kind : byKind.keySet()) {
            document.add(paragraph(text("record.kind." + kind.name(), locale), CjkFont(13, INK), 4));
            for (PointLine l : lines) {
                if (l.kind() != kind) {
                    continue;
                }
                String what = l.titleHidden() ? text("record.titleHidden", locale) : l.title();
                String points = l.capped() ? text("record.pdf.pointsCapped", locale, l.points(), l.rulePoints())
                        : text("record.pdf.points", locale, l.points());
                // the line's parts apart as each language writes them: 　 in Chinese, " · " in English
                String line = what == null ? text("record.pdf.lineUntitled", locale, l.on().format(dates), points)
                        : text("record.pdf.line", locale, l.on().format(dates), what, points);
                document.add(paragraph(line, CjkFont(10, INK), 2));
            }
            document.add(paragraph("", body, 6));
        }
        Paragraph footer = paragraph(text("record.pdf.footer", locale, records.today().format(dates)), CjkFont(9, GREY), 0);
        footer.setAlignment(Element.ALIGN_RIGHT);
        document.add(footer);
        document.close();
        return out.toByteArray();
    }

    /** Every serving deputy's report of {@code year}, one PDF each, into one ZIP written to {@code out}. */
    public void renderAll(int year, Locale locale, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (DutyRecordService.Standing s : records.ranking(year)) {
                zip.putNextEntry(new ZipEntry(fileName(s.deputy(), year, locale)));
                zip.write(render(s.deputy(), year, s.rank(), locale));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String fileName(DeputySummary deputy, int year, Locale locale) {
        return text("record.pdf.fileName", locale, String.valueOf(year), deputy.name().replaceAll("[\\\\/:*?\"<>|]", "_"),
                String.valueOf(deputy.id())) + ".pdf";
    }

    private static Font CjkFont(float size, Color color) {
        return org.civicloop.shared.pdf.CjkFont.of(size, color);
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setLeading(font.getSize() * 1.5f);
        p.setSpacingAfter(after);
        return p;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        return c;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
