package org.civicloop.services.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A correction sent with the asked field left empty and no file, over real HTTP through the JDBC session:
 * the problems travel to the case page in the flash scope. They could not be written to the session, so the
 * applicant got the container's bare "HTTP Status 500 – Internal Server Error" in English and lost the
 * messages; now the case page comes back with both problems in Chinese and nothing is written.
 */
@IntegrationTest
class CaseCorrectionRefusalIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anIncompleteCorrectionComesBackWithItsProblemsAndWritesNothing() throws Exception {
        Instant now = Instant.now();
        long id = cases.apply(CaseFixtures.application(), demo.user("enterprise"), now.minusSeconds(3600));
        cases.requestCorrection(id, List.of("address-proof"), List.of("new-address"), "请写到门牌号", demo.user("window"),
                now.minusSeconds(1800));
        WebClient enterprise = new WebClient(port).signIn("enterprise"); // signing in is audited: count after it
        long auditBefore = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        // a multipart form as the page sends it, but the new address left out and the file field empty
        HttpResponse<String> sent = enterprise.postFile("/services/cases/" + id + "?lang=zh_CN", "/services/cases/" + id + "/correct",
                "m-address-proof", "", new byte[0]);

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.uri().getPath()).isEqualTo("/services/cases/" + id);
        Document page = Jsoup.parse(sent.body());
        assertThat(page.select("#error-summary h2").text()).isEqualTo("请修改以下问题后再提交：");
        assertThat(page.select("#error-summary li").eachText()).hasSize(2);
        assertThat(page.select("#correct-form .text-danger").eachText()).containsExactly("请填写此项。", "请上传此材料。");
        assertThat(sent.body()).doesNotContain("HTTP Status", "Exception");
        assertThat(jdbc.sql("select status from service_case where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CORRECTION_REQUESTED");
        assertThat(jdbc.sql("select count(*) from service_case_material where case_id = :id and material_code = 'address-proof'")
                .param("id", id).query(Long.class).single()).as("only the file sent with the application").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(auditBefore);
        // the session still works: the next page is the case page again, without the problems
        Document again = Jsoup.parse(enterprise.get("/services/cases/" + id).body());
        assertThat(again.select("#error-summary")).isEmpty();
    }
}
