package org.civicloop.opinions.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the suite (run it by name): 100,000 ledger rows imported, all or nothing, in under two
 * minutes; prints the figure. Removes its rows afterwards.
 */
@IntegrationTest
class RoutingImportProbe {

    @Autowired
    RoutingImport imports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHundredThousandRowsInUnderTwoMinutes() throws Exception {
        String[] places = {"青岩镇", "花溪区", "", "溪北社区"};
        String[] units = {"花溪区住房和城乡建设局", "花溪区交通运输局", "花溪区市场监督管理局"};
        String[] what = {"路灯不亮，晚上出行很不方便", "小区门口共享单车乱停乱放，堵住人行道", "菜市场的秤不准，缺斤短两",
                "公交站牌信息过时，希望更新", "下水道堵塞，污水横流，气味很大", "学校门口早晚高峰拥堵"};
        Random random = new Random(17);
        Path file = Files.createTempFile("routing-probe-", ".csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("诉求内容,发生地点,日期,问题类别,承办单位,办理结果\n");
            for (int i = 0; i < 100_000; i++) {
                int k = random.nextInt(what.length);
                String text = "市民反映：" + places[random.nextInt(places.length)] + "第" + random.nextInt(500) + "号附近" + what[k]
                        + "。" + "希望有关部门尽快处理，".repeat(1 + random.nextInt(8));
                out.write('"' + text + "\"," + places[random.nextInt(places.length)] + ","
                        + LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700)) + ",," + units[k % units.length] + ",已办结\n");
            }
        }
        long bytes = Files.size(file);
        long before = jdbc.sql("select count(*) from routing_history").query(Long.class).single();
        long started = System.nanoTime();
        RoutingImport.Result result;
        try (var in = Files.newInputStream(file)) {
            result = imports.importTable(in);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Routing history import: %d rows, %d MB CSV, in %d ms%n", result.imported(), bytes >> 20, millis);
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(*) from routing_history").query(Long.class).single()).isEqualTo(before + 100_000);
        assertThat(millis).isLessThan(120_000);
        jdbc.sql("delete from routing_history where id > (select max(id) - 100000 from routing_history) and source = 'IMPORT'").update();
        Files.deleteIfExists(file);
    }
}
