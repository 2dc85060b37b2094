package org.civicloop.liaison.disputes;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.pdf.CjkFont;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mediation agreement (调解协议书) of an agreed dispute, as an A4 PDF: the site, the parties, the
 * subject, the agreed terms, the mediating deputies and lines to sign. Text from the bundles, Chinese
 * through the bundled font. It names the parties, so only those who may see them download it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AgreementPdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color GREY = new Color(0x5f, 0x6b, 0x7a);

    private final MessageSource messages;

    public byte[] render(Dispute d, String siteName, List<String> deputyNames, Locale locale) {
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 64, 64, 64, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(text("dispute.pdf.title", locale));
        document.addCreator(text("app.name", locale));
        document.open();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(text("dispute.pdf.dateFormat", locale), locale);

        Paragraph title = new Paragraph(text("dispute.pdf.title", locale), CjkFont.of(22, INK));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6);
        document.add(title);
        Paragraph number = new Paragraph(text("dispute.pdf.number", locale, String.valueOf(d.id()), siteName), CjkFont.of(10, GREY));
        number.setAlignment(Element.ALIGN_CENTER);
        number.setSpacingAfter(18);
        document.add(number);

        Font body = CjkFont.of(12, INK);
        for (int i = 0; i < d.parties().size(); i++) {
            Party p = d.parties().get(i);
            String line = p.phone() == null ? text("dispute.pdf.party", locale, i + 1, p.name())
                    : text("dispute.pdf.partyWithPhone", locale, i + 1, p.name(), p.phone());
            document.add(paragraph(line, body, 4));
        }
        document.add(paragraph(text("dispute.pdf.subject", locale, d.subject()), body, 10));
        document.add(paragraph(text("dispute.pdf.facts", locale), CjkFont.of(13, INK), 4));
        document.add(paragraph(d.description(), body, 10));
        document.add(paragraph(text("dispute.pdf.terms", locale), CjkFont.of(13, INK), 4));
        document.add(paragraph(d.outcomeText(), body, 10));
        document.add(paragraph(text("dispute.pdf.mediators", locale, String.join(text("dispute.pdf.separator", locale),
                deputyNames)), body, 4));
        document.add(paragraph(text("dispute.pdf.effect", locale), CjkFont.of(10, GREY), 24));
        for (int i = 0; i < d.parties().size(); i++) {
            document.add(paragraph(text("dispute.pdf.sign", locale, i + 1), body, 14));
        }
        document.add(paragraph(text("dispute.pdf.mediatorSign", locale), body, 14));
        Paragraph date = new Paragraph(d.closedOn() == null ? "" : d.closedOn().format(dates), body);
        date.setAlignment(Element.ALIGN_RIGHT);
        document.add(date);
        document.close();
        return out.toByteArray();
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setLeading(font.getSize() * 1.6f);
        p.setSpacingAfter(after);
        return p;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
