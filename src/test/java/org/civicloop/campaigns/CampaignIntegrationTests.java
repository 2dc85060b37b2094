package org.civicloop.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicloop.campaigns.CampaignFixtures.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicloop.campaigns.domain.CampaignService;
import org.civicloop.campaigns.domain.CampaignStatus;
import org.civicloop.campaigns.domain.CampaignVoting;
import org.civicloop.campaigns.domain.Nominee;
import org.civicloop.deputies.domain.DeputyService;
import org.civicloop.notifications.RecordingSmsSender;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Typical-deputy campaigns on the real database: the eligibility check against the duty record, one
 * vote per verified phone per day (also under 20 concurrent voters), SMS codes that are wrong,
 * expired or exhausted, bad input on every form, and public pages without a session.
 */
@IntegrationTest
class CampaignIntegrationTests {

    private static final AtomicInteger IP = new AtomicInteger();

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignVoting voting;
    @Autowired
    DeputyService deputyService;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;

    CampaignFixtures fixtures;
    CivicUser office;
    LocalDate day0;

    @BeforeEach
    void setUp() {
        fixtures = new CampaignFixtures(campaigns, deputyService, sms);
        office = demo.user("office");
        day0 = LocalDate.now(CampaignFixtures.ZONE).plusDays(30);
    }

    @Test
    void shouldRefuseANomineeBelowTheMinimumPointsAndAdmitOneWhenTheMinimumIsZero() {
        long strict = campaigns.create(office, CampaignFixtures.draft("门槛一分", 1, day0), at(day0, 9, 0));
        long open = campaigns.create(office, CampaignFixtures.draft("不设门槛", 0, day0), at(day0, 9, 0));
        long deputy = fixtures.newDeputy("520111101");
        campaigns.nominate(office, strict, deputy, "护航", "调解纠纷多起。", at(day0, 10, 0));
        campaigns.nominate(office, open, deputy, "护航", "调解纠纷多起。", at(day0, 10, 0));

        campaigns.closeNominations(office, strict, at(day0.plusDays(2), 18, 0));
        campaigns.closeNominations(office, open, at(day0.plusDays(2), 18, 0));

        Nominee refused = campaigns.find(strict).nominees().get(0);
        assertThat(refused.eligibility()).isEqualTo(Nominee.INELIGIBLE);
        assertThat(refused.pointsChecked()).isZero();
        assertThat(campaigns.find(open).nominees().get(0).eligibility()).isEqualTo(Nominee.ELIGIBLE);
        assertThatThrownBy(() -> campaigns.openVoting(office, strict, at(day0.plusDays(3), 8, 0)))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("campaign.error.noneEligible");
        campaigns.openVoting(office, open, at(day0.plusDays(3), 8, 0));
        assertThat(campaigns.find(open).status()).isEqualTo(CampaignStatus.VOTING);
        assertThat(auditActions(strict)).contains("campaign.created", "campaign.nominated", "campaign.nominationsClosed",
                "campaign.nomineeChecked");
    }

    @Test
    void shouldRefuseASecondVoteFromTheSamePhoneOnTheSameDayWithAClearMessage() {
        long id = fixtures.votingCampaign(office, day0, 2);
        List<Long> nominees = fixtures.nominees(id);
        String phone = CampaignFixtures.uniquePhone();
        LocalDate votingDay = day0.plusDays(4);

        voting.requestCode(id, nominees.get(0), phone, at(votingDay, 10, 0));
        voting.vote(id, nominees.get(0), phone, fixtures.codeSentTo(phone, 1), at(votingDay, 10, 1));

        assertThatThrownBy(() -> voting.requestCode(id, nominees.get(1), phone, at(votingDay, 15, 0)))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(text((BusinessException) e)).isEqualTo("这个手机号今天已经在本活动中投过票了，请明天再来。"));
        // the database's rule holds too, whatever the path: a second verified vote the same day is not counted
        assertThatThrownBy(() -> voting.recordVerifiedVote(id, nominees.get(1), phone, at(votingDay, 16, 0)))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("campaign.error.alreadyVotedToday");
        // the next day the same phone votes again
        voting.requestCode(id, nominees.get(1), phone, at(votingDay.plusDays(1), 9, 0));
        voting.vote(id, nominees.get(1), phone, fixtures.codeSentTo(phone, 2), at(votingDay.plusDays(1), 9, 2));

