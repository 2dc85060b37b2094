package org.civicloop.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicloop.deadlines.ClockStatus;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.liaison.LiaisonEvents.DisputeClosed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterConfirmed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterOpened;
import org.civicloop.liaison.LiaisonEvents.SiteActivityHeld;
import org.civicloop.liaison.disputes.DisputeDraft;
import org.civicloop.liaison.disputes.DisputeService;
import org.civicloop.liaison.disputes.DisputeStatus;
import org.civicloop.liaison.disputes.Party;
import org.civicloop.liaison.matters.MatterDraft;
import org.civicloop.liaison.matters.MatterService;
import org.civicloop.liaison.matters.MatterStatus;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.CreditCode;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The network at work: an enterprise matter from a park room to a unit and back to the enterprise,
 * on the clock; a dispute's agreement as a PDF in Chinese; who sees parties' phones; bad input on
 * every form writes nothing; the demo's year adds up.
 */
@IntegrationTest
@RecordApplicationEvents
class LiaisonCaseworkIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2 March 2026, 10:00 in Huaxi. */
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    static final String PARK = "小孟工业园区功能型代表联络室";

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MatterService matters;
    @Autowired
    DisputeService disputes;
    @Autowired
    Deadlines deadlines;
    @Autowired
    ApplicationEvents events;

    private MatterDraft matter(String enterprise, String phone) {
        return new MatterDraft(demo.site(PARK), enterprise, CreditCode.withCheck("91520111MA6HT0001"), "赵经理", phone,
                true, "新厂房施工许可证办理停滞，请求协调。", demo.unit("花溪区住房和城乡建设局"),
                Set.of(demo.deputy("黄文斌")), LocalDate.of(2026, 3, 2));
    }

    private ClockView clock(long id) {
        return deadlines.find(MatterService.SUBJECT, Long.toString(id)).orElseThrow();
    }

    @Test
    void anEnterpriseMatterGoesFromAParkRoomToAUnitAndBackToTheEnterpriseOnTheClock() throws Exception {
        var office = demo.user("office");
        var unit = demo.user("unit");
        long id = matters.open(office, matter("贵州测试往返科技有限公司", "13811112222"), T0);

        ClockView first = clock(id);
        assertThat(first.ruleKey()).isEqualTo("liaison.matter");
        assertThat(first.status()).isEqualTo(ClockStatus.RUNNING);
        // ten working days after Monday 2 March: 3–6, 9–13, 16 March
        assertThat(first.dueAt().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(events.stream(EnterpriseMatterOpened.class).filter(e -> e.matterId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.siteId()).isEqualTo(demo.site(PARK));
                    assertThat(e.unitId()).isEqualTo(demo.unit("花溪区住房和城乡建设局"));
                    assertThat(e.deputyIds()).containsExactly(demo.deputy("黄文斌"));
                });

        // the unit's worklist has it; another unit's has not
        mvc.perform(get("/liaison/matters").with(user(unit)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("贵州测试往返科技有限公司")));
        mvc.perform(get("/liaison/matters").with(user(demo.user("unit2"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("贵州测试往返科技有限公司"))));
        assertThatThrownBy(() -> matters.answer(demo.user("unit2"), id, "not ours", T0.plusSeconds(3600)))
                .isInstanceOf(BusinessException.class);

        matters.answer(unit, id, "已开辟绿色通道。", T0.plusSeconds(3 * 86_400));
        assertThat(clock(id).status()).isEqualTo(ClockStatus.STOPPED);
        assertThat(clock(id).overdue()).isFalse();

        // the enterprise says it is not solved: back to the unit on a fresh clock
        Instant reopened = Instant.parse("2026-03-10T02:00:00Z");
        matters.confirm(office, id, MatterService.Verdict.REOPEN, "许可证仍未拿到。", reopened);
        assertThat(matters.get(id).status()).isEqualTo(MatterStatus.AT_UNIT);
        assertThat(matters.get(id).round()).isEqualTo(2);
        assertThat(clock(id).round()).isEqualTo(2);
        assertThat(clock(id).status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(clock(id).dueAt().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(events.stream(EnterpriseMatterConfirmed.class).filter(e -> e.matterId() == id))
                .as("sending back is not the enterprise's final word").isEmpty();

        matters.answer(unit, id, "许可证已发放。", Instant.parse("2026-03-12T02:00:00Z"));
        matters.confirm(office, id, MatterService.Verdict.SOLVED, null, Instant.parse("2026-03-13T02:00:00Z"));
        assertThat(matters.get(id).status()).isEqualTo(MatterStatus.SOLVED);
        assertThat(events.stream(EnterpriseMatterConfirmed.class).filter(e -> e.matterId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.solved()).isTrue();
                    assertThat(e.confirmedOn()).isEqualTo(LocalDate.of(2026, 3, 13));
                });
        assertThat(jdbc.sql("select action from audit_entry where subject_type = 'enterpriseMatter' and subject_id = :id"
                        + " and action like 'enterpriseMatter.%' order by id")
                .param("id", Long.toString(id)).query(String.class).list())
                .as("the clock's own moves are audited beside these, on the same subject")
                .containsExactly("enterpriseMatter.opened", "enterpriseMatter.answered", "enterpriseMatter.reopened",
                        "enterpriseMatter.answered", "enterpriseMatter.confirmed");
        assertThatThrownBy(() -> matters.confirm(office, id, MatterService.Verdict.SOLVED, null, T0.plusSeconds(30 * 86_400)))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void theContactPersonsPhoneIsShownOnlyToThoseWhoMustCallThem() throws Exception {
        long id = matters.open(demo.user("office"), matter("贵州测试隐私科技有限公司", "13833334444"), T0);
        mvc.perform(get("/liaison/matters/{id}", id).with(user(demo.user("unit"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("13833334444")));
        mvc.perform(get("/liaison/matters/{id}", id).with(user(demo.user("leader"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("138****4444")))
                .andExpect(content().string(not(containsString("13833334444"))))
                .andExpect(content().string(not(containsString("赵经理"))));
        mvc.perform(get("/liaison/matters/{id}", id).with(user(demo.user("unit2"))))
                .andExpect(status().isNotFound()).andExpect(content().string(not(containsString("13833334444"))));
        mvc.perform(get("/liaison/matters/{id}", id).with(user(demo.user("station"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMatterFormWithBadInputSaysWhyAndWritesNothing() throws Exception {
        long before = count("enterprise_matter");
        long audits = count("audit_entry");
        mvc.perform(post("/liaison/matters/new").with(csrf()).with(user(demo.user("office")))
                        .param("siteId", Long.toString(demo.site(PARK)))
                        .param("enterpriseName", "坏\u0007公司")
                        .param("creditCode", "91350100M000100Y44")
                        .param("contactName", "赵经理").param("contactPhone", "12345")
                        .param("problem", "问题").param("openedOn", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码不正确")))
                .andExpect(content().string(containsString("含有不可见的控制字符")))
                .andExpect(content().string(containsString("请填写11位手机号码")))
                .andExpect(content().string(containsString("请选择一个承办单位")))
                .andExpect(content().string(containsString("请至少选择一位代表")))
                .andExpect(content().string(containsString("记录个人信息须经当事人同意")));
        mvc.perform(post("/liaison/matters/new").with(csrf()).with(user(demo.user("office")))
                        .param("siteId", Long.toString(demo.site(PARK))).param("enterpriseName", "x".repeat(101))
                        .param("openedOn", "not-a-date"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"error-summary\"")));
        assertThat(count("enterprise_matter")).isEqualTo(before);
        assertThat(count("audit_entry")).isEqualTo(audits);

        long id = matters.open(demo.user("office"), matter("贵州测试空答复有限公司", "13855556666"), T0);
        mvc.perform(post("/liaison/matters/{id}/answer", id).with(csrf()).with(user(demo.user("unit"))).param("answer", "  "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写此项")));
        mvc.perform(post("/liaison/matters/{id}/confirm", id).with(csrf()).with(user(demo.user("office"))))
                .andExpect(status().isOk());
        assertThat(matters.get(id).status()).isEqualTo(MatterStatus.AT_UNIT);
        matters.answer(demo.user("unit"), id, "已办理。", T0.plusSeconds(86_400));
        mvc.perform(post("/liaison/matters/{id}/confirm", id).with(csrf()).with(user(demo.user("office"))).param("note", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择企业的意见")));
        assertThat(matters.get(id).status()).as("nothing preselected, nothing moved").isEqualTo(MatterStatus.ANSWERED);
    }

    @Test
    void anAgreedDisputesAgreementIsAChinesePdfForThoseWhoMaySeeTheParties() throws Exception {
        var office = demo.user("office");
        long id = disputes.open(office, new DisputeDraft(demo.site(PARK), "拖欠货款纠纷", "两家企业就货款结算金额存在分歧。",
                List.of(new Party("欧阳明", "13977778888"), new Party("林小红", null)), true, Set.of(demo.deputy("张德明")),
                LocalDate.of(2026, 4, 1)), Instant.parse("2026-04-01T02:00:00Z"));
        disputes.recordSession(office, id, LocalDate.of(2026, 4, 3), "代表听取双方陈述。", Instant.parse("2026-04-03T02:00:00Z"));
        mvc.perform(get("/liaison/disputes/{id}/agreement.pdf", id).with(user(office))).andExpect(status().isNotFound());
        disputes.close(office, id, DisputeStatus.AGREED, "甲方于四月三十日前支付货款八万元。", LocalDate.of(2026, 4, 8),
                Instant.parse("2026-04-08T02:00:00Z"));
        assertThat(events.stream(DisputeClosed.class).filter(e -> e.disputeId() == id)).singleElement()
                .satisfies(e -> assertThat(e.agreed()).isTrue());

        byte[] pdf = mvc.perform(get("/liaison/disputes/{id}/agreement.pdf", id).with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("人民调解协议书", "欧阳明", "林小红", "拖欠货款纠纷", "甲方于四月三十日前支付货款八万元", "张德明");

        // leaders read the dispute, the parties masked, and may not download the agreement
        mvc.perform(get("/liaison/disputes/{id}", id).with(user(demo.user("leader"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("拖欠货款纠纷")))
                .andExpect(content().string(not(containsString("13977778888"))))
                .andExpect(content().string(not(containsString("欧阳明"))))
                .andExpect(content().string(not(containsString("agreement.pdf"))));
        mvc.perform(get("/liaison/disputes/{id}/agreement.pdf", id).with(user(demo.user("leader"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/liaison/disputes/{id}/agreement.pdf", id).with(user(demo.user("station"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/liaison/disputes/{id}", id).with(user(demo.user("unit")))).andExpect(status().isForbidden());
    }

    @Test
    void disputeFormsWithBadInputSayWhyAndWriteNothing() throws Exception {
        var office = demo.user("office");
        long before = count("dispute");
        mvc.perform(post("/liaison/disputes/new").with(csrf()).with(user(office))
                        .param("siteId", Long.toString(demo.site(PARK))).param("subject", "纠纷")
                        .param("description", "情况").param("party1Name", "甲").param("party1Phone", "电话")
                        .param("consent", "true").param("deputyIds", Long.toString(demo.deputy("张德明")))
                        .param("openedOn", "2026-04-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请至少填写两方当事人")))
                .andExpect(content().string(containsString("请填写11位手机号码")));
        assertThat(count("dispute")).isEqualTo(before);

        long id = disputes.open(office, new DisputeDraft(demo.site(PARK), "噪声纠纷", "夜间噪声。",
                List.of(new Party("甲某", null), new Party("乙某", null)), true, Set.of(demo.deputy("张德明")),
                LocalDate.of(2026, 4, 1)), Instant.parse("2026-04-01T02:00:00Z"));
        long sessions = count("dispute_session");
        mvc.perform(post("/liaison/disputes/{id}/sessions", id).with(csrf()).with(user(office))
                        .param("heldOn", "2026-03-01").param("note", "a\u0007b"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("调解日期不能早于受理日期")))
                .andExpect(content().string(containsString("含有不可见的控制字符")));
        assertThat(count("dispute_session")).isEqualTo(sessions);
        mvc.perform(post("/liaison/disputes/{id}/close", id).with(csrf()).with(user(office))
                        .param("outcomeText", "协议").param("closedOn", "2026-04-05"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择调解结果")));
        assertThat(disputes.visible(office, id).status()).isEqualTo(DisputeStatus.MEDIATING);
    }

    @Test
    void anActivityIsRecordedWithItsIncomeAndBadInputWritesNothing() throws Exception {
        var office = demo.user("office");
        long home = demo.site("乡村振兴专业代表之家");
        long before = count("site_activity");
        mvc.perform(post("/liaison/activities/new").with(csrf()).with(user(office))
                        .param("siteId", Long.toString(home)).param("theme", "")
                        .param("heldOn", LocalDate.now(SHANGHAI).plusDays(2).toString())
                        .param("visitors", "-5").param("incomeYuan", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期不能晚于今天")))
                .andExpect(content().string(anyOf(containsString("请填写 0 到 100,000 之间的整数"), containsString("请填写 0 到 100000 之间的整数"))))
                .andExpect(content().string(containsString("收入须为 0 到 1 亿之间的整数")))
                .andExpect(content().string(containsString("请至少选择一位代表")));
        mvc.perform(post("/liaison/activities/new").with(csrf()).with(user(office))
                        .param("siteId", Long.toString(demo.site("青岩镇人大代表联络站"))).param("theme", "讲座")
                        .param("heldOn", "2026-05-01").param("visitors", "30")
                        .param("deputyIds", Long.toString(demo.deputy("王建国"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择一个适用的站点")));
        assertThat(count("site_activity")).isEqualTo(before);

        mvc.perform(post("/liaison/activities/new").with(csrf()).with(user(office))
                        .param("siteId", Long.toString(home)).param("theme", "乡村旅游周末（测试）")
                        .param("heldOn", "2026-05-02").param("visitors", "320").param("incomeYuan", "8600")
                        .param("deputyIds", Long.toString(demo.deputy("王建国"))))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(SiteActivityHeld.class).filter(e -> e.theme().equals("乡村旅游周末（测试）")))
                .singleElement().satisfies(e -> {
                    assertThat(e.siteId()).isEqualTo(home);
                    assertThat(e.visitors()).isEqualTo(320);
                    assertThat(e.incomeYuan()).isEqualTo(8600L);
                    assertThat(e.deputyIds()).containsExactly(demo.deputy("王建国"));
                });
    }

    @Test
    void theDemoYearAddsUp() {
        // the township's homes and points: 16,000 visitors and 400,000 yuan, by construction
        var township = jdbc.sql("""
                        select coalesce(sum(a.visitors), 0) as visitors, coalesce(sum(a.income_yuan), 0) as income
                        from site_activity a join liaison_site s on s.id = a.site_id
                        where a.income_yuan is not null and substr(s.region_code, 1, 9) = '520111101'
                          and a.theme not like '%测试%'""").query().singleRow();
        assertThat(((Number) township.get("visitors")).longValue()).isEqualTo(16_000L);
        assertThat(((Number) township.get("income")).longValue()).isEqualTo(400_000L);
        assertThat(jdbc.sql("select count(*) from enterprise_matter where recorded_by = (select id from account where username = 'office')"
                + " and enterprise_name not like '%测试%'").query(Long.class).single()).isEqualTo(130L);
        assertThat(jdbc.sql("select count(distinct status) from enterprise_matter").query(Long.class).single()).isEqualTo(4L);
        assertThat(jdbc.sql("select count(*) from dispute where subject not in ('拖欠货款纠纷', '噪声纠纷')").query(Long.class).single())
                .isEqualTo(40L);
        assertThat(jdbc.sql("select count(distinct status) from dispute").query(Long.class).single()).isEqualTo(4L);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
