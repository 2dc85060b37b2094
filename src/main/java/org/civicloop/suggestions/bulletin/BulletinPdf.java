package org.civicloop.suggestions.bulletin;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.pdf.CjkFont;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.Ratio;
import org.civicloop.suggestions.kpi.UnitKpis;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A bulletin as an A4 landscape PDF in the reader's language, drawn from the stored figures only
 * (so the PDF of a published bulletin is the same every time): per unit the counts, reply and
 * on-time rates, the result classes and the satisfaction rate; the district's totals; the overdue
 * list (title, unit, deadline, days overdue; nothing about voters); the definitions. Chinese
 * renders through the bundled font ({@link CjkFont}), embedded as a subset.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BulletinPdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color GREY = new Color(0x5f, 0x6b, 0x7a);
    private static final Color RED = new Color(0xa4, 0x16, 0x1a);
    private static final Color HEAD = new Color(0xee, 0xf1, 0xf5);
    private static final int CACHED = 32;

    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;
    /** Published bulletins never change, so their PDFs are kept (a burst of public downloads costs one rendering). */
    private final Map<String, byte[]> published = Collections.synchronizedMap(new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    byte[] render(BulletinView b, Locale locale) {
        if (!b.published()) {
            return draw(b, locale);
        }
        String key = b.id() + "/" + locale.toLanguageTag();
        byte[] pdf = published.computeIfAbsent(key, k -> draw(b, locale));
        return pdf.clone();
    }

    private byte[] draw(BulletinView b, Locale locale) {
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(b.title());
        document.addCreator(text("app.name", locale));
        document.open();

        Paragraph title = new Paragraph(b.title(), CjkFont.of(20, RED));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6);
        document.add(title);
        Paragraph sub = new Paragraph(text("bulletin.pdf.subtitle", locale, b.period().label(messages, locale),
                date(b.publishedAt() != null ? b.publishedAt() : b.generatedAt(), locale)), CjkFont.of(11, GREY));
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(12);
        document.add(sub);
        if (!b.published()) {
            Paragraph draft = new Paragraph(text("bulletin.pdf.draft", locale), CjkFont.of(11, RED));
            draft.setAlignment(Element.ALIGN_CENTER);
            draft.setSpacingAfter(8);
            document.add(draft);
        }
        if (b.foreword() != null) {
            Paragraph foreword = new Paragraph(b.foreword(), CjkFont.of(11, INK));
            foreword.setLeading(18);
            foreword.setSpacingAfter(10);
            document.add(foreword);
        }

        document.add(heading(text("bulletin.units", locale)));
        document.add(unitTable(b, locale));

        document.add(heading(text("bulletin.overdue", locale, b.overdue().size())));
        if (b.overdue().isEmpty()) {
            document.add(new Paragraph(text("bulletin.overdue.none", locale), CjkFont.of(10, GREY)));
        } else {
            document.add(overdueTable(b, locale));
        }

        document.add(heading(text("kpi.dashboard.definitions", locale)));
        Font small = CjkFont.of(8.5f, GREY);
        String solved = String.join(text("common.listSeparator", locale), b.solvedClasses());
        String implemented = String.join(text("common.listSeparator", locale), b.implementedClasses());
        for (String line : List.of(
                line(text("kpi.replyRate", locale), text("kpi.replyRate.definition", locale), locale),
                line(text("kpi.onTimeRate", locale), text("kpi.onTimeRate.definition", locale), locale),
                line(text("kpi.satisfactionRate", locale), text("kpi.satisfactionRate.definition", locale), locale),
                line(text("kpi.solvedRate", locale), text("kpi.solvedRate.definition", locale, solved), locale),
                line(text("kpi.implementedRate", locale), text("kpi.implementedRate.definition", locale, implemented), locale),
                line(text("kpi.col.overdue", locale), text("kpi.overdue.definition", locale), locale),
                text("kpi.scope", locale))) {
            Paragraph p = new Paragraph(line, small);
            p.setLeading(12);
            document.add(p);
        }
        for (KpiReport.ResultClass c : b.classes()) {
            Paragraph p = new Paragraph(text("kpi.classDefinition", locale, c.code(), c.label(locale)), small);
            p.setLeading(12);
            document.add(p);
        }
        Paragraph footer = new Paragraph(text("app.footer", locale), CjkFont.of(8, GREY));
        footer.setSpacingBefore(10);
        footer.setAlignment(Element.ALIGN_CENTER);
        document.add(footer);
        document.close();
        return out.toByteArray();
    }

    private PdfPTable unitTable(BulletinView b, Locale locale) {
        List<String> head = new ArrayList<>(List.of(text("kpi.col.unit", locale), text("kpi.col.assigned", locale),
                text("kpi.col.replied", locale), text("kpi.replyRate", locale), text("kpi.col.onTime", locale),
                text("kpi.onTimeRate", locale), text("kpi.col.overdue", locale)));
        for (KpiReport.ResultClass c : b.classes()) {
            head.add(text("kpi.class", locale, c.code()));
        }
        head.add(text("kpi.satisfactionRate", locale));
        float[] widths = new float[head.size()];
        widths[0] = 4.2f;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.4f;
        }
        widths[widths.length - 1] = 2.2f;
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(12);
        Font headFont = CjkFont.of(8.5f, INK);
        for (String h : head) {
            PdfPCell cell = cell(h, headFont, Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEAD);
            table.addCell(cell);
        }
        Font body = CjkFont.of(9, INK);
        for (UnitKpis u : b.units()) {
            unitRow(table, u, u.unitName(), b, body, locale);
        }
        if (b.district() != null) {
            unitRow(table, b.district(), text("kpi.district", locale), b, CjkFont.of(9, RED), locale);
        }
        return table;
    }

    private void unitRow(PdfPTable table, UnitKpis u, String name, BulletinView b, Font font, Locale locale) {
        table.addCell(cell(name, font, Element.ALIGN_LEFT));
        table.addCell(number(u.assigned(), font));
        table.addCell(number(u.replied(), font));
        table.addCell(rate(u.replyRate(), font, locale));
        table.addCell(number(u.onTime(), font));
        table.addCell(rate(u.onTimeRate(), font, locale));
        table.addCell(number(u.overdue(), font));
        for (KpiReport.ResultClass c : b.classes()) {
            table.addCell(number(u.classCount(c.code()), font));
        }
        table.addCell(rate(u.satisfactionRate(), font, locale));
    }

    private PdfPTable overdueTable(BulletinView b, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {7f, 4f, 2.2f, 1.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(12);
        Font headFont = CjkFont.of(8.5f, INK);
        for (String h : List.of(text("bulletin.col.suggestion", locale), text("kpi.col.unit", locale),
                text("bulletin.col.dueAt", locale), text("bulletin.col.daysOverdue", locale))) {
            PdfPCell cell = cell(h, headFont, Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEAD);
            table.addCell(cell);
        }
        Font body = CjkFont.of(9, INK);
        for (BulletinView.Overdue o : b.overdue()) {
            table.addCell(cell(o.confidential() ? text("bulletin.confidentialTitle", locale) : o.title(), body, Element.ALIGN_LEFT));
            table.addCell(cell(text("bulletin.unitWithRole", locale, o.unitName(), text("suggestion.role." + o.role(), locale)), body, Element.ALIGN_LEFT));
            table.addCell(cell(date(o.dueAt(), locale), body, Element.ALIGN_CENTER));
            table.addCell(number(o.daysOverdue(), body));
        }
        return table;
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, CjkFont.of(13, INK));
        p.setSpacingBefore(6);
        p.setSpacingAfter(6);
        return p;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(4);
        cell.setBorderColor(new Color(0xc8, 0xcf, 0xd8));
        return cell;
    }

    private static PdfPCell number(long n, Font font) {
        return cell(Long.toString(n), font, Element.ALIGN_RIGHT);
    }

    private PdfPCell rate(Ratio r, Font font, Locale locale) {
        String value = r.defined() ? r.text() : text("kpi.none", locale);
        return cell(value + "\n" + r.numerator() + "/" + r.denominator(), font, Element.ALIGN_RIGHT);
    }

    private String date(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern(text("format.date", locale), locale).format(at.atZone(zone));
    }

    /** "办复率：…" in Chinese, "Reply rate: …" in English: the colon from the bundle. */
    private String line(String name, String definition, Locale locale) {
        return text("kpi.definitionLine", locale, name, definition);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
