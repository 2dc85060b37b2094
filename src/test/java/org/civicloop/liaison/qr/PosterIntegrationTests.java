package org.civicloop.liaison.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The printable A4 poster: Chinese text really in the PDF, the font embedded as a subset, a small file. */
@IntegrationTest
class PosterIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(PosterIntegrationTests.class);

    @Autowired
    MockMvc mvc;

    @Test
    void aDeputysPosterNamesHimHisCongressAndTheAddress() throws Exception {
        byte[] pdf = poster("wangjg2026hx");
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        // A4 is 595 × 842 points
        assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f);
        assertThat(reader.getPageSize(1).getHeight()).isEqualTo(842f);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("扫码向人大代表反映意见", "王建国", "花溪区人大代表", "青岩镇第二选区",
                "记下页面上的回执码", "http://localhost:8080/o/wangjg2026hx");
    }

    @Test
    void aStationsPosterNamesTheStationAndItsType() throws Exception {
        String text = new PdfTextExtractor(new PdfReader(poster("qingyan2026z"))).getTextFromPage(1);
        assertThat(text).contains("扫码向联络站反映意见", "青岩镇人大代表联络站", "代表联络站",
                "http://localhost:8080/o/qingyan2026z");
    }

    @Test
    void theChineseFontIsEmbeddedAsASubsetSoThePosterStaysSmall() throws Exception {
        byte[] pdf = poster("wangjg2026hx");
        log.info("A4 poster for wangjg2026hx: {} bytes", pdf.length);
        List<PdfDictionary> fonts = fonts(new PdfReader(pdf));
        assertThat(fonts).hasSize(1);
        PdfDictionary type0 = fonts.get(0);
        assertThat(type0.getAsName(PdfName.SUBTYPE)).isEqualTo(PdfName.TYPE0);
        assertThat(type0.getAsName(PdfName.ENCODING)).isEqualTo(new PdfName("Identity-H"));
        assertThat(type0.get(PdfName.TOUNICODE)).as("text can be searched and copied").isNotNull();
        PdfDictionary cid = (PdfDictionary) PdfReader.getPdfObject(type0.getAsArray(PdfName.DESCENDANTFONTS).getPdfObject(0));
        PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(cid.get(PdfName.FONTDESCRIPTOR));
        // a subset's name starts with six capitals and a plus: ABCDEF+WenQuanYiMicroHei
        assertThat(descriptor.getAsName(PdfName.FONTNAME).toString()).matches("/[A-Z]{6}\\+WenQuanYiMicroHei");
        assertThat(descriptor.get(PdfName.FONTFILE2)).as("the TrueType program is embedded").isNotNull();
        // the font file is 5,177,387 bytes; the glyphs of one poster are a few dozen kilobytes
        assertThat(pdf.length).isLessThan(150_000);
    }

    @Test
    void thePosterIsInChineseForVotersAndInEnglishOnRequest() throws Exception {
        byte[] pdf = mvc.perform(get("/public/qr/wangjg2026hx/poster.pdf?lang=en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("Scan to reach your deputy", "王建国", "Deputy to the 花溪区 People's Congress");
    }

    private byte[] poster(String token) throws Exception {
        return mvc.perform(get("/public/qr/{t}/poster.pdf", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"duty-code-" + token + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static List<PdfDictionary> fonts(PdfReader reader) {
        PdfDictionary resources = (PdfDictionary) PdfReader.getPdfObject(reader.getPageN(1).get(PdfName.RESOURCES));
        PdfDictionary fonts = (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.FONT));
        List<PdfDictionary> result = new ArrayList<>();
        for (PdfName name : fonts.getKeys()) {
            result.add((PdfDictionary) PdfReader.getPdfObject(fonts.get(name)));
        }
        return result;
    }
}
