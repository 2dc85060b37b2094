package org.civicloop.liaison.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QR codes for duty addresses, as raster (PNG), vector (SVG) or a module matrix for the PDF poster.
 * Error correction M (15%) survives a poster's wear; the quiet zone is the standard 4 modules.
 */
final class QrCodes {

    static final int QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, QUIET_ZONE);

    private QrCodes() {
    }

    /** One matrix cell per module, quiet zone included. */
    static BitMatrix modules(String text) {
        return encode(text, 0);
    }

    /** A square PNG of about {@code size} pixels (whole pixels per module, centred). */
    static byte[] png(String text, int size) {
        BitMatrix matrix = encode(text, size);
        var out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A real vector SVG: one unit per module, each row's runs of dark modules as one path, so it
     * scales to any poster size without blur. The viewBox includes the quiet zone.
     */
    static String svg(String text) {
        BitMatrix m = modules(text);
        int w = m.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < w) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + w + " " + m.getHeight()
                + "\" width=\"" + w * 10 + "\" height=\"" + m.getHeight() * 10 + "\" shape-rendering=\"crispEdges\">\n"
                + "<title>" + escape(text) + "</title>\n"
                + "<rect width=\"" + w + "\" height=\"" + m.getHeight() + "\" fill=\"#ffffff\"/>\n"
                + "<path fill=\"#000000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    private static BitMatrix encode(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for this text", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
