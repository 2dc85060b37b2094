package org.civicloop.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of the language quality benchmark ({@code scripts/LanguageQuality.java}, a single-file
 * program run by {@code scripts/language-quality}), checked against values computed by hand on tiny
 * fixtures. The program is compiled here as it is, so what is tested is what the script runs.
 */
class LanguageQualityMetricsTests {

    static Class<?> program;

    @BeforeAll
    static void compile(@TempDir Path out) throws Exception {
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                Path.of("scripts/LanguageQuality.java").toString());
        assertThat(status).isZero();
        program = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader()).loadClass("LanguageQuality");
    }

    static Object call(String name, Object... args) throws Exception {
        Method m = Arrays.stream(program.getDeclaredMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        m.setAccessible(true);
        return m.invoke(null, args);
    }

    @Test
    void duplicatePrecisionRecallAndShareWithOneShown() throws Exception {
        // matters: a1 a2 a3 | b1 b2 | c1 (c1 has no duplicate); other:99 is an opinion outside the set
        Map<String, String> matterOf = Map.of("a1", "M1", "a2", "M1", "a3", "M1", "b1", "M2", "b2", "M2", "c1", "M3");
        Map<String, Set<String>> shown = Map.of(
                "a1", Set.of("a2", "b1"),            // 1 right of 2
                "a2", Set.of("a1", "a3", "other:99"), // 2 right of 3
                "a3", Set.of(),                       // 0 of its 2 duplicates
                "b1", Set.of("b2"),                   // 1 right of 1
                "b2", Set.of("a1", "b1"),             // 1 right of 2
                "c1", Set.of("b1"));                  // 0 right of 1
        double[] s = (double[]) call("duplicateScores", matterOf, shown);
        // right 5 of 9 shown; 5 of 8 duplicates (2+2+2+1+1); 4 of the 5 opinions with duplicates get one (not a3)
        assertThat(s[0]).isCloseTo(5.0 / 9, within(1e-9));
        assertThat(s[1]).isCloseTo(5.0 / 8, within(1e-9));
        assertThat(s[2]).isCloseTo(4.0 / 5, within(1e-9));
    }

    @Test
    void macroF1AveragesTheClassesF1() throws Exception {
        List<String> gold = List.of("A", "A", "A", "B", "B", "C");
        List<String> predicted = Arrays.asList("A", "A", "B", "B", null, "A");
        // A: tp 2, fp 1, fn 1 -> 4/6; B: tp 1, fp 1, fn 1 -> 2/4; C: tp 0 -> 0; mean 7/18
        assertThat((double) call("macroF1", gold, predicted)).isCloseTo(7.0 / 18, within(1e-9));
        // a class only predicted counts too: A 1, B 0, D 0
        assertThat((double) call("macroF1", List.of("A", "B"), List.of("A", "D"))).isCloseTo(1.0 / 3, within(1e-9));
        assertThat((double) call("macroF1", List.of("A", "B"), List.of("A", "B"))).isEqualTo(1.0);
    }

    @Test
    void topKAccuracyLooksAtTheFirstKSuggestions() throws Exception {
        List<String> gold = List.of("A", "B", "C", "D");
        List<List<String>> ranked = List.of(List.of("A", "B", "C"), List.of("C", "B", "E"), List.of(), List.of("X", "Y", "Z", "D"));
        assertThat((double) call("topKAccuracy", gold, ranked, 1)).isEqualTo(0.25);
        assertThat((double) call("topKAccuracy", gold, ranked, 3)).isEqualTo(0.5);
        assertThat((double) call("topKAccuracy", gold, ranked, 4)).isEqualTo(0.75);
    }

    @Test
    void readsAndWritesTheJsonTheApiSpeaks() throws Exception {
        @SuppressWarnings("unchecked")
        var m = (Map<String, Object>) call("parse", "{\"matches\":[{\"opinionIds\":[12,7],\"band\":\"SAME\"}],"
                + "\"lexicalOnly\":false,\"x\":null,\"c\":0.85,\"t\":\"引号\\\"\\u4e2d\\n\"}");
        assertThat(m.get("lexicalOnly")).isEqualTo(false);
        assertThat(m.get("c")).isEqualTo(0.85);
        assertThat(m.get("t")).isEqualTo("引号\"中\n");
        assertThat(m).containsKey("x");
        assertThat(m.get("matches").toString()).isEqualTo("[{opinionIds=[12, 7], band=SAME}]");
        String text = "他说：\"路灯\\坏了\"\n\t";
        assertThat(call("parse", call("json", text))).isEqualTo(text);
    }

    @Test
    void waitsUntilNoKindHasVectorsRemaining() throws Exception {
        // the shape of GET /api/language/progress (LanguageController.Status)
        Object busy = call("parse", "{\"model\":\"bge\",\"ready\":true,\"kinds\":[{\"kind\":\"opinion\",\"done\":300,"
                + "\"remaining\":76,\"running\":true},{\"kind\":\"suggestion\",\"done\":9,\"remaining\":4,\"running\":true}]}");
        assertThat(call("sum", busy, "remaining")).isEqualTo(80L);
        assertThat(call("first", busy, new String[] {"ready", "modelReady"})).isEqualTo(true);
        Object loading = call("parse", "{\"model\":\"bge\",\"ready\":false,\"kinds\":[]}");
        assertThat(call("sum", loading, "remaining")).isEqualTo(0L);
        assertThat(call("first", loading, new String[] {"ready", "modelReady"})).isEqualTo(false);
    }

    @Test
    void theEvaluationSetIsThereAndLargeEnough() throws Exception {
        assertThat(Files.readAllLines(Path.of("eval/language/pairs.csv"))).hasSizeGreaterThan(500);
        assertThat(Files.readAllLines(Path.of("eval/language/routed.jsonl"))).hasSizeGreaterThanOrEqualTo(700);
        assertThat(Files.readAllLines(Path.of("eval/language/opinions.jsonl"))).hasSizeGreaterThan(300);
    }
}
