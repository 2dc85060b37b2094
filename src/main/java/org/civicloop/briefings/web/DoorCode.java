package org.civicloop.briefings.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The QR code shown at a briefing's door: the address of its sign-in page, drawn with ZXing as the
 * duty codes are (liaison.qr keeps its helper to itself): error correction M, a 4-module quiet zone.
 */
final class DoorCode {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, 4);

    private DoorCode() {
    }

    /** {@code <base>/briefings/sign-in/<token>}. */
    static String address(String publicBaseUrl, String token) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/briefings/sign-in/" + token;
    }

    static byte[] png(String text, int size) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
            var out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for this text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
