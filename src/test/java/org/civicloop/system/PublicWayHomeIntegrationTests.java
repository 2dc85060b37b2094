package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public's way around: every public page has a "首页" link in words in its header (the brand alone
 * is not read as one by an elderly voter), and the home page leads to every public area.
 */
@IntegrationTest
class PublicWayHomeIntegrationTests {

    static final List<String> PUBLIC_LISTS = List.of("/public/opinions/new", "/public/opinions/track",
            "/public/suggestions", "/public/bulletins", "/public/polls", "/public/performance", "/public/drafts",
            "/public/drafts/feedback", "/public/network", "/public/services", "/public/campaigns");

    @Autowired
    MockMvc mvc;

    private Document page(String path, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("lang", lang)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyPublicPageHasAHomeLinkInWordsInBothLanguages() throws Exception {
        for (String path : PUBLIC_LISTS) {
            Document zh = page(path, "zh_CN");
            assertThat(zh.select("header.public-header #home-link").attr("href")).as(path).isEqualTo("/");
            assertThat(zh.select("#home-link").text()).as(path).isEqualTo("首页");
            assertThat(page(path, "en").select("#home-link").text()).as(path).isEqualTo("Home");
        }
        // the home page itself does not link to itself
        assertThat(page("/", "zh_CN").select("#home-link")).isEmpty();
    }

    @Test
    void theHomePageLeadsToEveryPublicArea() throws Exception {
        Document home = page("/", "zh_CN");
        List<String> links = home.select("#public-links a").eachAttr("href");
        assertThat(links).containsExactly("/public/opinions/new", "/public/opinions/track", "/public/suggestions",
                "/public/bulletins", "/public/polls", "/public/performance", "/public/drafts", "/public/drafts/feedback",
                "/public/network", "/public/services", "/public/campaigns");
        // each link reads as the title of the page it opens
        assertThat(home.select("#public-links a[href=/public/drafts]").text()).isEqualTo("法规草案征求意见");
        assertThat(home.select("#public-links a[href=/public/network]").text()).isEqualTo("人大代表家站室点一览");
        assertThat(home.select("#public-links a[href=/public/services]").text()).isEqualTo("一件事 一次告知");
        assertThat(home.select("#public-links a[href=/public/campaigns]").text()).isEqualTo("典型代表评选");
        assertThat(home.select("#public-links a[href=/public/drafts/feedback]").text()).isEqualTo("立法意见采纳反馈");
    }
}
