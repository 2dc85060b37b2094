package org.civicloop.shared.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every CivicLoop PDF writes Chinese with. OpenPDF's built-in fonts have no Chinese
 * glyphs and drop the characters silently, and a server cannot be trusted to have a CJK font
 * installed, so the jar carries WenQuanYi Micro Hei ({@code /fonts/wqy-microhei.ttc}, Apache 2.0
 * or GPLv3 with the font exception, licence beside it). It is embedded as a subset: a document
 * holds only the glyphs it uses (a poster is tens of kilobytes, not the font's 5 MB).
 *
 * <p>The font file is read once, on first use; the {@link BaseFont} is shared by all documents
 * (OpenPDF records the glyphs used per document, not in the font).
 */
public final class CjkFont {

    /** The classpath resource; {@code ,0} picks the first face of the collection (Micro Hei, not Mono). */
    public static final String RESOURCE = "/fonts/wqy-microhei.ttc";

    private CjkFont() {
    }

    /** The embedded, subset, Unicode (Identity-H) base font. */
    public static BaseFont base() {
        return Holder.BASE;
    }

    public static Font of(float size) {
        return new Font(base(), size, Font.NORMAL);
    }

    public static Font of(float size, Color color) {
        return new Font(base(), size, Font.NORMAL, color);
    }

    private static final class Holder {
        static final BaseFont BASE = load();

        private static BaseFont load() {
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled font " + RESOURCE + " is missing from the classpath");
                }
                byte[] bytes = in.readAllBytes();
                // the byte-array overload: a font inside a jar has no file name OpenPDF could open
                return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        true, bytes, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the bundled font " + RESOURCE, e);
            }
        }
    }
}
