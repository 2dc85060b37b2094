package org.civicloop.liaison.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The public QR codes, read back with ZXing's own reader. Figures by hand: the demo address
 * {@code http://localhost:8080/o/wangjg2026hx} is 36 bytes; byte mode at error correction M holds
 * 26 bytes in version 2 and 42 in version 3, so the code is version 3: 29 × 29 modules, 37 × 37
 * with the 4-module quiet zone on each side.
 */
@IntegrationTest
class QrCodeIntegrationTests {

    private static final String WANG = "http://localhost:8080/o/wangjg2026hx";
    private static final String QINGYAN = "http://localhost:8080/o/qingyan2026z";

    @Autowired
    MockMvc mvc;

    @Test
    void thePngHoldsTheExactAddressAndNeedsNoSignIn() throws Exception {
        byte[] png = mvc.perform(get("/public/qr/wangjg2026hx.png"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", "max-age=3600, public"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // 600 px asked (the default): 600 / 37 = 16 px a module, 592 px of code centred in 600
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(decode(image)).isEqualTo(WANG);
    }

    @Test
    void theSizeIsBounded() throws Exception {
        byte[] small = mvc.perform(get("/public/qr/qingyan2026z.png?size=120")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(small));
        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(decode(image)).isEqualTo(QINGYAN);
        mvc.perform(get("/public/qr/qingyan2026z.png?size=119")).andExpect(status().isBadRequest());
        mvc.perform(get("/public/qr/qingyan2026z.png?size=2001")).andExpect(status().isBadRequest());
        mvc.perform(get("/public/qr/qingyan2026z.png?size=2000")).andExpect(status().isOk());
    }

    @Test
    void theSvgIsWellFormedVectorWithTheExpectedModules() throws Exception {
        byte[] svg = mvc.perform(get("/public/qr/qingyan2026z.svg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 37 37");
        assertThat(xml.getElementsByTagNameNS("*", "image").getLength()).as("no embedded raster").isZero();

        // rebuild the module matrix from the path's runs ("M x y h n v1 h-n z")
        String d = ((Element) xml.getElementsByTagNameNS("*", "path").item(0)).getAttribute("d");
        BitMatrix modules = new BitMatrix(37, 37);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int dark = 0;
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).as("runs follow each other with nothing between").isEqualTo(end);
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int n = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            assertThat(x).isBetween(4, 32);
            assertThat(y).as("the quiet zone stays empty").isBetween(4, 32);
            assertThat(x + n).isLessThanOrEqualTo(33);
            modules.setRegion(x, y, n, 1);
            dark += n;
        }
        assertThat(end).isEqualTo(d.length());
        // the three finder patterns alone are 3 × 33 dark modules (7×7 ring 24 + 3×3 core 9)
        assertThat(dark).isGreaterThan(99).isLessThan(29 * 29);
        assertThat(modules).isEqualTo(QrCodes.modules(QINGYAN));
        // and the rebuilt vector code scans
        assertThat(decode(MatrixToImageWriter.toBufferedImage(scale(modules, 8)))).isEqualTo(QINGYAN);
    }

    @Test
    void anUnknownOrMalformedTokenIsNotFound() throws Exception {
        mvc.perform(get("/public/qr/zzzzzzzzzzzz.png")).andExpect(status().isNotFound());
        mvc.perform(get("/public/qr/zzzzzzzzzzzz.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/public/qr/zzzzzzzzzzzz/poster.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/public/qr/short.png")).andExpect(status().isNotFound());
    }

    @Test
    void aCodeTypedInCapitalsStillServesTheStoredCode() throws Exception {
        byte[] png = mvc.perform(get("/public/qr/WANGJG2026HX.png")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(WANG);
    }

    private static String decode(BufferedImage image) throws Exception {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
    }

    private static BitMatrix scale(BitMatrix m, int factor) {
        BitMatrix big = new BitMatrix(m.getWidth() * factor, m.getHeight() * factor);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    big.setRegion(x * factor, y * factor, factor, factor);
                }
            }
        }
        return big;
    }
}
