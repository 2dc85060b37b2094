package org.civicloop.legislation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import org.civicloop.language.TextVectors;
import org.civicloop.language.domain.LanguageService;
import org.civicloop.legislation.LegislationFixture;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Comments on drafts grouped by meaning on the real database, with the real model: reworded comments that share
 * hardly a word (the word rule keeps them apart, {@link CommentGroupingTests}) form one group; an unrelated one,
 * and one on another article, do not join it. The comments are offered to the language module as
 * {@code draft-comment} texts.
 */
@IntegrationTest
class CommentGroupingIntegrationTests {

    static final String FINE_UP = CommentGroupingTests.FINE_UP;
    static final String FINE_HEAVIER = CommentGroupingTests.FINE_HEAVIER;
    static final String BARKING = CommentGroupingTests.BARKING;

    @Autowired JdbcClient jdbc;
    @Autowired Reports reports;
    @Autowired LanguageService language;
    @Autowired MockMvc mvc;
    @Autowired DemoFixture demo;

    @Test
    void rewordedCommentsOnOneArticleFormOneGroupOnceTheModelIsReadyAndAnUnrelatedOneStandsAlone() throws Exception {
        LegislationFixture fx = new LegislationFixture(jdbc);
        long point = fx.site(0);
        long draft = fx.draft("test-grouping-" + System.nanoTime(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), point);
        long a1 = fx.article(draft, 1, null, null, "违反本条例规定的，由公安机关处二百元以上五百元以下罚款。");
        long a2 = fx.article(draft, 2, null, null, "本条例自公布之日起施行。");
        long up = fx.comment(draft, a1, "QR", point, null, FINE_UP, null);
        long barking = fx.comment(draft, a1, "QR", point, null, BARKING, null);
        long heavier = fx.comment(draft, a1, "QR", point, null, FINE_HEAVIER, null);
        long elsewhere = fx.comment(draft, a2, "QR", point, null, FINE_HEAVIER + "。", null);

        language.drain(); // the model loaded and every comment's vector stored

        CompiledReport report = reports.compile(fx.office(), draft, point, null);
        assertThat(report.groupedByWords()).isFalse();
        var first = report.sections().get(0);
        assertThat(first.groups()).extracting(g -> g.comments().stream().map(CompiledReport.Comment::id).toList())
                .containsExactly(List.of(up, heavier), List.of(barking));
        assertThat(first.groups().get(0).count()).isEqualTo(2);
        // a comment on another article is never grouped with these
        assertThat(report.sections().get(1).groups()).extracting(CompiledReport.Group::count).containsExactly(1);

        // the page: grouped by meaning, says so, the group with its count and every member
        String html = mvc.perform(get("/legislation/reports/" + draft + "/" + point).param("lang", "zh-CN").with(user(demo.user("office"))))
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#report-grouping").attr("data-grouped-by")).isEqualTo("meaning");
        var group = page.select("#article-" + a1 + " .border.rounded").first();
        assertThat(group.text()).contains("以下 2 条意见内容相近", FINE_UP, FINE_HEAVIER).doesNotContain(BARKING);
        assertThat(group.select("#comment-" + up + ", #comment-" + heavier)).hasSize(2);

        // offered as draft-comment texts: stored vectors, searchable in the kind's index
        long stored = jdbc.sql("select count(*) from text_vector where kind = 'draft-comment' and source_id in (:ids)")
                .param("ids", List.of(up, barking, heavier, elsewhere)).query(Long.class).single();
        assertThat(stored).isEqualTo(4);
        float[] query = language.embed(FINE_HEAVIER).orElseThrow();
        assertThat(language.nearest("draft-comment", query, 20, new TextVectors.Filter(null, null, null, List.of(up))))
                .filteredOn(n -> n.similarity() > 0.95).extracting(TextVectors.Neighbour::id)
                .contains(heavier, elsewhere).doesNotContain(up, barking);
    }
}
