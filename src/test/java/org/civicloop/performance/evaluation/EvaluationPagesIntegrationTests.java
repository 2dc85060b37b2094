package org.civicloop.performance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.civicloop.performance.evaluation.domain.EvaluationService;
import org.civicloop.performance.evaluation.domain.RuleDraft;
import org.civicloop.performance.evaluation.domain.SchemeDraft;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The evaluation pages: a malformed sheet's report reaches the page, forms report every problem, strangers are refused. */
@IntegrationTest
class EvaluationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;
    @Autowired
    EvaluationService service;

    @Test
    void aMalformedSheetIsReportedOnTheSchemePageRowByRow() throws Exception {
        var office = demo.user("evaluation");
        long s = service.createScheme(office, new SchemeDraft("page test " + System.nanoTime(), "YEAR", "2023", null, 3), Instant.now()).id();
        service.addIndicator(office, s, new RuleDraft(service.indicatorByCode("GDP_GROWTH").orElseThrow().id(), "100", "RANK",
                null, null, null, null, null, null));
        byte[] xlsx = EvaluationIntegrationTests.workbook(List.of(
                List.of("指标代码", "区县", "数值"), List.of("GDP_GROWTH", "火星区", "1"), List.of("GDP_GROWTH", "520111", "x")));
        MvcResult posted = mvc.perform(multipart("/performance/schemes/" + s + "/import").file(new MockMultipartFile("file", "figures.xlsx",
                        "application/octet-stream", xlsx)).with(csrf()).with(user(office)))
                .andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        List<EvaluationService.ImportProblem> problems = (List<EvaluationService.ImportProblem>) posted.getFlashMap().get("importErrors");
        assertThat(problems).extracting(EvaluationService.ImportProblem::line).containsExactly(2, 3);
        // the report travels to the next page in the session, which is stored in PostgreSQL: it must
        // serialise (before, ImportProblem did not, and the import answered 500)
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(problems));
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            List<EvaluationService.ImportProblem> copy = (List<EvaluationService.ImportProblem>) in.readObject();
            assertThat(copy).extracting(EvaluationService.ImportProblem::messageKey)
                    .containsExactly("performance.eval.import.error.district", "performance.eval.import.error.value");
            assertThat(copy.get(0).arguments()).containsExactly("\u706b\u661f\u533a");
        }
        assertThat(service.figures(s)).isEmpty();
    }

    @Test
    void aFigureWithACommaComesBackAsTypedWithTheExpectedFormBesideItsField() throws Exception {
        var office = demo.user("evaluation");
        long s = service.createScheme(office, new SchemeDraft("comma test " + System.nanoTime(), "YEAR", "2023", null, 3), Instant.now()).id();
        long green = service.indicatorByCode("GREEN_SPACE").orElseThrow().id();
        service.addIndicator(office, s, new RuleDraft(green, "100", "LEAD", null, null, null, null, null, null));
        mvc.perform(post("/performance/schemes/" + s + "/figures/" + green).param("d_520111", "38,5").param("d_520102", "41.2")
                        .with(csrf()).with(user(demo.user("unit"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"38,5\"")))
                .andExpect(content().string(containsString("value=\"41.2\"")))
                .andExpect(content().string(containsString("aria-describedby=\"d_520111-error\"")))
                .andExpect(content().string(containsString("id=\"d_520111-error\">数字中不能有逗号：小数请用小数点，如 38.5")));
        assertThat(service.figures(s)).isEmpty();
        mvc.perform(post("/performance/schemes/" + s + "/figures/" + green).param("d_520111", "38,5").param("lang", "en")
                        .with(csrf()).with(user(demo.user("unit"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No commas in a number: write decimals with a point, e.g. 38.5")));
        assertThat(service.figures(s)).isEmpty();
    }

    @Test
    void chinesePagesWriteValuesWithChinesePunctuationAndNoSpaceBeforeTheUnit() throws Exception {
        var evaluation = demo.user("evaluation");
        var scheme = service.schemes().stream().filter(x -> !service.referenceIndicators(x.id()).isEmpty()).findFirst().orElseThrow();
        var reference = service.referenceIndicators(scheme.id()).get(0);
        String page = mvc.perform(get("/performance/schemes/" + scheme.id()).with(user(evaluation))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(reference.name() + "：").doesNotContain(reference.name() + ": ").doesNotContain(" %<");
        var published = service.schemes().stream().filter(x -> x.status() == org.civicloop.performance.evaluation.domain.SchemeStatus.PUBLISHED)
                .findFirst().orElseThrow();
        long indicator = service.rules(published.id()).get(0).indicatorId();
        String ranking = mvc.perform(get("/performance/ranking").param("scheme", Long.toString(published.id())).param("district", "520111")
                        .param("indicator", Long.toString(indicator)).with(user(evaluation))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ranking).doesNotContain(" %<").doesNotContain(" \u4ebf\u5143<");
        mvc.perform(get("/public/performance/" + published.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("（%）")));
        mvc.perform(get("/public/performance/" + published.id()).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString(" (%)")))
                .andExpect(content().string(containsString(">Score<")));
    }

    @Test
    void theSchemeFormReportsEveryProblemInTheUsersLanguage() throws Exception {
        mvc.perform(post("/performance/schemes").param("name", "").param("periodKind", "HALF_YEAR").param("periodCode", "2026-X")
                        .param("advancedCount", "abc").with(csrf()).with(user(demo.user("evaluation")))
                        .cookie(new jakarta.servlet.http.Cookie("civicloop-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give a name")))
                .andExpect(content().string(containsString("Wrong period")))
                .andExpect(content().string(containsString("The number named advanced must be 0 to 10")));
    }

    @Test
    void onlyTheEvaluationOfficeAndLeadersReadTheRanking() throws Exception {
        mvc.perform(get("/performance/ranking").with(user(demo.user("leader")))).andExpect(status().isOk());
        mvc.perform(get("/performance/ranking").with(user(demo.user("office")))).andExpect(status().isForbidden());
        mvc.perform(get("/performance/ranking").with(user(demo.user("unit")))).andExpect(status().isForbidden());
        mvc.perform(post("/performance/schemes").param("name", "x").with(csrf()).with(user(demo.user("leader"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/public/performance")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026")));
    }
}
