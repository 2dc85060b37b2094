package org.civicloop.services.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 一次告知 without an account: the answers decide the departments, the materials and what is waived. */
@IntegrationTest
class PublicGuideIntegrationTests {

    @Autowired
    MockMvc mvc;

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The parts listed as applying (the list with id guide-parts). */
    private static List<String> applying(String page) {
        int from = page.indexOf("id=\"guide-parts\"");
        String list = page.substring(from, page.indexOf("</ul>", from));
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("data-part=\"([a-z-]+)\"").matcher(list);
        while (m.find()) {
            parts.add(m.group(1));
        }
        return parts;
    }

    private static String section(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        return page.substring(from, page.indexOf("</ul>", from));
    }

    @Test
    void theListOffersTheServicesAndNoScript() throws Exception {
        String list = page("/public/services");
        assertThat(list).contains("/public/services/restaurant-opening", "/public/services/newborn", "public.css")
                .doesNotContain("<script");
    }

    @Test
    void aSmallIndividualEateryWithoutSignOrSewerNeedsFourParts() throws Exception {
        String p = page("/public/services/restaurant-opening?q.entity=individual&q.size=small&q.signboard=no&q.sewer=no");
        assertThat(applying(p)).containsExactly("individual-registration", "small-catering", "health-check", "new-taxpayer");
        assertThat(section(p, "guide-materials")).contains("经营场所使用证明", "平面布局图").doesNotContain("招牌设计效果图");
        assertThat(section(p, "guide-waived")).contains("营业执照", "电子营业执照库");
        assertThat(section(p, "guide-not-applying")).contains("公众聚集场所投入使用、营业前消防安全检查", "贵阳市花溪区消防救援大队");
        assertThat(p).contains("承诺 13 个工作日内办结", "最多跑 1 次").doesNotContain("<script");
        // the radio buttons keep the visitor's own answers
        assertThat(p).containsPattern("value=\"small\"[^>]*checked");
    }

    @Test
    void aLargeCompanyWithSignAndSewerNeedsTheFireCheckAndTheDrainagePermit() throws Exception {
        String p = page("/public/services/restaurant-opening?q.entity=company&q.size=large&q.signboard=yes&q.sewer=yes");
        assertThat(applying(p)).containsExactly("company-registration", "food-licence", "fire-check", "health-check",
                "signboard", "drainage", "new-taxpayer");
        assertThat(section(p, "guide-materials")).contains("招牌设计效果图", "内部排水管网和隔油设施图");
        assertThat(section(p, "guide-fields")).contains("注册资本（万元）", "日均排水量（吨）");
        assertThat(section(p, "guide-not-applying")).contains("individual-registration", "small-catering")
                .doesNotContain("fire-check", "drainage");
    }

    @Test
    void aQuestionAppearsOnlyAfterTheAnswerItDependsOnAndNothingIsShownUntilAllAreAnswered() throws Exception {
        String first = page("/public/services/newborn");
        assertThat(first).contains("id=\"question-hukou\"", "id=\"question-insurance\"")
                .doesNotContain("id=\"question-social-card\"", "id=\"guide-result\"", "id=\"guide-incomplete\"");
        String more = page("/public/services/newborn?q.hukou=mother&q.insurance=yes");
        assertThat(more).contains("id=\"question-social-card\"", "id=\"guide-incomplete\"").doesNotContain("id=\"guide-result\"");
        String elsewhere = page("/public/services/newborn?q.hukou=elsewhere&q.insurance=no&q.social-card=yes&q.hukou-bogus=x");
        assertThat(applying(elsewhere)).containsExactly("birth-certificate", "vaccination");
        String all = page("/public/services/newborn?q.hukou=father&q.insurance=yes&q.social-card=yes");
        assertThat(applying(all)).containsExactly("birth-certificate", "vaccination", "hukou", "medical-insurance", "social-card");
        assertThat(section(all, "guide-waived")).contains("结婚证", "民政婚姻登记信息共享", "居民户口簿");
        // an answer that is no option counts as none
        assertThat(page("/public/services/newborn?q.hukou=mars&q.insurance=no")).contains("id=\"guide-incomplete\"");
        mvc.perform(get("/public/services/no-such-service")).andExpect(status().isNotFound());
    }
}
