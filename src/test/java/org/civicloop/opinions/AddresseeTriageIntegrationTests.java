package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civicloop.opinions.domain.AddresseeKind;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A QR code's addressee triages what came through their code, and only that. */
@IntegrationTest
class AddresseeTriageIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    OpinionQueries queries;
    @Autowired
    Addressing addressing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    OpinionFixtures f;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
    }

    private Opinion viaCode(String token, String content) {
        Addressing.Addressee a = addressing.byToken(token).orElseThrow();
        return service.submit(SubmitOpinion.of(Channel.QR).addressee(a.kind(), a.id()).category("RURAL").content(content)
                .place(f.anyVillageOf(OpinionFixtures.QINGYAN), null).build(), List.of());
    }

    @Test
    void theDemoCodesNameTheDemoDeputyAndStation() {
        assertThat(addressing.byToken("wangjg2026hx").orElseThrow().kind()).isEqualTo(AddresseeKind.DEPUTY);
        assertThat(addressing.byToken("WANGJG2026HX").orElseThrow().name()).isEqualTo("王建国");
        assertThat(addressing.byToken("qingyan2026z").orElseThrow().kind()).isEqualTo(AddresseeKind.SITE);
        assertThat(addressing.byToken("nobody000000")).isEmpty();
    }

    @Test
    void aDeputyTriagesWhatCameThroughTheirCodeAndNothingElse() {
        Opinion mine = viaCode("wangjg2026hx", "通过王建国代表二维码反映：村里缺少路灯");
        Opinion other = f.submitted("直接在网上反映的意见，没有扫码");
        assertThatThrownBy(() -> service.accept(other.id(), f.user("deputy"))).isInstanceOf(AccessDeniedException.class);
        service.accept(mine.id(), f.user("deputy"));
        service.answer(mine.id(), "已与村委会沟通，下月安装。", f.user("deputy"));
        assertThat(f.status(mine.id())).isEqualTo("REPLIED");
        assertThat(jdbc.sql("select replied_by from opinion where id = :id").param("id", mine.id()).query(String.class).single())
                .isEqualTo("王建国（区人大代表）");

        var queue = queries.queue(new OpinionQueries.QueueFilter("", "", "", "", "", null, null, null), f.user("deputy"), null, null, 1000);
        assertThat(queue).extracting(OpinionQueries.QueueRow::id).contains(mine.id()).doesNotContain(other.id());
        assertThat(queue).allMatch(r -> "DEPUTY".equals(r.addresseeKind()));
    }

    @Test
    void stationStaffTriageWhatCameThroughTheirStationsCode() {
        Opinion atStation = viaCode("qingyan2026z", "在青岩镇联络站扫码反映：集市摊位收费不透明");
        Opinion toDeputy = viaCode("wangjg2026hx", "扫代表码反映的意见，联络站无权处理");
        assertThatThrownBy(() -> service.accept(toDeputy.id(), f.user("station"))).isInstanceOf(AccessDeniedException.class);
        service.accept(atStation.id(), f.user("station"));
        long order = service.forward(atStation.id(), f.unitId("花溪区市场监督管理局"), "请核查收费", f.user("station"));
        assertThat(f.orderStatus(order)).isEqualTo("ASSIGNED");
        assertThatThrownBy(() -> service.accept(toDeputy.id(), f.user("unit"))).isInstanceOf(AccessDeniedException.class);
    }
}
