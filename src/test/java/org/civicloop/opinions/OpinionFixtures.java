package org.civicloop.opinions;

import java.util.List;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.DemoFixture;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Shortcuts for tests: the demo's people and places, and an opinion in a given state. */
final class OpinionFixtures {

    static final String QINGYAN = "520111101";          // 青岩镇

    private final OpinionService service;
    private final DemoFixture demo;
    private final JdbcClient jdbc;

    OpinionFixtures(OpinionService service, UserDetailsService users, JdbcClient jdbc) {
        this.service = service;
        this.demo = new DemoFixture(jdbc, users);
        this.jdbc = jdbc;
    }

    CivicUser user(String username) {
        return demo.user(username);
    }

    long unitId(String name) {
        return demo.unit(name);
    }

    String anyVillageOf(String town) {
        return jdbc.sql("select code from region where parent_code = :t order by code limit 1").param("t", town)
                .query(String.class).single();
    }

    Opinion submitted(String content) {
        return submitted(content, "13800138000");
    }

    /** Submitted by the voter of this phone: one phone is one person when people are counted. */
    Opinion submitted(String content, String phone) {
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content)
                .place(anyVillageOf(QINGYAN), null).voter("张三", phone, null).consent(true).build(), List.of());
    }

    /** Submitted, accepted by the office and forwarded to the housing bureau; returns the work order id. */
    long forwardedToHousing(Opinion o) {
        service.accept(o.id(), user("office"));
        return service.forward(o.id(), unitId("花溪区住房和城乡建设局"), "请核实处理", user("office"));
    }

    String status(long opinionId) {
        return jdbc.sql("select status from opinion where id = :id").param("id", opinionId).query(String.class).single();
    }

    String orderStatus(long orderId) {
        return jdbc.sql("select status from work_order where id = :id").param("id", orderId).query(String.class).single();
    }
}