        assertThat(campaigns.votes(id)).containsEntry(nominees.get(0), 1L).containsEntry(nominees.get(1), 1L);
    }

    @Test
    void shouldCountTwentyConcurrentVotesFromDistinctVerifiedPhonesExactlyOnce() throws Exception {
        long id = fixtures.votingCampaign(office, day0, 2);
        long nominee = fixtures.nominees(id).get(0);
        LocalDate votingDay = day0.plusDays(5);
        List<String> phones = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String phone = CampaignFixtures.uniquePhone();
            phones.add(phone);
            voting.requestCode(id, nominee, phone, at(votingDay, 10, 0));
        }
        for (String phone : phones) {
            codes.add(fixtures.codeSentTo(phone, 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String phone = phones.get(i);
                String code = codes.get(i);
                results.add(pool.submit((Callable<Long>) () -> {
                    start.await();
                    return voting.vote(id, nominee, phone, code, at(votingDay, 10, 5));
                }));
            }
            start.countDown();
            Set<Long> voteIds = new HashSet<>();
            for (Future<Long> f : results) {
                voteIds.add(f.get());
            }
            assertThat(voteIds).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(campaigns.votes(id)).containsEntry(nominee, 20L);
        assertThat(jdbc.sql("select count(*) from campaign_vote where campaign_id = :c").param("c", id).query(Long.class).single())
                .isEqualTo(20L);
        List<String> audited = jdbc.sql("""
                        select summary_after::text from audit_entry
                        where subject_type = 'campaign' and subject_id = :id and action = 'campaign.voteCast'""")
                .param("id", Long.toString(id)).query(String.class).list();
        assertThat(audited).hasSize(20);
        assertThat(String.join(" ", audited)).as("no phone number in clear in the audit").doesNotContain(phones.toArray(String[]::new));
    }

    @Test
    void shouldCountOneVoteWhenTheSamePhoneVotesFromFiveThreadsAtOnce() throws Exception {
        long id = fixtures.votingCampaign(office, day0, 1);
        long nominee = fixtures.nominees(id).get(0);
        String phone = CampaignFixtures.uniquePhone();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        voting.recordVerifiedVote(id, nominee, phone, at(day0.plusDays(6), 10, 0));
                    } catch (BusinessException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).hasValue(4);
        assertThat(campaigns.votes(id)).containsEntry(nominee, 1L);
    }

    @Test
    void shouldRefuseAWrongAnExpiredAndAnExhaustedCode() {
        long id = fixtures.votingCampaign(office, day0, 1);
        long nominee = fixtures.nominees(id).get(0);
        LocalDate votingDay = day0.plusDays(4);
        String phone = CampaignFixtures.uniquePhone();
        voting.requestCode(id, nominee, phone, at(votingDay, 10, 0));
        String code = fixtures.codeSentTo(phone, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> voting.vote(id, nominee, phone, wrong, at(votingDay, 10, 1)))
                .isInstanceOf(CampaignVoting.CodeRefused.class)
                .satisfies(e -> assertThat(text((BusinessException) e)).isEqualTo("验证码不正确，还可以再试 4 次。"));
        assertThat(jdbc.sql("select attempts from campaign_phone_code where campaign_id = :c").param("c", id).query(Integer.class)
                .single()).as("the wrong try is kept").isEqualTo(1);
        assertThatThrownBy(() -> voting.vote(id, nominee, phone, code, at(votingDay, 10, 11)))
                .isInstanceOf(CampaignVoting.CodeRefused.class).extracting("messageKey").isEqualTo("campaign.error.codeExpired");

        String other = CampaignFixtures.uniquePhone();
        voting.requestCode(id, nominee, other, at(votingDay, 11, 0));
        String right = fixtures.codeSentTo(other, 1);
        String bad = right.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> voting.vote(id, nominee, other, bad, at(votingDay, 11, 1)))
                    .isInstanceOf(CampaignVoting.CodeRefused.class);
        }
        assertThatThrownBy(() -> voting.vote(id, nominee, other, right, at(votingDay, 11, 2)))
                .isInstanceOf(CampaignVoting.CodeRefused.class).extracting("messageKey").isEqualTo("campaign.error.codeLocked");
        assertThatThrownBy(() -> voting.vote(id, nominee, other, "12a456", at(votingDay, 11, 2)))
                .isInstanceOf(InvalidInput.class);
        assertThat(campaigns.votes(id)).isEmpty();
    }

    @Test
    void shouldLetAStationNominateOnlyTheDeputiesOfItsOwnPlace() {
        long id = campaigns.create(office, CampaignFixtures.draft("联络站推荐", 0, day0), at(day0, 9, 0));
        CivicUser station = demo.user("station");
        long local = fixtures.newDeputy("520111101");
        long elsewhere = fixtures.newDeputy("520111102");

        campaigns.nominate(station, id, local, "分享", "每月进站接待群众。", at(day0, 10, 0));
        assertThatThrownBy(() -> campaigns.nominate(station, id, elsewhere, "分享", "每月进站接待群众。", at(day0, 10, 1)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems()).extracting(InvalidInput.Problem::messageKey)
                        .containsExactly("campaign.error.notYourDeputy"));
        assertThat(campaigns.find(id).nominees()).extracting(Nominee::nominatedBy).containsExactly("STATION");
    }

    @Test
    void shouldRefuseBadInputOnTheOfficeFormsWritingNothing() throws Exception {
        long before = count("campaign");
        String page = mvc.perform(post("/campaigns/new").with(csrf()).with(user(office))
                        .param("title", "坏\u0007标题").param("criteria", "").param("groups", "笃行\n笃行")
                        .param("minPoints", "").param("pointsYear", "2026")
                        .param("nominationFrom", "2026-05-10").param("nominationTo", "2026-05-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("此项只能填写一行", "类别不能重复", "日期顺序不对", "请填写日期");
        assertThat(count("campaign")).isEqualTo(before);
        // NUL is refused at the door, before any form sees it
        mvc.perform(post("/campaigns/new").with(csrf()).with(user(office)).param("title", "坏\u0000标题"))
                .andExpect(status().isBadRequest());
        assertThat(count("campaign")).isEqualTo(before);

        long id = campaigns.create(office, CampaignFixtures.draft("表单测试", 0, LocalDate.now(CampaignFixtures.ZONE)),
                Instant.now());
        long nomineesBefore = count("campaign_nominee");
        String again = mvc.perform(post("/campaigns/{id}/nominees", id).with(csrf()).with(user(office))
                        .param("deputyId", "").param("group", "不存在").param("reason", "好"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("请选择代表。", "此项至少需要 5 个字");
        assertThat(count("campaign_nominee")).isEqualTo(nomineesBefore);

        String moves = mvc.perform(post("/campaigns/{id}/close-nominations", id).with(csrf()).with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(moves).contains("还没有推荐任何代表，不能截止推荐。");
        assertThat(campaigns.find(id).status()).isEqualTo(CampaignStatus.NOMINATION);
    }

    @Test
    void shouldVoteOnThePublicPagesWithoutASessionAndRefuseBadInputClearly() throws Exception {
        LocalDate today = LocalDate.now(CampaignFixtures.ZONE);
        LocalDate start = today.minusDays(5);
        var draft = new org.civicloop.campaigns.domain.CampaignDraft("网页投票测试", "履职尽责。", "笃行", 0, today.getYear(),
                start, start.plusDays(1), start.plusDays(2), today.plusDays(3), today.plusDays(4), today.plusDays(6));
        long id = campaigns.create(office, draft, at(start, 9, 0));
        campaigns.nominate(office, id, fixtures.newDeputy("520111101"), "笃行", "扎根基层，服务群众。", at(start, 10, 0));
        campaigns.closeNominations(office, id, at(start.plusDays(1), 18, 0));
        campaigns.openVoting(office, id, at(start.plusDays(2), 8, 0));
        long nominee = fixtures.nominees(id).get(0);
        String phone = CampaignFixtures.uniquePhone();
        RequestPostProcessor address = fromNewAddress();

        MvcResult page = mvc.perform(get("/public/campaigns/{id}", id)).andExpect(status().isOk()).andReturn();
        assertThat(page.getRequest().getSession(false)).as("public pages keep no session").isNull();
        assertThat(page.getResponse().getContentAsString()).contains("/public/campaigns/" + id + "/vote/" + nominee);

        String badPhone = mvc.perform(post("/public/campaigns/{id}/vote/{n}/code", id, nominee).with(csrf()).with(address)
                        .param("phone", "123"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badPhone).contains("请填写正确的 11 位手机号码。");

        MvcResult sent = mvc.perform(post("/public/campaigns/{id}/vote/{n}/code", id, nominee).with(csrf()).with(address)
                        .param("phone", phone))
                .andExpect(status().isOk()).andReturn();
        assertThat(sent.getRequest().getSession(false)).isNull();
        assertThat(sent.getResponse().getContentAsString()).contains("验证码已发送到");

        String badCode = mvc.perform(post("/public/campaigns/{id}/vote/{n}", id, nominee).with(csrf()).with(address)
                        .param("phone", phone).param("code", "12"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badCode).contains("请填写短信中的 6 位数字验证码。");

        mvc.perform(post("/public/campaigns/{id}/vote/{n}", id, nominee).with(csrf()).with(address)
                        .param("phone", phone).param("code", fixtures.codeSentTo(phone, 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.votes(id)).containsEntry(nominee, 1L);

        String second = mvc.perform(post("/public/campaigns/{id}/vote/{n}/code", id, nominee).with(csrf()).with(address)
                        .param("phone", phone))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("这个手机号今天已经在本活动中投过票了，请明天再来。");
        assertThat(campaigns.votes(id)).containsEntry(nominee, 1L);
    }

    @Test
    void shouldAnnounceOnlyAfterThePublicityPeriodWithTheChosenDeputies() throws Exception {
        long id = fixtures.votingCampaign(office, day0, 2);
        List<Long> nominees = fixtures.nominees(id);
        voting.recordVerifiedVote(id, nominees.get(1), CampaignFixtures.uniquePhone(), at(day0.plusDays(4), 9, 0));
        assertThatThrownBy(() -> campaigns.closeVoting(office, id, Set.of(), at(day0.plusDays(11), 9, 0)))
                .isInstanceOf(InvalidInput.class);
        campaigns.closeVoting(office, id, Set.of(nominees.get(1)), at(day0.plusDays(11), 9, 0));
        assertThatThrownBy(() -> campaigns.announce(office, id, at(day0.plusDays(13), 9, 0)))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("campaign.error.publicityRunning");
        campaigns.announce(office, id, at(day0.plusDays(14), 9, 0));

        String page = mvc.perform(get("/public/campaigns/{id}/announcement", id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("笃行").contains("扎根基层，服务群众。");
        assertThat(auditActions(id)).contains("campaign.votingClosed", "campaign.announced", "campaign.voteCast");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> auditActions(long campaignId) {
        return jdbc.sql("select action from audit_entry where subject_type = 'campaign' and subject_id = :id")
                .param("id", Long.toString(campaignId)).query(String.class).list();
    }

    private String text(BusinessException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    private static RequestPostProcessor fromNewAddress() {
        String ip = "203.0.113." + IP.incrementAndGet();
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }
}
