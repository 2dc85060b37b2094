package org.civicloop.opinions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.civicloop.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

/** The submission command on its own: what it normalises and what it reports, without a database. */
class SubmitOpinionTests {

    private static final OpinionsProperties RULES = new OpinionsProperties(5, 2000, 3, 5_242_880, 1, 7, 3, 10, 5, 60, 0.3,
            "520111", Duration.ofHours(1), Duration.ofSeconds(30));

    @Test
    void fieldsAreStrippedAndBlanksBecomeNull() {
        SubmitOpinion s = SubmitOpinion.fromPublic(null, " 10.0.0.1 ").category(" URBAN ")
                .content("  \n路灯坏了三个月没人修 \t").place(" 520111103201 ", "   ")
                .voter("  ", " 13800138000 ", "").consent(true).build();

        assertThat(s.channel()).isEqualTo(Channel.ONLINE);
        assertThat(s.category()).isEqualTo("URBAN");
        assertThat(s.content()).isEqualTo("路灯坏了三个月没人修");
        assertThat(s.placeCode()).isEqualTo("520111103201");
        assertThat(s.placeDetail()).isNull();
        assertThat(s.voterName()).isNull();
        assertThat(s.voterPhone()).isEqualTo("13800138000");
        assertThat(s.voterEmail()).isNull();
        assertThat(s.sourceIp()).isEqualTo("10.0.0.1");
        assertThat(s.personal()).isTrue();
        assertThat(s.problems(RULES)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceInTheOrderOfTheForm() {
        SubmitOpinion s = SubmitOpinion.fromPublic(null, "10.0.0.1").category("  ").content("短")
                .place("Qingyan", "x".repeat(201)).voter("李".repeat(51), "123", "not-an-address").consent(null).build();

        assertThat(s.problems(RULES)).extracting(Problem::field, Problem::messageKey).containsExactly(
                tuple("content", "opinion.error.contentTooShort"),
                tuple("category", "opinion.error.categoryRequired"),
                tuple("placeCode", "opinion.error.place"),
                tuple("placeDetail", "opinion.error.placeDetail"),
                tuple("voterName", "opinion.error.voterName"),
                tuple("voterPhone", "opinion.error.voterPhone"),
                tuple("voterEmail", "opinion.error.voterEmail"),
                tuple("consent", "opinion.error.consent"));
        assertThat(s.problems(RULES).get(0).arguments()).containsExactly("5");
    }

    @Test
    void missingFieldsAndAMissingStaffChannelAreNamed() {
        SubmitOpinion s = SubmitOpinion.recorded(null, null, 7L).content(" ").build();

        assertThat(s.problems(RULES)).extracting(Problem::field, Problem::messageKey).containsExactly(
                tuple("channel", "opinion.error.channel"),
                tuple("content", "opinion.error.contentRequired"),
                tuple("category", "opinion.error.categoryRequired"),
                tuple("placeCode", "opinion.error.placeRequired"));
    }

    @Test
    void contentLengthCountsCharactersNotUtf16UnitsAndRefusesControlCharacters() {
        // five characters outside the basic plane are ten UTF-16 units; still five characters
        assertThat(valid().content("𠀀𠀁𠀂𠀃𠀄").build().problems(RULES)).isEmpty();
        assertThat(valid().content("一".repeat(2001)).build().problems(RULES))
                .extracting(Problem::messageKey).containsExactly("opinion.error.contentTooLong");
        assertThat(valid().content("第一行\n第二行\t还有").build().problems(RULES)).isEmpty();
        assertThat(valid().content("有控制字符\u0007的内容").build().problems(RULES))
                .extracting(Problem::messageKey).containsExactly("opinion.error.controlCharacters");
    }

    @Test
    void personalDataIsDecidedOnceAndNeedsConsent() {
        assertThat(valid().build().personal()).isFalse();
        assertThat(valid().build().problems(RULES)).isEmpty();
        assertThat(valid().voter(null, null, "voter@example.cn").build().problems(RULES))
                .extracting(Problem::field).containsExactly("consent");
        assertThat(valid().voter("张三", null, null).consent(true).build().problems(RULES)).isEmpty();
    }

    @Test
    void eachChannelsFactorySaysWhoSentIt() {
        var deputy = new Addressing.Addressee(AddresseeKind.DEPUTY, 42, "王建国", "", "520111");
        SubmitOpinion qr = SubmitOpinion.fromPublic(deputy, "10.0.0.1").build();
        assertThat(qr.channel()).isEqualTo(Channel.QR);
        assertThat(qr.addresseeKind()).isEqualTo(AddresseeKind.DEPUTY);
        assertThat(qr.addresseeId()).isEqualTo(42L);

        // the hotline recorded the caller's contact under its own consent
        SubmitOpinion hotline = SubmitOpinion.hotline(" T-1 ").category("URBAN").content("路灯坏了三个月没人修")
                .place("520111103201", null).voter("张三", "13800138000", null).build();
        assertThat(hotline.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(hotline.externalRef()).isEqualTo("T-1");
        assertThat(hotline.consent()).isTrue();
        assertThat(hotline.problems(RULES)).isEmpty();

        UUID key = UUID.randomUUID();
        ReceptionDetails reception = new ReceptionDetails(Instant.parse("2026-03-01T02:00:00Z"), "青岩镇集市", 30);
        SubmitOpinion recorded = SubmitOpinion.recorded(Channel.MARKET_DAY, null, 7L).reception(reception, key).build();
        assertThat(recorded.recordedByAccount()).isEqualTo(7L);
        assertThat(recorded.addresseeKind()).isNull();
        assertThat(recorded.reception()).isEqualTo(reception);
        assertThat(recorded.submissionKey()).isEqualTo(key);

        SubmitOpinion partner = SubmitOpinion.fromPartner(Channel.OPEN311, "fms:abc", "10.0.0.2").build();
        assertThat(partner.externalRef()).isEqualTo("fms:abc");
        assertThat(partner.consent()).isFalse();
    }

    @Test
    void problemsFoundLaterAreSortedIntoTheFormsOrder() {
        var sorted = SubmitOpinion.inFieldOrder(java.util.List.of(new Problem("consent", "c"), new Problem("dutyCode", "d"),
                new Problem("placeCode", "p"), new Problem("category", "k")));
        assertThat(sorted).extracting(Problem::field).containsExactly("category", "placeCode", "consent", "dutyCode");
    }

    private static SubmitOpinion.Builder valid() {
        return SubmitOpinion.fromPublic(null, "10.0.0.1").category("URBAN").content("路灯坏了三个月没人修")
                .place("520111103201", null);
    }
}
