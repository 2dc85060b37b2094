package org.civicloop.opinions.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.civicloop.shared.BusinessException;

/**
 * Accepts a JPEG or PNG photo by its bytes (not its name or declared type), refuses decompression
 * bombs, and re-encodes the pixels: the stored file carries no EXIF, so no GPS position, camera
 * serial or time survives. Large photos are scaled down to {@value #MAX_SIDE} pixels.
 */
public final class PhotoCleaner {

    static final int MAX_SIDE = 2048;
    private static final long MAX_PIXELS = 50_000_000L;

    private PhotoCleaner() {
    }

    public record CleanPhoto(String contentType, byte[] bytes, int width, int height) {
    }

    public static CleanPhoto clean(byte[] data, long maxBytes) {
        if (data.length == 0) {
            throw BusinessException.invalid("opinion.error.photoEmpty");
        }
        if (data.length > maxBytes) {
            throw BusinessException.invalid("opinion.error.photoTooLarge", maxBytes / 1024 / 1024);
        }
        String format = isJpeg(data) ? "jpeg" : isPng(data) ? "png" : null;
        if (format == null) {
            throw BusinessException.invalid("opinion.error.photoType");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw BusinessException.invalid("opinion.error.photoType");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata while reading
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw BusinessException.invalid("opinion.error.photoDimensions");
                }
                BufferedImage image = reader.read(0);
                BufferedImage scaled = scale(image, format.equals("jpeg"));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (!ImageIO.write(scaled, format, out)) {
                    throw BusinessException.invalid("opinion.error.photoType");
                }
                return new CleanPhoto(format.equals("jpeg") ? "image/jpeg" : "image/png", out.toByteArray(),
                        scaled.getWidth(), scaled.getHeight());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw BusinessException.invalid("opinion.error.photoUnreadable");
        }
    }

    private static BufferedImage scale(BufferedImage image, boolean opaque) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int nw = Math.max(1, (int) Math.round(w * factor));
        int nh = Math.max(1, (int) Math.round(h * factor));
        BufferedImage target = new BufferedImage(nw, nh, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        var g = target.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, nw, nh, null);
        g.dispose();
        return target;
    }

    private static boolean isJpeg(byte[] d) {
        return d.length > 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] d) {
        return d.length > 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
    }
}
