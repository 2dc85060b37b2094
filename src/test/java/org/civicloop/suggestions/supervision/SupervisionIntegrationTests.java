package org.civicloop.suggestions.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.supervision.domain.ContinuousSupervisionService;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService;
import org.civicloop.suggestions.supervision.domain.LeadSupervisionService.ActivityDraft;
import org.civicloop.suggestions.supervision.domain.ResolutionService;
import org.civicloop.suggestions.supervision.domain.Resolution.ResolutionDraft;
import org.civicloop.suggestions.supervision.domain.SupervisionQueries;
import org.civicloop.suggestions.supervision.domain.SupervisionReminders;
import org.civicloop.suggestions.supervision.domain.TrackingService;
import org.civicloop.suggestions.supervision.domain.TrackingService.TrackingDraft;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Supervision on the real database: who may do what, the continuous list, the tracking schedule, resolutions, reminders. */
@IntegrationTest
class SupervisionIntegrationTests {

    static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Autowired
    SuggestionService suggestions;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeadSupervisionService lead;
    @Autowired
    ContinuousSupervisionService continuous;
    @Autowired
    TrackingService tracking;
    @Autowired
    ResolutionService resolutions;
    @Autowired
    SupervisionReminders reminders;
    @Autowired
    SupervisionQueries queries;

    SupervisionFixtures f;
    CivicUser office;
    CivicUser leader;
    CivicUser unit;
    CivicUser unit2;
    CivicUser deputy;

    @BeforeEach
    void people() {
        f = new SupervisionFixtures(suggestions, users, jdbc);
        office = f.user("office");
        leader = f.user("leader");
        unit = f.user("unit");
        unit2 = f.user("unit2");
        deputy = f.user("deputy");
    }

