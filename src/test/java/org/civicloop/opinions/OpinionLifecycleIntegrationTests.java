package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.Rating;
import org.civicloop.opinions.domain.WorkOrderClocks;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every transition of opinions and work orders, allowed and forbidden, by role. */
@IntegrationTest
class OpinionLifecycleIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Deadlines deadlines;
    @Autowired
    OpinionQueries queries;

    OpinionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    @Test
    void aSubmittedOpinionGetsAReceiptCodeATimelineAndAnAuditRowWithoutPersonalData() {
        Opinion o = f.submitted("青岩镇某村垃圾长期无人清理，气味很大");
        assertThat(o.receiptCode()).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(f.status(o.id())).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select kind from opinion_step where opinion_id = :id").param("id", o.id()).query(String.class).list())
                .containsExactly("submitted");
        String audit = jdbc.sql("select summary_after::text from audit_entry where subject_type = 'opinion' and subject_id = :id")
                .param("id", Long.toString(o.id())).query(String.class).single();
        assertThat(audit).contains("SUBMITTED").doesNotContain("张三", "13800138000");
    }

    @Test
    void theOfficeAcceptsForwardsAndTheUnitSignsAndReplies() {
        Opinion o = f.submitted("路灯坏了两个月没人修，晚上出行不安全");
        long order = f.forwardedToHousing(o);
        assertThat(f.status(o.id())).isEqualTo("HANDLING");
        assertThat(f.orderStatus(order)).isEqualTo("ASSIGNED");
        assertThat(deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order))).isPresent();

        service.sign(order, f.user("unit"));
        service.recordContact(order, "PHONE", "已电话联系群众，约定现场查看", f.user("unit"));
        service.replyToOrder(order, "已于本周更换路灯，感谢监督。", f.user("unit"));

        assertThat(f.orderStatus(order)).isEqualTo("REPLIED");
        assertThat(f.status(o.id())).isEqualTo("REPLIED");
        assertThat(deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow().status().name()).isEqualTo("STOPPED");
        assertThat(jdbc.sql("select replied_by from opinion where id = :id").param("id", o.id()).query(String.class).single())
                .isEqualTo("花溪区住房和城乡建设局");
    }

    @Test
    void aUnitsReplyIsOneLineOnTheStaffHistoryAndTheVotersTimeline() {
        Opinion o = f.submitted("村口路灯不亮，夜里看不清路");
        long order = f.forwardedToHousing(o);
        service.sign(order, f.user("unit"));
        service.replyToOrder(order, "已派人修复路灯。", f.user("unit"));

        assertThat(queries.allSteps(o.id())).extracting(OpinionQueries.Step::kind)
                .containsExactly("submitted", "accepted", "forwarded", "workOrder.signed", "answered");
        assertThat(queries.publicSteps(o.id())).extracting(OpinionQueries.Step::kind, OpinionQueries.Step::actorLabel)
                .containsExactly(tuple("submitted", null), tuple("accepted", "花溪区人大常委会办公室"),
                        tuple("forwarded", "花溪区住房和城乡建设局"), tuple("workOrder.signed", "花溪区住房和城乡建设局"),
                        tuple("answered", "花溪区住房和城乡建设局"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'workOrder.replied' and subject_id = :id")
                .param("id", Long.toString(order)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheOfficeOrTheAddresseeTriage() {
        Opinion o = f.submitted("小区门口积水严重，雨天无法通行");
        assertThatThrownBy(() -> service.accept(o.id(), f.user("unit"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.accept(o.id(), f.user("leader"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.accept(o.id(), f.user("admin"))).isInstanceOf(AccessDeniedException.class);
        service.accept(o.id(), f.user("office"));
        assertThat(f.status(o.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void anotherUnitCannotTouchTheWorkOrderAndItLooksAbsent() {
        long order = f.forwardedToHousing(f.submitted("公交站台顶棚破损，下雨漏水"));
        assertThatThrownBy(() -> service.sign(order, f.user("unit2"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.sign(order, f.user("office"))).isInstanceOf(NotFoundException.class);
        assertThat(f.orderStatus(order)).isEqualTo("ASSIGNED");
    }

    @Test
    void forbiddenMovesAreRefusedWithAConflictAndChangeNothing() {
        Opinion o = f.submitted("菜市场周边占道经营，交通拥堵");
        service.accept(o.id(), f.user("office"));
        assertThatThrownBy(() -> service.accept(o.id(), f.user("office")))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        long order = service.forward(o.id(), f.unitId("花溪区住房和城乡建设局"), null, f.user("office"));
        assertThatThrownBy(() -> service.replyToOrder(order, "未签收先答复", f.user("unit")))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        assertThatThrownBy(() -> service.rate(o.receiptCode(), Rating.SATISFIED))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(409);
        assertThat(f.orderStatus(order)).isEqualTo("ASSIGNED");
        assertThat(f.status(o.id())).isEqualTo("HANDLING");
    }

    @Test
    void aReturnApprovedSendsTheOpinionBackToRouting() {
        Opinion o = f.submitted("学校门口接送车辆乱停放");
        long order = f.forwardedToHousing(o);
        service.requestReturn(order, "属于交通管理职责，不属于本单位", f.user("unit"));
        assertThat(f.orderStatus(order)).isEqualTo("RETURN_REQUESTED");
        assertThatThrownBy(() -> service.decideReturn(order, true, f.user("unit"))).isInstanceOf(AccessDeniedException.class);
        service.decideReturn(order, true, f.user("office"));
        assertThat(f.orderStatus(order)).isEqualTo("RETURNED");
        assertThat(f.status(o.id())).isEqualTo("ACCEPTED");
        long second = service.forward(o.id(), f.unitId("花溪区交通运输局"), null, f.user("office"));
        assertThat(f.orderStatus(second)).isEqualTo("ASSIGNED");
    }

    @Test
    void aReturnDeclinedLeavesTheOrderWhereItWas() {
        long order = f.forwardedToHousing(f.submitted("老旧小区外墙脱落，存在安全隐患"));
        service.sign(order, f.user("unit"));
        service.requestReturn(order, "不是我们的", f.user("unit"));
        service.decideReturn(order, false, f.user("office"));
        assertThat(f.orderStatus(order)).isEqualTo("SIGNED");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineByWorkingDays() {
        long order = f.forwardedToHousing(f.submitted("村道路面塌陷，需要修补"));
        service.sign(order, f.user("unit"));
        Instant before = deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow().dueAt();
        service.requestExtension(order, 5, "需要协调施工队", f.user("unit"));
        service.decideExtension(order, true, f.user("office"));
        var after = deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow();
        assertThat(after.dueAt()).isAfter(before);
        assertThat(after.extensions()).isEqualTo(1);
        assertThat(f.orderStatus(order)).isEqualTo("SIGNED");
    }

    @Test
    void aDeclinedExtensionKeepsTheDeadline() {
        long order = f.forwardedToHousing(f.submitted("河道垃圾漂浮，需要清理"));
        service.sign(order, f.user("unit"));
        Instant before = deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow().dueAt();
        service.requestExtension(order, 5, "人手不足", f.user("unit"));
        service.decideExtension(order, false, f.user("office"));
        assertThat(deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(order)).orElseThrow().dueAt()).isEqualTo(before);
    }

    @Test
    void aDissatisfiedVoterReopensOnceThenItCloses() {
        Opinion o = f.submitted("自来水水压太低，高层住户用不上水");
        long order = f.forwardedToHousing(o);
        service.sign(order, f.user("unit"));
        service.replyToOrder(order, "已联系水务公司检查。", f.user("unit"));

        service.rate(o.receiptCode(), Rating.DISSATISFIED);
        assertThat(f.status(o.id())).isEqualTo("HANDLING");
        List<Long> rounds = jdbc.sql("select id from work_order where opinion_id = :id order by round").param("id", o.id())
                .query(Long.class).list();
        assertThat(rounds).hasSize(2);
        long second = rounds.get(1);
        assertThat(f.orderStatus(second)).isEqualTo("ASSIGNED");
        assertThat(deadlines.find(WorkOrderClocks.SUBJECT, Long.toString(second))).isPresent();

        service.sign(second, f.user("unit"));
        service.replyToOrder(second, "已加装增压泵，水压恢复正常。", f.user("unit"));
        service.rate(o.receiptCode(), Rating.DISSATISFIED); // maxReopens = 1: this one closes it
        assertThat(f.status(o.id())).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select rating from opinion where id = :id").param("id", o.id()).query(String.class).single())
                .isEqualTo("DISSATISFIED");
    }

    @Test
    void aSatisfiedRatingCloses() {
        Opinion o = f.submitted("希望在村里增设健身器材");
        service.accept(o.id(), f.user("office"));
        service.answer(o.id(), "已列入明年民生实事计划。", f.user("office"));
        Opinion rated = service.rate(o.receiptCode().toLowerCase().replace("-", ""), Rating.BASICALLY_SATISFIED);
        assertThat(rated.status().name()).isEqualTo("CLOSED");
    }

    @Test
    void unratedRepliesCloseAfterTheRatingPeriod() {
        Opinion o = f.submitted("广场舞噪音扰民，晚上十点后仍在播放");
        service.accept(o.id(), f.user("office"));
        service.answer(o.id(), "已协调社区规定活动时间。", f.user("office"));
        assertThat(service.closeUnrated(Instant.now().minusSeconds(3600))).isZero();
        assertThat(f.status(o.id())).isEqualTo("REPLIED");
        service.closeUnrated(Instant.now().plusSeconds(1));
        assertThat(f.status(o.id())).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select rating from opinion where id = :id").param("id", o.id()).query(String.class).single())
                .isEqualTo("NOT_RATED");
    }

    @Test
    void aDuplicateIsMergedAndTheMergeCanBeUndone() {
        Opinion first = f.submitted("农贸市场排水沟堵塞，污水横流");
        Opinion second = f.submitted("农贸市场排水沟又堵了，污水满地");
        service.merge(second.id(), first.receiptCode(), f.user("office"));
        assertThat(f.status(second.id())).isEqualTo("MERGED");
        assertThatThrownBy(() -> service.merge(first.id(), first.receiptCode(), f.user("office")))
                .isInstanceOf(BusinessException.class);
        service.unmerge(second.id(), f.user("office"));
        assertThat(f.status(second.id())).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('opinion.merged', 'opinion.unmerged') and subject_id = :id")
                .param("id", Long.toString(second.id())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRejectionNeedsAReasonFromTheDictionary() {
        Opinion o = f.submitted("推销某某保健品，价格优惠");
        assertThatThrownBy(() -> service.reject(o.id(), "MADE_UP", null, f.user("office"))).isInstanceOf(BusinessException.class);
        service.reject(o.id(), "ADVERTISING", "与公共事务无关", f.user("office"));
        assertThat(f.status(o.id())).isEqualTo("REJECTED");
    }

    @Test
    void consentIsRequiredForPersonalData() {
        long before = jdbc.sql("select count(*) from opinion").query(Long.class).single();
        assertThatThrownBy(() -> service.submit(org.civicloop.opinions.domain.SubmitOpinion.fromPublic(null, "127.0.0.1")
                .category("URBAN").content("没有同意也留了电话号码的意见").place(f.anyVillageOf(OpinionFixtures.QINGYAN), null)
                .voter(null, "13800138000", null).consent(false).build(), List.of()))
                .isInstanceOfSatisfying(Opinions.InvalidOpinion.class, e -> assertThat(e.problems())
                        .extracting(org.civicloop.shared.InvalidInput.Problem::field,
                                org.civicloop.shared.InvalidInput.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("consent", "opinion.error.consent")));
        assertThat(jdbc.sql("select count(*) from opinion").query(Long.class).single()).isEqualTo(before);
    }
}
