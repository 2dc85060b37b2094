package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.shared.BusinessException;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Staff texts are checked against their columns before the database sees them (these were server
 * errors: a reject note over 500 characters, instructions over 1,000, a contact summary over 1,000,
 * a NUL anywhere), and text made only of zero-width characters is no text. Nothing is written.
 */
@IntegrationTest
class StaffTextLimitsIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private OpinionFixtures fixtures() {
        return new OpinionFixtures(service, users, jdbc);
    }

    @Test
    void aRejectNoteLongerThanItsColumnOrWithANulIsRefusedAndTheOpinionStaysNew() {
        OpinionFixtures f = fixtures();
        Opinion o = f.submitted("青岩镇北街的路灯已经坏了两个星期");
        assertThatThrownBy(() -> service.reject(o.id(), "OUT_OF_SCOPE", "长".repeat(501), f.user("office")))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("opinion.error.textTooLong");
                    assertThat(e.arguments()).containsExactly(500);
                });
        assertThatThrownBy(() -> service.reject(o.id(), "OUT_OF_SCOPE", "重复\u0000提交", f.user("office")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("input.error.controlCharacters"));
        assertThatThrownBy(() -> service.reject(o.id(), "OUT_OF\u0000SCOPE", null, f.user("office")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("opinion.error.rejectReason"));
        assertThat(f.status(o.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void forwardInstructionsOverAThousandCharactersAreRefusedAndNoWorkOrderIsWritten() {
        OpinionFixtures f = fixtures();
        Opinion o = f.submitted("青岩镇南街的下水道堵塞很久了");
        service.accept(o.id(), f.user("office"));
        long housing = f.unitId("花溪区住房和城乡建设局");
        assertThatThrownBy(() -> service.forward(o.id(), housing, "请".repeat(1001), f.user("office")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.arguments()).containsExactly(1000));
        assertThat(jdbc.sql("select count(*) from work_order where opinion_id = :o").param("o", o.id()).query(Long.class).single())
                .isZero();
        assertThat(f.status(o.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void aContactSummaryTooLongOrMadeOfZeroWidthCharactersIsRefused() {
        OpinionFixtures f = fixtures();
        long order = f.forwardedToHousing(f.submitted("青岩镇西街的垃圾没有人清运"));
        assertThatThrownBy(() -> service.recordContact(order, "PHONE", "话".repeat(1001), f.user("unit")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("opinion.error.textTooLong"));
        assertThatThrownBy(() -> service.recordContact(order, "PHONE", "\u200B\u200C\u200D\uFEFF", f.user("unit")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("opinion.error.textRequired"));
        assertThat(jdbc.sql("select count(*) from work_order_contact where work_order_id = :w").param("w", order)
                .query(Long.class).single()).isZero();
        service.recordContact(order, "PHONE", "已电话联系，😀 说明了处理进度", f.user("unit"));
        assertThat(jdbc.sql("select count(*) from work_order_contact where work_order_id = :w").param("w", order)
                .query(Long.class).single()).isOne();
    }
}
