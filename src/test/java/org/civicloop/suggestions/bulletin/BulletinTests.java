package org.civicloop.suggestions.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinGenerated;
import org.civicloop.suggestions.bulletin.BulletinEvents.BulletinPublished;
import org.civicloop.suggestions.kpi.KpiPeriod;
import org.civicloop.suggestions.kpi.KpiReport;
import org.civicloop.suggestions.kpi.UnitKpis;
import org.junit.jupiter.api.Test;

/** A bulletin's life in memory: what making one checks, computing the figures again, publishing, and then no change. */
class BulletinTests {

    private static final Instant T0 = Instant.parse("2026-07-01T02:00:00Z");
    private static final KpiPeriod H1 = new KpiPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "2026-H1");

    private static UnitKpis unit(Long id, String name, long assigned, long replied, long overdue) {
        return new UnitKpis(id, name, assigned, assigned, replied, replied, 0, overdue, 0, 0, 0, 0, 0, 0, Map.of());
    }

    private static KpiReport report(long overdue) {
        return new KpiReport(H1, T0, List.of(new KpiReport.ResultClass("A", "已解决", "Solved")), List.of("A"), List.of("A", "B"),
                List.of(unit(1L, "区住建局", 3, 2, overdue), unit(2L, "区教育局", 2, 2, 0)), unit(null, "", 5, 4, overdue));
    }

    private static Bulletin created() {
        Bulletin b = Bulletin.create(" 2026年上半年建议办理情况通报 ", H1, "  ", "office", T0);
        b.assignId(5);
        return b;
    }

    private static void refused(Runnable move, String key) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void makingOneChecksTheTitlePeriodAndForeword() {
        Bulletin b = created();
        assertThat(b.title()).isEqualTo("2026年上半年建议办理情况通报");
        assertThat(b.foreword()).isNull();
        assertThat(b.status()).isEqualTo(BulletinStatus.GENERATED);
        refused(() -> Bulletin.create(" ", H1, null, "office", T0), "bulletin.error.title");
        refused(() -> Bulletin.create("x".repeat(Bulletin.MAX_TITLE + 1), H1, null, "office", T0), "bulletin.error.titleTooLong");
        refused(() -> Bulletin.create("通报", null, null, "office", T0), "kpi.error.period");
        refused(() -> Bulletin.create("通报", H1, "x".repeat(Bulletin.MAX_FOREWORD + 1), "office", T0), "bulletin.error.forewordTooLong");
    }

    @Test
    void theFirstFiguresAreNotAgainAndTheNextAre() {
        Bulletin b = created();
        BulletinGenerated first = b.generate(report(1), "office", T0);
        assertThat(first.after()).isEqualTo(Map.of("title", "2026年上半年建议办理情况通报", "from", "2026-01-01", "to", "2026-06-30",
                "again", false, "units", 2, "overdue", 1, "assigned", 5L, "replied", 4L));
        assertThat(first.action()).isEqualTo("bulletin.generated");
        assertThat(first.subjectId()).isEqualTo("5");
        assertThat(b.solvedClasses()).containsExactly("A");
        assertThat(b.implementedClasses()).containsExactly("A", "B");

        BulletinGenerated again = b.generate(report(0), "office2", T0.plusSeconds(3600));
        assertThat(again.again()).isTrue();
        assertThat(again.overdue()).isZero();
        assertThat(b.generatedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(b.generatedBy()).isEqualTo("office2");
    }

    @Test
    void aLoadedBulletinComputesItsFiguresAgain() {
        Bulletin loaded = new Bulletin(6L, "通报", H1, null, BulletinStatus.GENERATED, List.of(), List.of(), List.of(), T0, "office",
                null, null, T0, true);
        assertThat(loaded.generate(report(0), "office", T0).again()).isTrue();
    }

    @Test
    void publishingFreezesIt() {
        Bulletin b = created();
        b.generate(report(1), "office", T0);
        BulletinPublished e = b.publish("director", T0.plusSeconds(60));
        assertThat(b.status()).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(b.publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(b.publishedBy()).isEqualTo("director");
        assertThat(e.action()).isEqualTo("bulletin.published");
        assertThat(e.before()).isEqualTo(Map.of("status", "GENERATED"));
        assertThat(e.after()).isEqualTo(Map.of("status", "PUBLISHED", "title", "2026年上半年建议办理情况通报"));

        refused(() -> b.generate(report(0), "office", T0.plusSeconds(120)), "bulletin.error.published");
        refused(() -> b.publish("director", T0.plusSeconds(120)), "bulletin.error.published");
        assertThat(b.generatedAt()).isEqualTo(T0);
        assertThat(b.publishedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void onlyGeneratedMovesToPublished() {
        assertThat(BulletinStatus.GENERATED.canTransitionTo(BulletinStatus.PUBLISHED)).isTrue();
        assertThat(BulletinStatus.PUBLISHED.canTransitionTo(BulletinStatus.GENERATED)).isFalse();
        assertThat(BulletinStatus.PUBLISHED.canTransitionTo(BulletinStatus.PUBLISHED)).isFalse();
        assertThat(BulletinStatus.GENERATED.canTransitionTo(BulletinStatus.GENERATED)).isFalse();
    }
}