    static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(DISTRICT).toInstant();
    }

    static ActivityDraft siteVisit(LocalDate heldOn, LocalDate next) {
        return new ActivityDraft("SITE_VISIT", heldOn, "青岩镇龙井村", "周明、区住建局、村民代表", "察看道路硬化进度，已完成六成。", next);
    }

    static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo(messageKey);
    }

    // ---- lead supervision

    @Test
    void onlyTheOfficeNamesALeaderAndOnlyOnAKeySuggestion() {
        long ordinary = f.assigned("规范青岩古镇夜市摊点", false);
        assertRefused(() -> lead.nameLeader(ordinary, leader.accountId(), null, office), "supervision.error.notKeySuggestion");
        assertThat(lead.leadOf(ordinary)).isEmpty();

        long key = f.assigned("修缮花溪河沿岸步道", true);
        assertThatThrownBy(() -> lead.nameLeader(key, leader.accountId(), null, leader)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.nameLeader(key, leader.accountId(), null, deputy)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.nameLeader(key, leader.accountId(), null, unit)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.nameLeader(key, leader.accountId(), null, unit2)).isInstanceOf(NotFoundException.class);
        assertRefused(() -> lead.nameLeader(key, office.accountId(), null, office), "supervision.error.leader");
        assertRefused(() -> lead.nameLeader(key, null, null, office), "supervision.error.leader");

        lead.nameLeader(key, leader.accountId(), LocalDate.of(2026, 12, 15), office);
        assertThat(lead.leadOf(key)).contains(leader.accountId());
        assertThat(queries.keySuggestionsLedBy(leader.accountId())).extracting(SupervisionQueries.KeyRow::suggestionId).contains(key);
        assertThat(f.audited("suggestion", key, "supervision.leadSupervisorNamed")).isEqualTo(1);
    }

    @Test
    void theNamedLeaderAndTheOfficeRecordActivitiesOthersMayNot() {
        long key = f.assigned("解决党武镇农村饮水安全", true);
        Instant now = at(2026, 11, 20);
        assertRefused(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), null), office, now),
                "supervision.error.noLeadSupervisor");
        assertThatThrownBy(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), null), leader, now))
                .as("not named yet").isInstanceOf(AccessDeniedException.class);
        lead.nameLeader(key, leader.accountId(), LocalDate.of(2026, 11, 30), office);

        long first = lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), LocalDate.of(2027, 1, 15)), leader, now);
        assertThat(first).isPositive();
        assertThat(queries.lead(key).orElseThrow().nextMilestone()).isEqualTo(LocalDate.of(2027, 1, 15));
        lead.recordActivity(key, new ActivityDraft("HEARING", LocalDate.of(2026, 11, 19), "区人大常委会第三会议室", "周明、水务局",
                "听取区水务局关于饮水工程的专题汇报。", null), office, now);
        assertThat(queries.lead(key).orElseThrow().nextMilestone()).as("no new milestone keeps the old one").isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(queries.activities(key)).extracting(SupervisionQueries.Activity::kind).containsExactly("HEARING", "SITE_VISIT");

        assertThatThrownBy(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), null), f.otherLeader(), now))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), null), unit, now))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), null), unit2, now))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), null), deputy, now))
                .isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 21), null), leader, now), "supervision.error.dateInFuture");
        assertRefused(() -> lead.recordActivity(key, siteVisit(LocalDate.of(1900, 1, 1), null), leader, now), "supervision.error.dateTooEarly");
        // a next milestone more than ten years ahead is a slip (9999-12-31), refused like the others
        assertRefused(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), LocalDate.of(9999, 12, 31)), leader, now),
                "supervision.error.dateTooFar");
        assertRefused(() -> lead.recordActivity(key, siteVisit(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 18)), leader, now),
                "supervision.error.milestoneBeforeActivity");
        assertRefused(() -> lead.recordActivity(key, new ActivityDraft("PARTY", LocalDate.of(2026, 11, 18), "x", "y", "z", null), leader, now),
                "supervision.error.activityKind");
        assertRefused(() -> lead.recordActivity(key, new ActivityDraft("HEARING", LocalDate.of(2026, 11, 18), " ", "y", "z", null), leader, now),
                "supervision.error.textRequired");
        assertThat(queries.activities(key)).as("refused records wrote nothing").hasSize(2);
        assertThat(f.audited("suggestion", key, "supervision.activityRecorded")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from suggestion_step where suggestion_id = :s and kind = 'supervision.activityRecorded'")
                .param("s", key).query(Long.class).single()).as("on the suggestion's timeline").isEqualTo(2);
    }

    // ---- continuous supervision

    int year() {
        return LocalDate.now(DISTRICT).getYear();
    }

    Long itemOf(long suggestionId) {
        return jdbc.sql("select id from supervision_continuous where suggestion_id = :s").param("s", suggestionId)
                .query(Long.class).optional().orElse(null);
    }

    List<Integer> years(long itemId) {
        return jdbc.sql("select year from supervision_continuous_year where item_id = :i order by year").param("i", itemId)
                .query(Integer.class).list();
    }

    @Test
    void aSuggestionClosedWithClassBEntersTheContinuousListOfItsYearAndOneWithClassANot() {
        long solved = f.closed("完善大学城夜间公交", "A", "A");
        assertThat(itemOf(solved)).isNull();
        long downgraded = f.closed("改造孟关乡集镇排水管网", "A", "B");
        Long item = itemOf(downgraded);
        assertThat(item).as("the audited class counts, not the unit's").isNotNull();
        assertThat(years(item)).containsExactly(year());
        assertThat(jdbc.sql("select result_class || ':' || unit_id from supervision_continuous where id = :i").param("i", item)
                .query(String.class).single()).isEqualTo("B:" + f.unitId(SupervisionFixtures.HOUSING));
        assertThat(f.audited("suggestion", downgraded, "supervision.continuousEntered")).isEqualTo(1);
        long later = f.closed("建设石板镇农贸市场", "C", "C");
        assertThat(itemOf(later)).isNotNull();
        assertThat(queries.continuous(year(), 0, "改造孟关乡集镇排水管网", "", 0, 25).items())
                .extracting(SupervisionQueries.ContinuousRow::itemId).containsExactly(item);
    }

    @Test
    void carryingForwardIsIdempotentSolvedItemsStayBehindAndEachYearKeepsItsReport() {
        int y = year();
        long first = f.closed("治理麦坪镇河道采砂", "B", "B");
        long second = f.closed("增设久安乡卫生室", "C", "C");
        long a = itemOf(first);
        long b = itemOf(second);

        assertThatThrownBy(() -> continuous.carryForward(y, leader)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> continuous.carryForward(y, unit)).isInstanceOf(AccessDeniedException.class);
        continuous.reportProgress(a, y, "已完成河道巡查机制建设。", unit);
        assertThatThrownBy(() -> continuous.reportProgress(a, y, "x", unit2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> continuous.reportProgress(a, y, "x", leader)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> continuous.reportProgress(a, y, "x", deputy)).isInstanceOf(NotFoundException.class);
        assertRefused(() -> continuous.reportProgress(a, y + 1, "x", unit), "supervision.error.notInYear");

        assertThat(continuous.carryForward(y, office)).isGreaterThanOrEqualTo(2);
        assertThat(years(a)).containsExactly(y, y + 1);
        assertThat(years(b)).containsExactly(y, y + 1);
        assertThat(continuous.carryForward(y, office)).as("the second time changes nothing").isZero();
        assertThat(years(a)).containsExactly(y, y + 1);
        assertThat(f.audited("suggestion", first, "supervision.continuousCarriedForward")).isEqualTo(1);

        continuous.reportProgress(a, y + 1, "采砂点已全部取缔，河道生态修复进行中。", unit);
        assertThatThrownBy(() -> continuous.markSolved(b, LocalDate.now(DISTRICT), "已建成", unit)).isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> continuous.markSolved(b, LocalDate.now(DISTRICT), " ", office), "supervision.error.textRequired");
        continuous.markSolved(b, LocalDate.now(DISTRICT), "卫生室已建成并投入使用。", office);
        assertRefused(() -> continuous.markSolved(b, LocalDate.now(DISTRICT), "again", office), "supervision.error.solved");
        assertRefused(() -> continuous.reportProgress(b, y + 1, "x", unit), "supervision.error.solved");

        continuous.carryForward(y + 1, office);
        assertThat(years(a)).containsExactly(y, y + 1, y + 2);
        assertThat(years(b)).as("a solved item is carried no further").containsExactly(y, y + 1);
        assertThat(queries.continuousHistory(a)).extracting(SupervisionQueries.YearRow::year, SupervisionQueries.YearRow::carried,
                        SupervisionQueries.YearRow::progressReport)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(y, false, "已完成河道巡查机制建设。"),
                        org.assertj.core.groups.Tuple.tuple(y + 1, true, "采砂点已全部取缔，河道生态修复进行中。"),
                        org.assertj.core.groups.Tuple.tuple(y + 2, true, null));
        var row = queries.continuous(y + 1, 0, "增设久安乡卫生室", "", 0, 25).items().get(0);
        assertThat(row.solvedOn()).isEqualTo(LocalDate.now(DISTRICT));
        assertThat(row.carriedOn()).isFalse();
        assertThat(queries.continuous(y + 1, 0, "增设久安乡卫生室", "OPEN", 0, 25).items()).isEmpty();
        assertThat(queries.continuous(y, 0, "治理麦坪镇河道采砂", "", 0, 25).items().get(0).carriedOn()).isTrue();
    }

    // ---- tracking

    @Test
    void theTrackingScheduleCountsFromItsStartAndLateReportsAreMarked() {
        long open = f.assigned("整治溪北社区噪音扰民", false);
        long done = f.closed("修复黔陶乡通组公路", "A", "A");
        long housing = f.unitId(SupervisionFixtures.HOUSING);
        TrackingDraft every3 = new TrackingDraft(housing, 3, LocalDate.of(2026, 1, 31), null, "道路养护情况每季度报告");

        assertRefused(() -> tracking.start(open, every3, office), "supervision.error.notClosed");
        assertThatThrownBy(() -> tracking.start(done, every3, leader)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.start(done, every3, deputy)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.start(done, every3, unit)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.start(done, every3, unit2)).isInstanceOf(NotFoundException.class);
        assertRefused(() -> tracking.start(done, new TrackingDraft(housing, 0, LocalDate.of(2026, 1, 31), null, null), office),
                "supervision.error.interval");

        long id = tracking.start(done, every3, office);
        assertRefused(() -> tracking.start(done, every3, office), "supervision.error.alreadyTracked");
        // 31 January + 3 months = 30 April; the second period counts from the start again: 31 July, not 30 July
        assertThat(queries.trackingDetail(id).orElseThrow().nextDueOn()).isEqualTo(LocalDate.of(2026, 4, 30));

        assertThatThrownBy(() -> tracking.report(id, "x", unit2, at(2026, 4, 20))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tracking.report(id, "x", office, at(2026, 4, 20))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.report(id, "x", leader, at(2026, 4, 20))).isInstanceOf(AccessDeniedException.class);
        tracking.report(id, "一季度完成路面修补三处。", unit, at(2026, 4, 20));
        assertThat(queries.trackingDetail(id).orElseThrow().nextDueOn()).isEqualTo(LocalDate.of(2026, 7, 31));
        tracking.report(id, "二季度完成边沟清理。", unit, at(2026, 8, 5));
        assertThat(queries.trackingDetail(id).orElseThrow().nextDueOn()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(queries.trackingReports(id)).extracting(SupervisionQueries.TrackingReport::period,
                        SupervisionQueries.TrackingReport::dueOn, SupervisionQueries.TrackingReport::late)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 4, 30), false),
                        org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 7, 31), true));

        assertThatThrownBy(() -> tracking.close(id, "养护已纳入常态", unit)).isInstanceOf(AccessDeniedException.class);
        tracking.close(id, "养护已纳入常态", office);
        assertRefused(() -> tracking.report(id, "x", unit, at(2026, 10, 1)), "supervision.error.closed");
        assertThat(f.audited("suggestion", done, "supervision.trackingReportFiled")).isEqualTo(2);
        assertThat(f.audited("suggestion", done, "supervision.trackingClosed")).isEqualTo(1);
        assertThat(tracking.start(done, every3, office)).as("a closed tracking can start again").isNotEqualTo(id);
    }

    @Test
    void theReminderTaskTellsTheUnitOnceWhenDueSoonAndTheOfficeOnceWhenOverdue() {
        long done = f.closed("维护青岩古镇消防通道", "A", "A");
        long id = tracking.start(done, new TrackingDraft(f.unitId(SupervisionFixtures.HOUSING), 3, LocalDate.of(2026, 1, 31), null, null), office);
        String link = "/supervision/tracking/" + id;

        reminders.remind(at(2026, 4, 10)); // 20 days before 30 April: outside the 14-day window
        assertThat(f.messages("unit", "supervision.notice.trackingDueSoon", link)).isZero();
        reminders.remind(at(2026, 4, 16)); // 14 days before: inside
        reminders.remind(at(2026, 4, 20));
        assertThat(f.messages("unit", "supervision.notice.trackingDueSoon", link)).as("once per due date").isEqualTo(1);
        assertThat(f.messages("unit2", "supervision.notice.trackingDueSoon", link)).isZero();
        assertThat(f.messages("office", "supervision.notice.trackingOverdue", link)).isZero();

        reminders.remind(at(2026, 4, 30)); // due today is not late
        assertThat(f.messages("office", "supervision.notice.trackingOverdue", link)).isZero();
        reminders.remind(at(2026, 5, 1));
        reminders.remind(at(2026, 5, 2));
        assertThat(f.messages("office", "supervision.notice.trackingOverdue", link)).isEqualTo(1);

        tracking.report(id, "已整改占用消防通道的摊点。", f.user("unit"), at(2026, 5, 3));
        reminders.remind(at(2026, 7, 20)); // next due 31 July
        assertThat(f.messages("unit", "supervision.notice.trackingDueSoon", link)).as("the next period reminds again").isEqualTo(2);
    }

    @Test
    void aLeadSupervisorIsRemindedOnceOfEachMilestoneThatComesNear() {
        long key = f.assigned("改造花溪公园无障碍通道", true);
        String link = "/supervision/suggestions/" + key;
        lead.nameLeader(key, leader.accountId(), LocalDate.of(2026, 6, 30), office);

        reminders.remind(at(2026, 6, 10)); // 20 days before: outside the 14-day window
        assertThat(f.messages("leader", "supervision.notice.milestoneDueSoon", link)).isZero();
        reminders.remind(at(2026, 6, 16)); // 14 days before: inside
        reminders.remind(at(2026, 6, 20));
        assertThat(f.messages("leader", "supervision.notice.milestoneDueSoon", link)).as("once per milestone").isEqualTo(1);
        assertThat(f.messages("office", "supervision.notice.milestoneDueSoon", link)).isZero();

        lead.nameLeader(key, leader.accountId(), LocalDate.of(2026, 9, 30), office); // the next milestone
        reminders.remind(at(2026, 9, 20));
        assertThat(f.messages("leader", "supervision.notice.milestoneDueSoon", link)).as("a new milestone reminds again").isEqualTo(2);
    }

    // ---- resolutions

    ResolutionDraft resolution(String number, List<Long> suggestionIds, List<Long> units) {
        return new ResolutionDraft(number, "关于加强农村饮水安全保障的决议", LocalDate.of(2026, 1, 10), "常委会第二十次会议通过。",
                suggestionIds, "各责任单位于3月底前报告落实情况。", LocalDate.of(2026, 3, 31), units, leader.accountId());
    }

    @Test
    void aResolutionIsFollowedUpByItsUnitsAndAnOverdueOneIsEscalated() {
        long covered = f.assigned("保障高坡乡冬季供水", false);
        long housing = f.unitId(SupervisionFixtures.HOUSING);
        long education = f.unitId(SupervisionFixtures.EDUCATION);
        String number = "花人常〔2026〕" + System.nanoTime() % 100000 + "号";
        long draft = suggestions.draft(new org.civicloop.suggestions.domain.SuggestionDraft("草稿", "内容", "URBAN",
                org.civicloop.suggestions.domain.SubmissionPeriod.RECESS, List.of(), List.of()), deputy);

        assertThatThrownBy(() -> resolutions.record(resolution(number, List.of(covered), List.of(housing)), leader))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resolutions.record(resolution(number, List.of(covered), List.of(housing)), unit))
                .isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> resolutions.record(resolution(number, List.of(draft), List.of(housing)), office),
                "supervision.error.suggestionNotRegistered");
        assertRefused(() -> resolutions.record(resolution(number, List.of(covered), List.of()), office), "supervision.error.units");
        long id = resolutions.record(resolution(number, List.of(covered), List.of(housing, education)), office);
        assertRefused(() -> resolutions.record(resolution(number, List.of(covered), List.of(housing)), office), "supervision.error.numberTaken");
        assertThat(queries.resolutionsCovering(covered)).extracting(SupervisionQueries.ResolutionRow::id).containsExactly(id);
        assertThat(queries.resolutionsLedBy(leader.accountId())).extracting(SupervisionQueries.ResolutionRow::id).contains(id);

        resolutions.report(id, "已完成高坡乡三处水源点改造。", unit, at(2026, 3, 20));
        assertThatThrownBy(() -> resolutions.report(id, "x", leader, at(2026, 3, 20))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resolutions.report(id, "x", deputy, at(2026, 3, 20))).isInstanceOf(NotFoundException.class);
        assertThat(queries.resolutionsOfUnit(f.unitId(SupervisionFixtures.EDUCATION)))
                .filteredOn(r -> r.id() == id).singleElement().extracting(SupervisionQueries.UnitResolution::reported).isEqualTo(false);

        String link = "/supervision/resolutions/" + id;
        reminders.remind(at(2026, 3, 25));
        assertThat(f.messages("unit2", "supervision.notice.resolutionDueSoon", link)).isEqualTo(1);
        assertThat(f.messages("unit", "supervision.notice.resolutionDueSoon", link)).as("already reported").isZero();
        reminders.remind(at(2026, 4, 1));
        reminders.remind(at(2026, 4, 2));
        assertThat(f.messages("office", "supervision.notice.resolutionOverdue", link)).isEqualTo(1);

        resolutions.report(id, "学校供水设施已检修。", unit2, at(2026, 4, 5));
        assertThat(jdbc.sql("select late from supervision_resolution_report where resolution_id = :r order by id").param("r", id)
                .query(Boolean.class).list()).containsExactly(false, true);
        assertThat(queries.resolutions("", number, 0, 10).items().get(0).allReported()).isTrue();

        long other = resolutions.record(resolution(number + "-2", List.of(covered), List.of(education)), office);
        assertThatThrownBy(() -> resolutions.report(other, "x", unit, at(2026, 3, 20))).as("not named: does not exist for the unit")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resolutions.close(id, null, unit)).isInstanceOf(AccessDeniedException.class);
        resolutions.close(id, "各单位均已落实。", office);
        assertRefused(() -> resolutions.report(id, "x", unit, at(2026, 4, 6)), "supervision.error.closed");
        assertThat(f.audited("resolution", id, "supervision.resolutionFollowUpReported")).isEqualTo(2);
        assertThat(f.audited("resolution", id, "supervision.resolutionClosed")).isEqualTo(1);
    }
}
