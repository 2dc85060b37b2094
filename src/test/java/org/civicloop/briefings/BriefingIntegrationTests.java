package org.civicloop.briefings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicloop.briefings.BriefingEvents.BriefingAttended;
import org.civicloop.briefings.domain.BriefingDraft;
import org.civicloop.briefings.domain.BriefingKind;
import org.civicloop.briefings.domain.BriefingQueries;
import org.civicloop.briefings.domain.BriefingService;
import org.civicloop.briefings.domain.HalfYear;
import org.civicloop.shared.BusinessException;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Briefings against the real database: the door code's sign-in accepted once in the window and refused
 * (with the reason, in the user's language) for a second scan, outside the window and for a deputy not
 * invited; leave asked and approved; bad input on every form refused and nothing written; materials
 * only for the invited; the demo's half-year. The demo login {@code deputy} is 王建国. Each test plans
 * its own briefings a year ahead, with the service's clock set to the moment it needs.
 */
@IntegrationTest
@RecordApplicationEvents
class BriefingIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BriefingService service;
    @Autowired
    BriefingQueries queries;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void realTime() {
        service.useClock(Clock.systemUTC());
    }

    @Test
    void aDeputySignsInOnceWithinTheWindowAndIsRefusedOtherwise() throws Exception {
        LocalDateTime start = LocalDate.now(service.zone()).plusDays(370).atTime(9, 0);
        long id = plan(start, Set.of(demo.deputy("王建国"), demo.deputy("李秀英")));
        String token = token(id);
        Instant startsAt = start.atZone(service.zone()).toInstant();

        at(startsAt.minus(Duration.ofMinutes(31)));
        mvc.perform(post("/briefings/sign-in/{t}", token).with(csrf()).with(deputy()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("签到尚未开始")));
        assertThat(invitation(id, "王建国")).isEqualTo("INVITED");

        at(startsAt.minus(Duration.ofMinutes(29)));
        mvc.perform(get("/briefings/sign-in/{t}", token).with(deputy()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sign-in-button\"")));
        mvc.perform(post("/briefings/sign-in/{t}", token).with(csrf()).with(deputy()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到成功")));
        assertThat(invitation(id, "王建国")).isEqualTo("PRESENT");
        assertThat(attended(id)).containsExactly(new BriefingAttended(id, "BRIEFING", "测试情况通报会",
                start.toLocalDate(), demo.deputy("王建国")));

        // the second scan: refused, nothing published again
        mvc.perform(post("/briefings/sign-in/{t}", token).with(csrf()).with(deputy()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("无需重复签到")));
        mvc.perform(post("/briefings/sign-in/{t}", token).with(csrf()).with(deputy())
                        .cookie(new jakarta.servlet.http.Cookie("civicloop-lang", "en")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("no need to sign in again")));
        assertThat(attended(id)).hasSize(1);

        // after the end: closed (for the deputy who has not come)
        long other = plan(start, Set.of(demo.deputy("王建国")));
        at(startsAt.plus(Duration.ofHours(2)));
        mvc.perform(post("/briefings/sign-in/{t}", token(other)).with(csrf()).with(deputy()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("签到已关闭")));
        assertThat(invitation(other, "王建国")).isEqualTo("INVITED");
        assertThat(attended(other)).isEmpty();
    }

    @Test
    void aDeputyNotInvitedIsRefusedAndAnUnknownCodeFindsNothing() throws Exception {
        LocalDateTime start = LocalDate.now(service.zone()).plusDays(371).atTime(14, 30);
        long id = plan(start, Set.of(demo.deputy("李秀英")));
        at(start.atZone(service.zone()).toInstant());
        mvc.perform(get("/briefings/sign-in/{t}", token(id)).with(deputy()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不在本次活动的邀请名单中")))
                .andExpect(content().string(not(containsString("id=\"sign-in-button\""))));
        mvc.perform(post("/briefings/sign-in/{t}", token(id)).with(csrf()).with(deputy()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("不在本次活动的邀请名单中")));
        assertThat(jdbc.sql("select count(*) from briefing_invitation where briefing_id = :b").param("b", id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(attended(id)).isEmpty();
        // the invited deputy's page of a briefing is not there for another deputy
        mvc.perform(get("/briefings/{id}", id).with(deputy())).andExpect(status().isNotFound());
        mvc.perform(post("/briefings/sign-in/{t}", "zzzzzzzzzzzz").with(csrf()).with(deputy()))
                .andExpect(status().isNotFound());
        // a staff member who is no deputy cannot sign in at all
        mvc.perform(get("/briefings/sign-in/{t}", token(id)).with(user(demo.user("station")))).andExpect(status().isForbidden());
    }

    @Test
    void twoScansAtTheSameMomentRecordTheDeputyOnce() throws Exception {
        LocalDateTime start = LocalDate.now(service.zone()).plusDays(372).atTime(9, 0);
        long id = plan(start, Set.of(demo.deputy("王建国")));
        at(start.atZone(service.zone()).toInstant());
        String token = token(id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> scans = new ArrayList<>();
            Callable<Boolean> scan = () -> {
                try {
                    service.signIn(token, demo.user("deputy"));
                    return true;
                } catch (BusinessException refused) {
                    assertThat(refused.messageKey()).startsWith("briefing.signIn.already");
                    return false;
                }
            };
            scans.add(pool.submit(scan));
            scans.add(pool.submit(scan));
            int accepted = 0;
            for (Future<Boolean> f : scans) {
                accepted += f.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'briefing' and subject_id = :id and action = 'briefing.attended'")
                .param("id", Long.toString(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void leaveAskedByTheDeputyIsApprovedByTheOfficeAndCounted() throws Exception {
        LocalDateTime start = LocalDate.now(service.zone()).plusDays(373).atTime(9, 0);
        long id = plan(start, Set.of(demo.deputy("王建国"), demo.deputy("李秀英")));
        at(start.atZone(service.zone()).toInstant().minus(Duration.ofDays(2)));

        // no reason: refused beside the field, nothing written
        mvc.perform(post("/briefings/{id}/leave", id).with(csrf()).with(deputy()).param("reason", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")));
        mvc.perform(post("/briefings/{id}/leave", id).with(csrf()).with(deputy()).param("reason", "x".repeat(501)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最多 500 个字")));
        assertThat(invitation(id, "王建国")).isEqualTo("INVITED");

        mvc.perform(post("/briefings/{id}/leave", id).with(csrf()).with(deputy()).param("reason", "合作社茶叶收购结算，需在现场。"))
                .andExpect(status().is3xxRedirection());
        assertThat(invitation(id, "王建国")).isEqualTo("LEAVE_REQUESTED");
        mvc.perform(get("/briefings").with(office()).param("half", HalfYear.of(start.toLocalDate()).code()))
                .andExpect(content().string(containsString("1 份请假待批")));
        // a deputy cannot decide their own leave
        mvc.perform(post("/briefings/{id}/leave/{d}/approve", id, demo.deputy("王建国")).with(csrf()).with(deputy()))
                .andExpect(status().isForbidden());
        assertThat(invitation(id, "王建国")).isEqualTo("LEAVE_REQUESTED");

        mvc.perform(post("/briefings/{id}/leave/{d}/approve", id, demo.deputy("王建国")).with(csrf()).with(office()))
                .andExpect(status().is3xxRedirection());
        assertThat(invitation(id, "王建国")).isEqualTo("ON_LEAVE");
        // deciding twice: refused, no change
        mvc.perform(post("/briefings/{id}/leave/{d}/decline", id, demo.deputy("王建国")).with(csrf()).with(office()))
                .andExpect(status().is3xxRedirection());
        assertThat(invitation(id, "王建国")).isEqualTo("ON_LEAVE");

        // once over: 王建国 on leave, 李秀英 absent
        Instant after = start.atZone(service.zone()).toInstant().plus(Duration.ofHours(3));
        at(after);
        HalfYear half = HalfYear.of(start.toLocalDate());
        var tally = queries.tally(demo.deputy("王建国"), half, service.zone(), after);
        assertThat(tally.onLeave()).isGreaterThanOrEqualTo(1);
        var row = queries.between(start.minusHours(1).atZone(service.zone()).toInstant(),
                start.plusHours(1).atZone(service.zone()).toInstant(), after, 0, 50).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(List.of(row.invited(), row.present(), row.onLeave(), row.absent())).containsExactly(2, 0, 1, 1);
        mvc.perform(get("/briefings/attendance").with(office()).param("half", half.code()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("王建国")));
    }

    @Test
    void badInputOnEveryFormIsRefusedAndWritesNothing() throws Exception {
        long before = count("briefing");
        String day = LocalDate.now(service.zone()).plusDays(374).toString();
        // nothing at all
        mvc.perform(post("/briefings").with(csrf()).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择活动类别")))
                .andExpect(content().string(containsString("请填写开始时间")))
                .andExpect(content().string(containsString("请至少邀请一位代表")));
        // end before start, a control character, a title too long, an unknown deputy, a malformed time
        mvc.perform(post("/briefings").with(csrf()).with(office()).param("kind", "TRAINING").param("title", "x".repeat(101))
                        .param("startsAt", day + "T10:00").param("endsAt", day + "T09:00").param("place", "会议室\u0007")
                        .param("organiser", "人大办").param("deputyIds", String.valueOf(demo.deputy("王建国"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束时间必须晚于开始时间")))
                .andExpect(content().string(containsString("最多 100 个字")));
        mvc.perform(post("/briefings").with(csrf()).with(office()).param("kind", "TRAINING").param("title", "培训")
                        .param("startsAt", day + "T09:00").param("endsAt", day + "T10:00").param("place", "会议室")
                        .param("organiser", "人大办").param("deputyIds", "999999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选代表不存在")));
        mvc.perform(post("/briefings").with(csrf()).with(office()).param("kind", "NOPE").param("title", "培训")
                        .param("startsAt", "tomorrow").param("endsAt", day + "T10:00").param("place", "会议室")
                        .param("organiser", "人大办").param("deputyIds", String.valueOf(demo.deputy("王建国"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")));
        assertThat(count("briefing")).isEqualTo(before);
        assertThat(count("briefing_invitation where briefing_id not in (select id from briefing)")).isZero();

        // revising with bad input leaves the briefing as it was
        LocalDateTime start = LocalDate.now(service.zone()).plusDays(374).atTime(9, 0);
        long id = plan(start, Set.of(demo.deputy("王建国")));
        mvc.perform(post("/briefings/{id}", id).with(csrf()).with(office()).param("kind", "TRAINING").param("title", "")
                        .param("startsAt", day + "T09:00").param("endsAt", day + "T10:00").param("place", "会议室")
                        .param("organiser", "人大办").param("deputyIds", String.valueOf(demo.deputy("李秀英"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")));
        assertThat(jdbc.sql("select title from briefing where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("测试情况通报会");
        assertThat(jdbc.sql("select deputy_id from briefing_invitation where briefing_id = :id").param("id", id)
                .query(Long.class).list()).containsExactly(demo.deputy("王建国"));

        // materials: a program named .pdf, a text file, an empty file: refused, nothing kept
        long materials = count("briefing_material");
        byte[] program = {'M', 'Z', 0, 0, 1, 2};
        for (MockMultipartFile bad : List.of(new MockMultipartFile("file", "通报.pdf", "application/pdf", program),
                new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile("file", "empty.docx", "application/octet-stream", new byte[0]))) {
            mvc.perform(multipart("/briefings/{id}/materials", id).file(bad).with(csrf()).with(office()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("error-summary")));
        }
        assertThat(count("briefing_material")).isEqualTo(materials);
    }

    @Test
    void materialsAreForTheInvitedDeputiesAndTheOfficeOnly() throws Exception {
        LocalDateTime start = LocalDate.now(service.zone()).plusDays(375).atTime(9, 0);
        long invited = plan(start, Set.of(demo.deputy("王建国")));
        long notInvited = plan(start, Set.of(demo.deputy("李秀英")));
        byte[] pdf = "%PDF-1.4\n% test\n".getBytes(StandardCharsets.ISO_8859_1);
        for (long id : List.of(invited, notInvited)) {
            mvc.perform(multipart("/briefings/{id}/materials", id)
                            .file(new MockMultipartFile("file", "上半年工作情况.pdf", "application/pdf", pdf))
                            .with(csrf()).with(office()))
                    .andExpect(status().is3xxRedirection());
        }
        long mine = material(invited);
        long theirs = material(notInvited);
        mvc.perform(get("/briefings/{id}/materials/{m}", invited, mine).with(deputy()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/briefings/{id}/materials/{m}", notInvited, theirs).with(deputy())).andExpect(status().isNotFound());
        mvc.perform(get("/briefings/{id}/materials/{m}", invited, theirs).with(deputy())).andExpect(status().isNotFound());
        mvc.perform(get("/briefings/{id}/materials/{m}", invited, mine).with(user(demo.user("station")))).andExpect(status().isForbidden());
        mvc.perform(get("/briefings/{id}/materials/{m}", notInvited, theirs).with(office())).andExpect(status().isOk());
    }

    @Test
    void theDemoHasAHalfYearOfAllFourKindsWithAttendanceAndLeave() throws Exception {
        List<String> kinds = jdbc.sql("select distinct kind from briefing where title not like '测试%' order by kind")
                .query(String.class).list();
        assertThat(kinds).containsExactly("BRIEFING", "OBSERVED_MEETING", "STATE_ORGAN_REPORT", "TRAINING");
        assertThat(count("briefing where title not like '测试%'")).isBetween(6L, 8L);
        assertThat(count("briefing_invitation where status = 'PRESENT'")).isGreaterThan(30);
        assertThat(count("briefing_invitation where status = 'ON_LEAVE'")).isGreaterThanOrEqualTo(2);
        assertThat(count("briefing_invitation where leave_declined")).isGreaterThanOrEqualTo(1);
        // every demo attendance went through the service: one audited BriefingAttended per present deputy
        assertThat(count("audit_entry where action = 'briefing.attended'"))
                .isGreaterThanOrEqualTo(count("briefing_invitation i join briefing b on b.id = i.briefing_id "
                        + "where i.status = 'PRESENT' and b.title not like '测试%'"));
        mvc.perform(get("/briefings/mine").with(deputy()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("列席区人民政府第十五次常务会议")));
        mvc.perform(get("/briefings").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("前三季度全区经济运行情况通报会")));
    }

    // ------------------------------------------------------------------ helpers

    private long plan(LocalDateTime start, Set<Long> deputies) {
        return service.schedule(new BriefingDraft(BriefingKind.BRIEFING, "测试情况通报会", start, start.plusHours(2),
                "花溪区人大常委会第一会议室", "花溪区人大常委会办公室", deputies), demo.user("office"));
    }

    private void at(Instant moment) {
        service.useClock(Clock.fixed(moment, ZoneOffset.UTC));
    }

    private String token(long id) {
        return jdbc.sql("select sign_in_token from briefing where id = :id").param("id", id).query(String.class).single();
    }

    private String invitation(long id, String deputy) {
        return jdbc.sql("select status from briefing_invitation where briefing_id = :b and deputy_id = :d")
                .param("b", id).param("d", demo.deputy(deputy)).query(String.class).single();
    }

    private long material(long id) {
        return jdbc.sql("select max(id) from briefing_material where briefing_id = :b").param("b", id).query(Long.class).single();
    }

    private List<BriefingAttended> attended(long id) {
        return events.stream(BriefingAttended.class).filter(e -> e.briefingId() == id).toList();
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
    }

    private RequestPostProcessor deputy() {
        return user(demo.user("deputy"));
    }

    private RequestPostProcessor office() {
        return user(demo.user("office"));
    }
}
