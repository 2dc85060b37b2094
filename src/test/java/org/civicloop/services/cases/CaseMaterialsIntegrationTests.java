package org.civicloop.services.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.Locale;
import java.util.UUID;
import org.civicloop.services.cases.domain.MaterialFiles;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Issue 12, uploads: PDF, JPEG or PNG only, judged by the content (a .pdf that is really a PNG or a
 * program is refused, saying so), at most 10 MB; nothing is kept when anything is wrong; a second send
 * of the same form makes no second application; a material is read only by the applicant, the window
 * and the departments of that application.
 */
@IntegrationTest
class CaseMaterialsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MaterialFiles files;

    MockMultipartHttpServletRequestBuilder form(String key, MockMultipartFile... uploads) {
        MockMultipartHttpServletRequestBuilder r = multipart("/services/apply/enterprise-migration");
        for (MockMultipartFile f : uploads) {
            r.file(f);
        }
        CaseFixtures.answers().forEach((k, v) -> r.param("a-" + k, v));
        CaseFixtures.values().forEach((k, v) -> r.param("f-" + k, v));
        r.param("applicantName", "花溪示例科技有限公司").param("applicantPhone", "13885112345").param("consent", "true")
                .param("submissionKey", key);
        r.with(user(demo.user("enterprise"))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE);
        return r;
    }

    long applications(String key) {
        return jdbc.sql("select count(*) from service_case where submission_key like :k").param("k", "%:" + key)
                .query(Long.class).single();
    }

    @Test
    void aMislabelledFileIsRefusedSayingWhatItReallyIsAndNothingIsKept() throws Exception {
        String key = UUID.randomUUID().toString();
        var response = mvc.perform(form(key,
                new MockMultipartFile("m-resolution", "resolution.pdf", "application/pdf", CaseFixtures.PNG),
                new MockMultipartFile("m-address-proof", "lease.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 1, 2})))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        var page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#error-summary").text())
                .contains("文件名与内容不符：这其实是一张 PNG 图片")
                .contains("这是一个程序文件，不能作为材料上传");
        assertThat(page.select("#error-summary a[href=#material-resolution]")).isNotEmpty();
        assertThat(page.select("input[name=submissionKey]").val()).isEqualTo(key);
        assertThat(page.select("#field-new-address").val()).isEqualTo("花溪区溪北路88号");
        assertThat(applications(key)).isZero();
    }

    @Test
    void onlyPdfJpegAndPngUpToTheLimit() {
        byte[] big = new byte[(int) files.maxBytes() + 1];
        System.arraycopy(CaseFixtures.PDF, 0, big, 0, CaseFixtures.PDF.length);
        assertThat(files.problem(new MaterialFiles.Upload("x", "big.pdf", big))).contains("services.case.upload.tooLarge");
        byte[] justRight = java.util.Arrays.copyOf(big, (int) files.maxBytes());
        assertThat(files.problem(new MaterialFiles.Upload("x", "ok.pdf", justRight))).isEmpty();
        assertThat(files.problem(new MaterialFiles.Upload("x", "scan.gif", "GIF89a".getBytes()))).contains("services.case.upload.type");
        assertThat(files.problem(new MaterialFiles.Upload("x", "scan.jpg", CaseFixtures.PDF))).contains("services.case.upload.mislabelled.PDF");
        assertThat(files.problem(new MaterialFiles.Upload("x", "scan.png", "hello".getBytes()))).contains("services.case.upload.notWhatItSays");
        assertThat(files.problem(new MaterialFiles.Upload("x", "photo.JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))).isEmpty();
        assertThat(files.problem(new MaterialFiles.Upload("x", "a.pdf", new byte[0]))).contains("services.case.upload.empty");
    }

    @Test
    void aSecondSendMakesNoSecondApplicationAndMaterialsAreSeenOnlyByTheirParties() throws Exception {
        String key = UUID.randomUUID().toString();
        MockMultipartFile pdf = new MockMultipartFile("m-resolution", "resolution.pdf", "application/pdf", CaseFixtures.PDF);
        MockMultipartFile png = new MockMultipartFile("m-address-proof", "lease.png", "image/png", CaseFixtures.PNG);
        String first = mvc.perform(form(key, pdf, png)).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(form(key, pdf, png)).andReturn().getResponse().getRedirectedUrl();
        assertThat(first).startsWith("/services/cases/").isEqualTo(second);
        assertThat(applications(key)).isEqualTo(1);
        long id = Long.parseLong(first.substring(first.lastIndexOf('/') + 1));
        String reference = jdbc.sql("select reference from service_case where id = :id").param("id", id).query(String.class).single();
        assertThat(reference).matches("YJS-\\d{8}-\\d{4}");
        long material = jdbc.sql("select id from service_case_material where case_id = :id and material_code = 'resolution'")
                .param("id", id).query(Long.class).single();
        String url = "/services/cases/" + id + "/materials/" + material;

        // the applicant, the window, the departments with a part in it (market regulation, tax, social insurance)
        for (String who : new String[] {"enterprise", "window", "approver", "tax", "hrss"}) {
            var r = mvc.perform(get(url).with(user(demo.user(who)))).andReturn().getResponse();
            assertThat(r.getStatus()).as(who).isEqualTo(200);
            assertThat(r.getContentAsByteArray()).as(who).isEqualTo(CaseFixtures.PDF);
            assertThat(r.getContentType()).isEqualTo("application/pdf");
            assertThat(mvc.perform(get("/services/cases/" + id).with(user(demo.user(who)))).andReturn().getResponse().getStatus())
                    .as(who).isEqualTo(200);
        }
        // another enterprise and a department without a part in it: as if it did not exist
        for (String who : new String[] {"enterprise2", "police", "medical"}) {
            var r = mvc.perform(get(url).with(user(demo.user(who)))).andReturn().getResponse();
            assertThat(r.getStatus()).as(who).isEqualTo(404);
            assertThat(r.getContentAsString()).doesNotContain("花溪示例科技有限公司").doesNotContain("13885112345");
            assertThat(mvc.perform(get("/services/cases/" + id).with(user(demo.user(who)))).andReturn().getResponse().getStatus())
                    .as(who).isEqualTo(404);
        }
        // roles with no business in applications at all
        for (String who : new String[] {"office", "leader", "admin", "unit", "evaluation"}) {
            int status = mvc.perform(get(url).with(user(demo.user(who)))).andReturn().getResponse().getStatus();
            assertThat(status).as(who).isIn(403, 404);
        }
        // the applicant's phone is on the page for the parties, never for others
        assertThat(Jsoup.parse(mvc.perform(get("/services/cases/" + id).with(user(demo.user("approver")))).andReturn().getResponse()
                .getContentAsString()).select("#applicant").text()).contains("13885112345");
    }

    @Test
    void nothingIsKeptWhenAMaterialIsMissing() throws Exception {
        String key = UUID.randomUUID().toString();
        var r = form(key, new MockMultipartFile("m-resolution", "resolution.pdf", "application/pdf", CaseFixtures.PDF));
        var response = mvc.perform(r).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        var summary = Jsoup.parse(response.getContentAsString()).select("#error-summary");
        assertThat(summary.select("a[href=#material-address-proof]")).isNotEmpty();
        assertThat(applications(key)).isZero();
    }
}
