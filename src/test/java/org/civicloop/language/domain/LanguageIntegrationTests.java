package org.civicloop.language.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.civicloop.language.TextVectors;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LanguageIntegrationTests {

    @Autowired
    LanguageService language;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOpinionGetsAVectorOfTheCurrentModelAndRewordingsAreNearest() {
        language.drain();
        long opinions = jdbc.sql("select count(*) from opinion").query(Long.class).single();
        long vectors = jdbc.sql("select count(*) from text_vector where kind = 'opinion' and model = :m")
                .param("m", SentenceModel.NAME).query(Long.class).single();
        assertThat(vectors).isEqualTo(opinions).isPositive();
        assertThat(language.progress()).filteredOn(p -> p.kind().equals("opinion"))
                .singleElement().satisfies(p -> {
                    assertThat(p.remaining()).isZero();
                    assertThat(p.done()).isEqualTo(opinions);
                });

        // a text no other opinion repeats word for word (other tests in this JVM may submit a demo text again)
        var target = jdbc.sql("""
                        select id, content, district_code from opinion o
                         where not exists (select 1 from opinion p where p.content = o.content and p.id <> o.id)
                         order by id limit 1""")
                .query((rs, n) -> Map.entry(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})).single();
        float[] query = language.embed(target.getValue()[0]).orElseThrow();
        // among the first three: the index scores with vectors quantized to 7 bits, and a near copy of the text
        // submitted by another test in this JVM can score level with the text itself (a full verify saw
        // opinion 234 first for opinion 1, once in three runs)
        var nearest = language.nearest("opinion", query, 3, TextVectors.Filter.any());
        assertThat(nearest).extracting(TextVectors.Neighbour::id).contains(target.getKey());
        assertThat(nearest).filteredOn(n -> n.id() == target.getKey()).singleElement()
                .satisfies(n -> assertThat(n.similarity()).isGreaterThan(0.95));
        // the record itself left out, another district's records never returned, the window respected
        assertThat(language.nearest("opinion", query, 50,
                new TextVectors.Filter(target.getValue()[1], null, null, List.of(target.getKey()))))
                .extracting(TextVectors.Neighbour::id).doesNotContain(target.getKey()).isNotEmpty();
        assertThat(language.nearest("opinion", query, 50, new TextVectors.Filter("999999", null, null, List.of()))).isEmpty();
        assertThat(language.nearest("opinion", query, 50,
                new TextVectors.Filter(null, Instant.now().plus(1, ChronoUnit.DAYS), null, List.of()))).isEmpty();
    }

    @Test
    void aRewordedComplaintIsCloserThanAnotherMatter() {
        float[] lamp = language.embed("小区门口的路灯坏了好几天，晚上很黑").orElseThrow();
        float[] reworded = language.embed("我们小区大门那边路灯不亮已经一周了").orElseThrow();
        float[] school = language.embed("学校门口早上堵车严重").orElseThrow();
        assertThat(TextVectors.cosine(lamp, reworded)).isGreaterThan(TextVectors.cosine(lamp, school) + 0.1);
        assertThat(TextVectors.cosine(lamp, lamp)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    /**
     * Texts for the kill -9 test: the probe commits two per batch and is killed after its first batch, so
     * sixty leave it thirty batches short of done, and the second run still has dozens to compute. (240 took
     * the second run most of half a minute of embedding on two shared cores, for nothing more proved.)
     */
    private static final int PROBE_TEXTS = 60;

    @Test
    void aBackfillKilledWithKillNineResumesWithoutRepeatingFinishedWork(@TempDir Path index) throws Exception {
        jdbc.sql("drop table if exists language_probe").update();
        jdbc.sql("create table language_probe (id bigint primary key, text text not null)").update();
        jdbc.sql("delete from text_vector where kind = 'probe'").update();
        jdbc.sql("delete from text_vector_backfill where kind = 'probe'").update();
        String paragraph = "花溪区青岩镇龙井村村民反映，村里通往镇上的道路坑洼不平，下雨天积水严重，学生上学和老人出行都很不方便，希望尽快修缮。";
        jdbc.sql("insert into language_probe select g, :p || ' 第' || g || '号。' || repeat(:p, 1 + g % 3) from generate_series(1, :n) g")
                .param("p", paragraph).param("n", PROBE_TEXTS).update();

        Process first = probe(index);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (cursor() == 0 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.destroyForcibly(); // SIGKILL
        first.waitFor(10, TimeUnit.SECONDS);
        long reached = cursor();
        assertThat(reached).as("killed half-way").isPositive().isLessThan(PROBE_TEXTS);
        Map<Long, Timestamp> before = computed();
        assertThat(before.keySet()).as("the cursor and the vectors were committed together")
                .allMatch(id -> id <= reached).hasSize((int) reached);
        Instant restart = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();

        Process second = probe(index);
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(index.resolveSibling(index.getFileName() + ".out"))).contains("drained");
        Map<Long, Timestamp> after = computed();
        assertThat(after).hasSize(PROBE_TEXTS);
        assertThat(before).allSatisfy((id, at) -> assertThat(after.get(id)).as("vector %d not computed again", id).isEqualTo(at));
        assertThat(after.entrySet().stream().filter(e -> e.getValue().toInstant().isAfter(restart)).count())
                .isEqualTo(PROBE_TEXTS - reached);
        assertThat(cursor()).isEqualTo(PROBE_TEXTS);
        jdbc.sql("drop table language_probe").update();
        jdbc.sql("delete from text_vector where kind = 'probe'").update();
    }

    private long cursor() {
        return jdbc.sql("select coalesce(max(cursor_id), 0) from text_vector_backfill where kind = 'probe'").query(Long.class).single();
    }

    private Map<Long, Timestamp> computed() {
        return jdbc.sql("select source_id, computed_at from text_vector where kind = 'probe'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Process probe(Path index) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BackfillProbe.class.getName(),
                TestDatabase.jdbcUrl(), index.toString())
                .redirectErrorStream(true).redirectOutput(index.resolveSibling(index.getFileName() + ".out").toFile()).start();
    }
}
