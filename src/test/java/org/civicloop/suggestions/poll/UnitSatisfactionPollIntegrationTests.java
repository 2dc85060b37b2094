package org.civicloop.suggestions.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.shared.BusinessException;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 满意度测评 end to end on the real database: the office runs the poll, chosen accounts vote once each
 * and in secret, the figures are the ones counted by hand, and the public sees them only once published.
 */
@IntegrationTest
class UnitSatisfactionPollIntegrationTests {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";
    /** As many demo accounts as the ballots a poll needs to be published (5). */
    static final List<String> FIVE = List.of("leader", "station", "window", "approver", "evaluation");

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    PollService service;
    @Autowired
    PollQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;

    CivicUser u(String name) {
        return demo.user(name);
    }

    long unitId(String name) {
        return demo.unit(name);
    }

    @Test
    void theOfficeRunsAPollChosenVotersVoteOnceInSecretAndThePublicSeesOnlyPublishedCounts() throws Exception {
        long housing = unitId(HOUSING);
        long education = unitId(EDUCATION);
        // only the office makes polls
        mvc.perform(get("/polls/manage").with(user(u("deputy")))).andExpect(status().isForbidden());
        mvc.perform(post("/polls/manage").with(csrf()).with(user(u("unit"))).param("title", "x")).andExpect(status().isForbidden());
        // an unknown login name is named, and nothing is written
        long pollsBefore = jdbc.sql("select count(*) from suggestion_poll").query(Long.class).single();
        mvc.perform(post("/polls/manage").with(csrf()).with(user(u("office"))).param("title", "测评")
                        .param("units", Long.toString(housing)).param("electorate", "CHOSEN").param("voters", "leader, nobody-here"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("没有登录名为“nobody-here”的账号")));
        assertThat(jdbc.sql("select count(*) from suggestion_poll").query(Long.class).single()).isEqualTo(pollsBefore);

        String location = mvc.perform(post("/polls/manage").with(csrf()).with(user(u("office")))
                        .param("title", "2026年度承办单位满意度测评（常委会）")
                        .param("units", Long.toString(housing), Long.toString(education))
                        .param("electorate", "CHOSEN").param("voters", "leader\nstation, window；approver, evaluation, enterprise"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "poll.done.created"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // not open yet: no ballot for anyone, no public page
        mvc.perform(get("/polls/" + id).with(user(u("leader")))).andExpect(status().isNotFound());
        mvc.perform(get("/public/polls/" + id)).andExpect(status().isNotFound());
        assertThatThrownBy(() -> service.open(id, u("leader"))).isInstanceOf(AccessDeniedException.class);

        mvc.perform(post("/polls/manage/" + id + "/open").with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("done", "poll.done.opened"));
        mvc.perform(post("/polls/manage/" + id + "/open").with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("failed", "poll.error.transition.OPEN"));

        // an account not on the list: the poll does not exist for it, and its ballot is not taken
        mvc.perform(get("/polls/" + id).with(user(u("deputy")))).andExpect(status().isNotFound());
        mvc.perform(post("/polls/" + id + "/ballot").with(csrf()).with(user(u("deputy")))
                .param("unit-" + housing, "SATISFIED").param("unit-" + education, "SATISFIED")).andExpect(status().isNotFound());
        mvc.perform(get("/polls").with(user(u("leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年度承办单位满意度测评（常委会）")));

        // a ballot must rate every unit; an incomplete one writes nothing
        mvc.perform(post("/polls/" + id + "/ballot").with(csrf()).with(user(u("leader"))).param("unit-" + housing, "SATISFIED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请为“花溪区教育局”选择一项评价")));
        assertThat(ballots(id)).isZero();

        // three of four vote: housing S, S, D; education B, D, D
        vote(id, "leader", housing, "SATISFIED", education, "BASICALLY_SATISFIED");
        vote(id, "station", housing, "SATISFIED", education, "DISSATISFIED");
        vote(id, "window", housing, "DISSATISFIED", education, "DISSATISFIED");
        mvc.perform(get("/polls/" + id).with(user(u("leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("您已参加本次测评")))
                .andExpect(content().string(not(containsString("id=\"cast-ballot\""))));
        // a second ballot is refused with a message and counts nothing
        mvc.perform(post("/polls/" + id + "/ballot").with(csrf()).with(user(u("leader")))
                        .param("unit-" + housing, "DISSATISFIED").param("unit-" + education, "DISSATISFIED"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failed", "poll.error.alreadyVoted"));
        assertThat(ballots(id)).isEqualTo(3);

        // while open, the office sees the turnout but no counts, and that 5 ballots are needed to show them
        mvc.perform(get("/polls/manage/" + id).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已投 3 人 / 应投 6 人")))
                .andExpect(content().string(containsString("票数达到 5 张才显示和公布结果；目前已投 3 张")))
                .andExpect(content().string(not(containsString("id=\"poll-results\""))));
        vote(id, "approver", housing, "SATISFIED", education, "DISSATISFIED");
        vote(id, "evaluation", housing, "BASICALLY_SATISFIED", education, "SATISFIED");

        mvc.perform(post("/polls/manage/" + id + "/close").with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("done", "poll.done.closed"));
        assertThatThrownBy(() -> service.vote(id, Map.of(housing, "SATISFIED", education, "SATISFIED"), u("enterprise")))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("poll.error.notOpen");

        // counted by hand: housing 3 satisfied + 1 basic of 5 = 80 %, education 1 + 1 of 5 = 40 %, turnout 5 of 6 = 83.3 %
        PollQueries.Results results = queries.results(id);
        assertThat(results.ballots()).isEqualTo(5);
        assertThat(results.voters()).isEqualTo(6);
        assertThat(results.turnout()).isEqualByComparingTo(new BigDecimal("83.3"));
        PollQueries.UnitResult h = results.units().get(0);
        assertThat(h.unitName()).isEqualTo(HOUSING);
        assertThat(h.counts()).containsExactly(Map.entry("SATISFIED", 3L), Map.entry("BASICALLY_SATISFIED", 1L), Map.entry("DISSATISFIED", 1L));
        assertThat(h.votes()).isEqualTo(5);
        assertThat(h.satisfactionRate()).isEqualByComparingTo(new BigDecimal("80.0"));
        PollQueries.UnitResult e = results.units().get(1);
        assertThat(e.counts()).containsExactly(Map.entry("SATISFIED", 1L), Map.entry("BASICALLY_SATISFIED", 1L), Map.entry("DISSATISFIED", 3L));
        assertThat(e.satisfactionRate()).isEqualByComparingTo(new BigDecimal("40.0"));
        mvc.perform(get("/polls/manage/" + id).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString(">80%<"))).andExpect(content().string(containsString(">40%<")))
                .andExpect(content().string(not(containsString("id=\"poll-too-few\""))));

        // closed but not published: still nothing public
        mvc.perform(get("/public/polls/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/public/polls")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("2026年度承办单位满意度测评（常委会）"))));

        mvc.perform(post("/polls/manage/" + id + "/publish").with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("done", "poll.done.published"));
        mvc.perform(get("/public/polls")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年度承办单位满意度测评（常委会）")));
        String page = mvc.perform(get("/public/polls/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(HOUSING, EDUCATION, ">80%<", ">40%<", "83.3%", "已投 5 人 / 应投 6 人");
        for (String who : List.of("leader", "station", "window", "approver", "evaluation", "enterprise")) {
            assertThat(page).doesNotContain(u(who).displayName()).doesNotContain(">" + who + "<");
        }
        assertThat(page).doesNotContain("<form method=\"post\"");

        // audited, every step; a ballot's record names the voter but never a choice
        assertThat(jdbc.sql("select action from audit_entry where subject_type = 'poll' and subject_id = :id order by id")
                .param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("poll.created", "poll.opened", "poll.ballotCast", "poll.ballotCast", "poll.ballotCast",
                        "poll.ballotCast", "poll.ballotCast", "poll.closed", "poll.published");
        List<String> ballotRecords = jdbc.sql("""
                        select actor || ' ' || summary_before::text || ' ' || summary_after::text from audit_entry
                         where subject_type = 'poll' and subject_id = :id and action = 'poll.ballotCast'""")
                .param("id", Long.toString(id)).query(String.class).list();
        assertThat(ballotRecords).hasSize(5).allSatisfy(r -> assertThat(r).doesNotContain("SATISFIED", "DISSATISFIED", "unit"));
        // and no table keeps a voter next to a choice
        assertThat(jdbc.sql("""
                        select count(*) from information_schema.columns c
                         where c.table_name like 'suggestion_poll%' and c.column_name = 'scale_code'
                           and exists (select 1 from information_schema.columns o
                                        where o.table_name = c.table_name and o.column_name = 'account_id')""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDoubleSubmitRaceCountsOneBallot() throws Exception {
        long housing = unitId(HOUSING);
        long id = service.create(new PollService.NewPoll("并发投票测评", List.of(housing), Electorate.CHOSEN, FIVE), u("office"));
        service.open(id, u("office"));
        CivicUser leader = u("leader");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<String> ballot = () -> {
                    start.await();
                    try {
                        service.vote(id, Map.of(housing, "SATISFIED"), leader);
                        return "cast";
                    } catch (BusinessException e) {
                        return e.messageKey();
                    }
                };
                outcomes.add(pool.submit(ballot));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).containsExactlyInAnyOrder("cast", "poll.error.alreadyVoted");
        } finally {
            pool.shutdownNow();
        }
        assertThat(ballots(id)).isEqualTo(1);
        assertThat(queries.results(id).units().get(0).votes()).isEqualTo(1);
    }

    @Test
    void aPollOfAllDeputiesTakesEveryDeputyAccountWhenItOpensAndOnlyThem() throws Exception {
        long housing = unitId(HOUSING);
        enoughDeputies();
        long id = service.create(new PollService.NewPoll("全体代表测评", List.of(housing), Electorate.ALL_DEPUTIES, List.of()), u("office"));
        service.open(id, u("office"));
        assertThat(jdbc.sql("select account_id from suggestion_poll_voter where poll_id = :p").param("p", id).query(Long.class).list())
                .contains(u("deputy").accountId()).doesNotContain(u("leader").accountId(), u("office").accountId());
        mvc.perform(get("/polls").with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("全体代表测评")));
        mvc.perform(get("/polls/" + id).with(user(u("deputy")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cast-ballot\"")));
        mvc.perform(get("/polls/" + id).with(user(u("leader")))).andExpect(status().isNotFound());
        mvc.perform(get("/polls/" + id).with(user(u("office")))).andExpect(status().isNotFound());
    }

    @Test
    void aPollWithFewerBallotsThanTheMinimumShowsNoCountsAndCannotBePublished() throws Exception {
        long housing = unitId(HOUSING);
        long id = service.create(new PollService.NewPoll("一人测评", List.of(housing), Electorate.CHOSEN, FIVE), u("office"));
        service.open(id, u("office"));
        service.vote(id, Map.of(housing, "DISSATISFIED"), u("leader"));
        service.close(id, u("office"));
        // the office sees why, with no counts and no publish button; publishing is refused with the figures
        mvc.perform(get("/polls/manage/" + id).with(user(u("office")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("票数达到 5 张才显示和公布结果；目前已投 1 张")))
                .andExpect(content().string(not(containsString("id=\"poll-results\""))))
                .andExpect(content().string(not(containsString("id=\"publish-poll\""))));
        mvc.perform(post("/polls/manage/" + id + "/publish").with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("failed", "poll.error.tooFewBallots"));
        assertThatThrownBy(() -> service.publish(id, u("office"))).isInstanceOf(BusinessException.class)
                .extracting("messageKey").isEqualTo("poll.error.tooFewBallots");
        assertThat(jdbc.sql("select published_at is null from suggestion_poll where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(get("/public/polls/" + id)).andExpect(status().isNotFound());
        // one published before the minimum existed shows no counts either
        jdbc.sql("update suggestion_poll set published_at = now() where id = :id").param("id", id).update();
        mvc.perform(get("/public/polls/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("参评票数少于 5 张")))
                .andExpect(content().string(not(containsString("id=\"poll-results\""))));
    }

    @Test
    void aDeputyAddedAfterThePollOpenedIsNotEligible() throws Exception {
        long housing = unitId(HOUSING);
        enoughDeputies();
        long id = service.create(new PollService.NewPoll("开始后新增代表测评", List.of(housing), Electorate.ALL_DEPUTIES, List.of()), u("office"));
        service.open(id, u("office"));
        long votersAtOpening = jdbc.sql("select count(*) from suggestion_poll_voter where poll_id = :p").param("p", id).query(Long.class).single();
        String username = "late-deputy-" + id;
        accounts.create(username, new AccountDetails("补选代表", null, null, Set.of(Role.DEPUTY), true), "Deputy2026x", false);
        CivicUser late = u(username);
        mvc.perform(get("/polls").with(user(late))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("开始后新增代表测评"))));
        assertThatThrownBy(() -> service.vote(id, Map.of(housing, "SATISFIED"), late))
                .isInstanceOf(org.civicloop.shared.NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from suggestion_poll_voter where poll_id = :p").param("p", id).query(Long.class).single())
                .isEqualTo(votersAtOpening);
        assertThat(ballots(id)).isZero();
    }

    /**
     * Defect: a poll of 2 chosen voters (deputy, leader) was made and opened, and once both had voted it
     * said forever that 5 ballots were needed. Making it is refused beside the voters field, naming both
     * figures, with the input kept; a poll with too few voters made before is refused opening.
     */
    @Test
    void aPollWithFewerVotersThanTheBallotsNeededToPublishIsNotMadeNorOpened() throws Exception {
        long housing = unitId(HOUSING);
        long pollsBefore = jdbc.sql("select count(*) from suggestion_poll").query(Long.class).single();
        // the form says the minimum before anything is sent
        assertThat(org.jsoup.Jsoup.parse(mvc.perform(get("/polls/manage/new").with(user(u("office")))).andReturn().getResponse()
                .getContentAsString()).select("#voters-minimum").text()).isEqualTo("结果至少要有 5 张票才能公布，所以投票人不能少于 5 人。");
        String page = mvc.perform(post("/polls/manage").with(csrf()).with(user(u("office"))).param("title", "两人测评")
                        .param("units", Long.toString(housing)).param("electorate", "CHOSEN").param("voters", "deputy, leader"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        var doc = org.jsoup.Jsoup.parse(page);
        assertThat(doc.select("#voters-problem").text())
                .isEqualTo("参评人员只有 2 人，少于公布结果所需的 5 张票：这样的测评永远不能公布结果。请至少指定 5 名参评人员。");
        assertThat(doc.select("#voters").text()).isEqualTo("deputy, leader");
        assertThat(doc.select("#title").attr("value")).isEqualTo("两人测评");
        assertThat(jdbc.sql("select count(*) from suggestion_poll").query(Long.class).single()).isEqualTo(pollsBefore);

        // five are enough to be made
        long id = service.create(new PollService.NewPoll("五人测评", List.of(housing), Electorate.CHOSEN, FIVE), u("office"));
        // one made with two voters before this rule (as the demo's was) is not opened
        jdbc.sql("delete from suggestion_poll_voter where poll_id = :p and account_id not in (:a, :b)").param("p", id)
                .param("a", u("leader").accountId()).param("b", u("station").accountId()).update();
        mvc.perform(post("/polls/manage/" + id + "/open").with(csrf()).with(user(u("office"))))
                .andExpect(flash().attribute("failed", "poll.error.tooFewVoters"));
        assertThat(jdbc.sql("select status from suggestion_poll where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("DRAFT");
    }

    /** The demo's poll has enough voters to reach publication. */
    @Test
    void theDemoPollCanReachPublication() {
        long voters = jdbc.sql("""
                select count(*) from suggestion_poll_voter v join suggestion_poll p on p.id = v.poll_id
                 where p.title = '2026年度承办单位办理代表建议满意度测评'""").query(Long.class).single();
        assertThat(voters).isGreaterThanOrEqualTo(5);
    }

    /** At least as many deputy accounts as the ballots a poll of all deputies needs to be published. */
    private void enoughDeputies() {
        for (int i = 1; i <= 5; i++) {
            String username = "poll-deputy-" + i;
            if (jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single() == 0) {
                accounts.create(username, new AccountDetails("测评代表" + i, null, null, Set.of(Role.DEPUTY), true), "Deputy2026x", false);
            }
        }
    }

    private void vote(long id, String who, long unitA, String a, long unitB, String b) throws Exception {
        mvc.perform(post("/polls/" + id + "/ballot").with(csrf()).with(user(u(who)))
                        .param("unit-" + unitA, a).param("unit-" + unitB, b))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "poll.done.voted"));
    }

    private long ballots(long id) {
        return jdbc.sql("select count(*) from suggestion_poll_ballot where poll_id = :p").param("p", id).query(Long.class).single();
    }
}
