package org.civicloop.liaison.qr;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.pdf.CjkFont;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printable A4 poster of a duty QR code: who receives the opinion, a large code, three steps
 * in plain words, and the address in small print for those who cannot scan. All text comes from
 * the message bundles; Chinese renders through the bundled font, embedded as a subset.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DutyCodePoster {

    private static final Color RED = new Color(0xa4, 0x16, 0x1a);
    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color GREY = new Color(0x5f, 0x6b, 0x7a);
    /** The printed code's side: 11 cm, scannable from two metres. */
    private static final float QR_SIDE = 312f;

    /** Posters recently made. The key holds everything printed, so a changed name or a new token is a new key. */
    private static final int CACHED_POSTERS = 64;

    private final MessageSource messages;
    private final Map<Key, byte[]> recent = Collections.synchronizedMap(new LinkedHashMap<>(CACHED_POSTERS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CACHED_POSTERS;
        }
    });

    private record Key(DutyCodeSubject subject, String address, Locale locale) {
    }

    /**
     * The poster's PDF. Anyone may ask for it without signing in, so the last few dozen are kept:
     * a burst of downloads costs one rendering (tens of milliseconds and the font subsetting) per poster.
     */
    byte[] render(DutyCodeSubject subject, String address, Locale locale) {
        Key key = new Key(subject, address, locale);
        byte[] cached = recent.get(key);
        if (cached == null) {
            cached = draw(subject, address, locale);
            recent.put(key, cached);
        }
        return cached.clone();
    }

    private byte[] draw(DutyCodeSubject subject, String address, Locale locale) {
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 60, 48);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(text("poster.title", locale, subject.name()));
        document.addCreator(text("app.name", locale));
        document.open();

        boolean deputy = subject.kind() == DutyCodeSubject.Kind.DEPUTY;
        document.add(centred(text(deputy ? "poster.heading.deputy" : "poster.heading.site", locale),
                CjkFont.of(30, RED), 0, 18, true));
        document.add(centred(subject.name(), CjkFont.of(26, INK), 0, 6, true));
        document.add(centred(description(subject, locale), CjkFont.of(15, GREY), 0, 14, false));

        Image code = Image.getInstance(qr(writer.getDirectContent(), QrCodes.modules(address)));
        code.setAlignment(Element.ALIGN_CENTER);
        code.setSpacingAfter(10);
        document.add(code);

        Font step = CjkFont.of(16, INK);
        for (int i = 1; i <= 3; i++) {
            Paragraph p = new Paragraph(text("poster.step" + i, locale), step);
            p.setIndentationLeft(48);
            p.setFirstLineIndent(-22);
            p.setIndentationRight(24);
            p.setSpacingAfter(8);
            p.setLeading(24);
            document.add(p);
        }
        document.add(centred(text("poster.address", locale, address), CjkFont.of(10, GREY), 18, 4, false));
        document.add(centred(text("app.footer", locale), CjkFont.of(9, GREY), 0, 0, false));
        document.close();
        return out.toByteArray();
    }

    private String description(DutyCodeSubject subject, Locale locale) {
        String category;
        if (subject.kind() == DutyCodeSubject.Kind.DEPUTY) {
            category = subject.congress() != null ? text("poster.deputyOf", locale, subject.congress())
                    : text("poster.deputyOf." + subject.category(), locale);
        } else {
            category = text("siteType." + subject.category(), locale);
        }
        return subject.detail() == null || subject.detail().isBlank() ? category
                : text("poster.description", locale, category, subject.detail());
    }

    /** The code as vector squares: crisp at any print size, a few kilobytes. */
    private static PdfTemplate qr(PdfContentByte canvas, BitMatrix modules) {
        float cell = QR_SIDE / modules.getWidth();
        PdfTemplate template = canvas.createTemplate(QR_SIDE, QR_SIDE);
        template.setColorFill(Color.BLACK);
        int h = modules.getHeight();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                // a hair taller than a module, so no white seam shows between rows on screen
                template.rectangle(start * cell, (h - 1 - y) * cell - 0.05f, (x - start) * cell, cell + 0.05f);
            }
        }
        template.fill();
        return template;
    }

    private static Paragraph centred(String text, Font font, float before, float after, boolean emphasis) {
        Chunk chunk = new Chunk(text, font);
        if (emphasis) {
            // the font has one weight: a thin outline in the text colour reads as bold
            chunk.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, font.getSize() / 40f, font.getColor());
        }
        Paragraph p = new Paragraph(chunk);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.4f);
        return p;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
