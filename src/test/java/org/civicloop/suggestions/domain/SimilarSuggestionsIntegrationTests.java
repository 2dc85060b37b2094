package org.civicloop.suggestions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.language.TextVectors;
import org.civicloop.language.domain.LanguageService;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Similar past suggestions on a suggestion's page, with the real model on the real database: a reworded
 * earlier suggestion on the same matter is listed with its unit, its result class and the start of its
 * reply; the suggestion itself, a deputy's draft, one older than the window and an unrelated one never
 * are; a confidential one only for those who may open it (the office), never for a unit it was not
 * assigned to; a published one (closed, not confidential) for any unit, on its public page.
 */
@IntegrationTest
class SimilarSuggestionsIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";

    static final String EARLIER_REPLY = "经研究，我局已会同交警部门优化石板镇路口信号灯配时，高峰时段增派警力疏导，公交专用道已列入明年改造计划。";

    @Autowired
    SimilarSuggestions similar;
    @Autowired
    SuggestionService service;
    @Autowired
    LanguageService language;
    @Autowired
    TextVectors vectors;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
    @Autowired
    org.civicloop.organization.domain.AccountService accounts;
    @Autowired
    SimilarSuggestionsProperties properties;
    @Autowired
    org.civicloop.deputies.Deputies deputies;
    @Autowired
    org.civicloop.organization.Directory directory;

    /** The same component while the model is still loading: words only. */
    private SimilarSuggestions byWordsOnly() {
        return new SimilarSuggestions(jdbc, new StaticListableBeanFactory().getBeanProvider(TextVectors.class), properties,
                deputies, directory, "Asia/Shanghai");
    }

    private long drafted(String title, String content) {
        return service.draft(new SuggestionDraft(title, content, "URBAN", SubmissionPeriod.RECESS, List.of(), List.of()),
                demo.user("deputy"));
    }

    /** Drafted, submitted, registered (confidential or not) and assigned to one lead unit. */
    private long assigned(String title, String content, boolean confidential, String unit) {
        long id = drafted(title, content);
        service.submit(id, demo.user("deputy"));
        service.register(id, "URBAN", false, confidential, demo.user("office"));
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(demo.unit(unit), AssignmentRole.LEAD)), demo.user("office"));
        return id;
    }

    private Map<Long, SimilarSuggestions.Similar> like(long id, String viewer) {
        return like(id, demo.user(viewer));
    }

    private Map<Long, SimilarSuggestions.Similar> like(long id, CivicUser user) {
        Suggestion s = service.visible(id, user);
        SimilarSuggestions.Result result = similar.like(s, user, service.deputyIdOf(user));
        assertThat(result.lexicalOnly()).as("the model is loaded and the vectors are in").isFalse();
        assertThat(result.suggestions()).hasSizeLessThanOrEqualTo(5);
        return result.suggestions().stream().collect(Collectors.toMap(SimilarSuggestions.Similar::id, x -> x));
    }

    /** The cosines of the suggestion's text to the others', for the failure message. */
    private String cosines(long id, Map<String, Long> others) {
        Suggestion s = service.visible(id, demo.user("office"));
        float[] v = vectors.embed(s.title() + "\n" + s.content()).orElseThrow();
        return others.entrySet().stream().map(e -> {
            Suggestion o = service.visible(e.getValue(), demo.user("office"));
            return "cos(" + e.getKey() + ")=%.3f".formatted(TextVectors.cosine(v, vectors.embed(o.title() + "\n" + o.content()).orElseThrow()));
        }).collect(Collectors.joining(" "));
    }

    /**
     * A unit sees a published suggestion (closed, not confidential) it did not handle, linked to its public
     * page: the demo's closed suggestion on bus bays along 花溪大道, handled by the housing and education bureaus.
     */
    @Test
    void aUnitSeesAnotherUnitsPublishedAnswerOnItsPublicPage() {
        CivicUser transport = new org.civicloop.suggestions.SuggestionPeople(jdbc, users, accounts).otherUnitUser();
        long published = jdbc.sql("select id from suggestion where title = '关于在花溪大道增设公交港湾站的建议' and status = 'CLOSED'")
                .query(Long.class).single();
        long current = assigned("关于把花溪大道占道公交站改为港湾式站台的建议",
                "花溪大道沿线不少公交站台直接设在行车道上，公交车进站时后面的车辆只能排队，早晚高峰堵得厉害。建议改建为港湾式公交站台。",
                false, "花溪区交通运输局");
        language.drain();

        Map<Long, SimilarSuggestions.Similar> found = like(current, transport);
        assertThat(found).containsKey(published);
        assertThat(found.get(published).internal()).isFalse();
        assertThat(found.get(published).link()).isEqualTo("/public/suggestions/" + published);
        assertThat(found.get(published).answers()).isNotEmpty().allSatisfy(a -> assertThat(a.resultClass()).isNotNull());
    }

    @Test
    void anEarlierAnswerOnTheSameMatterIsShownAndNothingTheViewerMayNotOpen() throws Exception {
        CivicUser unit = demo.user("unit");
        long earlier = assigned("关于解决花溪大道石板镇段早晚高峰拥堵问题的建议",
                "花溪大道石板镇段每天早晚高峰严重拥堵，公交车和私家车排队超过两公里，群众出行十分不便。"
                        + "建议优化该路段信号灯配时，增设公交专用道，并在石板镇路口安排交警疏导。", false, HOUSING);
        service.sign(earlier, 1, unit);
        service.reply(earlier, 1, EARLIER_REPLY, "B", unit);
        service.auditReply(earlier, 1, "B", demo.user("office"));

        long confidential = assigned("关于花溪大道石板镇段高峰拥堵的建议（涉密）",
                "花溪大道石板镇段早晚高峰拥堵严重，车辆排队两公里以上，群众出行不便。建议优化信号灯配时，增设公交专用道，安排交警在石板镇路口疏导。",
                true, EDUCATION);
        long draft = drafted("关于花溪大道石板镇段交通拥堵的建议（草稿）",
                "花溪大道石板镇段早晚高峰拥堵，公交车、私家车排队两公里，出行不便。建议调整信号灯配时，设公交专用道，派交警疏导。");
        long old = assigned("关于治理花溪大道石板镇段拥堵的建议（四年前）",
                "花溪大道石板镇段早晚高峰经常拥堵，排队车辆超过两公里，群众出行困难。建议优化信号灯配时，增设公交专用道，由交警在路口疏导。",
                false, HOUSING);
        jdbc.sql("update suggestion set submitted_at = now() - interval '4 years' where id = :id").param("id", old).update();
        long unrelated = assigned("关于加强青岩古镇非物质文化遗产保护传承的建议",
                "青岩古镇的布依族刺绣、苗族蜡染等非物质文化遗产后继乏人，传承人年龄普遍偏大。"
                        + "建议设立专项保护资金，在中小学开设非遗课程，扶持传承人带徒授艺。", false, HOUSING);
        long current = assigned("关于缓解石板镇花溪大道交通拥堵的建议",
                "石板镇一带的花溪大道上下班时段堵车严重，车辆排队很长，市民通勤时间大大增加。"
                        + "建议交通部门调整红绿灯时长，设置公交专用车道，高峰期派交警到路口指挥交通。", false, HOUSING);
        language.drain();
        assertThat(vectors.ready()).isTrue();

        String sims = cosines(current, Map.of("earlier", earlier, "confidential", confidential, "unrelated", unrelated));
        Map<Long, SimilarSuggestions.Similar> forOffice = like(current, "office");
        assertThat(forOffice).as("the earlier suggestion on the same matter; " + sims).containsKey(earlier);
        SimilarSuggestions.Similar found = forOffice.get(earlier);
        assertThat(found.title()).isEqualTo("关于解决花溪大道石板镇段早晚高峰拥堵问题的建议");
        assertThat(found.leadDeputy()).isNotBlank();
        assertThat(found.band()).isNotNull();
        assertThat(found.internal()).isTrue();
        assertThat(found.answers()).singleElement().satisfies(a -> {
            assertThat(a.unitName()).isEqualTo(HOUSING);
            assertThat(a.resultClass()).isEqualTo("B");
            assertThat(a.audited()).isTrue();
            assertThat(EARLIER_REPLY).startsWith(a.excerpt());
        });
        assertThat(forOffice).as("the office may open a confidential suggestion; " + sims).containsKey(confidential);
        assertThat(forOffice).as("never itself, a draft, one older than the window, an unrelated one; " + sims)
                .doesNotContainKeys(current, draft, old, unrelated);

        Map<Long, SimilarSuggestions.Similar> forUnit = like(current, "unit");
        assertThat(forUnit).containsKey(earlier);
        assertThat(forUnit).as("a confidential suggestion assigned to another unit").doesNotContainKeys(confidential, current, draft, old, unrelated);

        // while the model loads, by words (weaker on rewording: asked from the one four years old, worded like the earlier one)
        SimilarSuggestions.Result words = byWordsOnly().like(service.visible(old, unit), unit, null);
        assertThat(words.lexicalOnly()).isTrue();
        Map<Long, SimilarSuggestions.Similar> byWords = words.suggestions().stream()
                .collect(Collectors.toMap(SimilarSuggestions.Similar::id, x -> x));
        assertThat(byWords).containsKey(earlier);
        assertThat(byWords.get(earlier).answers()).singleElement().extracting(SimilarSuggestions.Answer::resultClass).isEqualTo("B");
        assertThat(byWords).as("by words too: never itself, a draft, an unrelated one, a confidential one assigned to another unit")
                .doesNotContainKeys(old, draft, unrelated, confidential);
        SimilarSuggestions.Result wordsForOffice = byWordsOnly().like(service.visible(old, demo.user("office")), demo.user("office"), null);
        assertThat(wordsForOffice.suggestions()).extracting(SimilarSuggestions.Similar::id).contains(earlier, confidential)
                .doesNotContain(old, draft, unrelated);

        // the card on the page, for the unit handling it; a unit it was not assigned to cannot open the page at all
        mvc.perform(get("/suggestions/" + current).with(user(unit))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"similar-suggestions\"")))
                .andExpect(content().string(containsString("href=\"/suggestions/" + earlier + "\"")))
                .andExpect(content().string(containsString("B类")))
                .andExpect(content().string(containsString(EARLIER_REPLY.substring(0, 30))))
                .andExpect(content().string(containsString("href=\"/suggestions/" + earlier + "#assignment-1\"")))
                .andExpect(content().string(not(containsString("（涉密）"))))
                .andExpect(content().string(not(containsString("（草稿）"))))
                .andExpect(content().string(not(containsString("非物质文化遗产保护传承的建议"))));
        mvc.perform(get("/suggestions/" + current).with(user(demo.user("unit2")))).andExpect(status().isNotFound());
    }
}
