import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.nio.file.*;
import java.util.*;

/**
 * Reference figures for docs/benchmarks.md: the sentence model alone (no CivicLoop, no place, no
 * groups) on eval/language, cosine thresholds for duplicates and k nearest history texts for routing,
 * with the metrics of LanguageQuality.java. Needs the model's libraries from the packaged jar:
 * <pre>
 * mkdir -p /tmp/lq/lib && unzip -q -o -j target/civicloop.jar 'BOOT-INF/lib/*' -d /tmp/lq/lib
 * javac -cp "/tmp/lq/lib/*" -d /tmp/lq/cls scripts/LanguageQuality.java scripts/LanguageModelReference.java
 * java -cp "/tmp/lq/cls:/tmp/lq/lib/*" LanguageModelReference eval/language
 * </pre>
 */
public class LanguageModelReference {
    public static void main(String[] a) throws Exception {
        var model = new BgeSmallZhV15QuantizedEmbeddingModel();
        Path dir = Path.of(a[0]);
        List<Map<String, Object>> ops = new ArrayList<>(), routed = new ArrayList<>();
        for (Object o : LanguageQuality.jsonLines(dir.resolve("opinions.jsonl"))) ops.add(LanguageQuality.map(o));
        for (Object o : LanguageQuality.jsonLines(dir.resolve("routed.jsonl"))) routed.add(LanguageQuality.map(o));
        long t0 = System.nanoTime();
        float[][] v = new float[ops.size()][];
        for (int i = 0; i < ops.size(); i++) v[i] = unit(model.embed((String) ops.get(i).get("text")).content().vector());
        System.out.printf("embedded %d opinions, %.1f ms each%n", ops.size(), (System.nanoTime() - t0) / 1e6 / ops.size());
        Map<String, String> matterOf = new HashMap<>();
        for (var o : ops) matterOf.put((String) o.get("id"), (String) o.get("matter"));
        for (double t : new double[] {0.75, 0.8, 0.82, 0.85, 0.88, 0.9}) {
            for (int k : new int[] {5, 10, 1000}) {
                Map<String, Set<String>> shown = new LinkedHashMap<>();
                for (int i = 0; i < ops.size(); i++) {
                    List<double[]> sc = new ArrayList<>();
                    for (int j = 0; j < ops.size(); j++) if (j != i) sc.add(new double[] {dot(v[i], v[j]), j});
                    sc.sort((x, y) -> Double.compare(y[0], x[0]));
                    Set<String> s = new LinkedHashSet<>();
                    for (int n = 0; n < Math.min(k, sc.size()) && sc.get(n)[0] >= t; n++) s.add((String) ops.get((int) sc.get(n)[1]).get("id"));
                    shown.put((String) ops.get(i).get("id"), s);
                }
                double[] r = LanguageQuality.duplicateScores(matterOf, shown);
                System.out.printf(Locale.ROOT, "duplicates cos>=%.2f top %d: P %.3f R %.3f one %.3f%n", t, k, r[0], r[1], r[2]);
            }
        }
        List<Map<String, Object>> sh = new ArrayList<>(routed);
        Collections.shuffle(sh, new Random(17));
        var hist = sh.subList(0, 500); var test = sh.subList(500, sh.size());
        float[][] hv = new float[hist.size()][];
        for (int i = 0; i < hist.size(); i++) hv[i] = unit(model.embed((String) hist.get(i).get("text")).content().vector());
        for (int k : new int[] {1, 5, 10, 20}) {
            List<String> gold = new ArrayList<>(), top = new ArrayList<>(); List<List<String>> ranked = new ArrayList<>();
            for (var t : test) {
                float[] q = unit(model.embed((String) t.get("text")).content().vector());
                List<double[]> sc = new ArrayList<>();
                for (int j = 0; j < hist.size(); j++) sc.add(new double[] {dot(q, hv[j]), j});
                sc.sort((x, y) -> Double.compare(y[0], x[0]));
                Map<String, Double> votes = new HashMap<>();
                for (int n = 0; n < k; n++) votes.merge((String) hist.get((int) sc.get(n)[1]).get("unit"), sc.get(n)[0], Double::sum);
                List<String> r = votes.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).map(Map.Entry::getKey).toList();
                gold.add((String) t.get("unit")); top.add(r.get(0)); ranked.add(r);
            }
            System.out.printf(Locale.ROOT, "routing %d-NN: macro-F1 %.3f top-1 %.3f top-3 %.3f%n", k, LanguageQuality.macroF1(gold, top),
                    LanguageQuality.topKAccuracy(gold, ranked, 1), LanguageQuality.topKAccuracy(gold, ranked, 3));
        }
    }
    static float[] unit(float[] x) { double n = 0; for (float f : x) n += f * f; n = Math.sqrt(n); float[] o = new float[x.length]; for (int i = 0; i < x.length; i++) o[i] = (float) (x[i] / n); return o; }
    static double dot(float[] a, float[] b) { double d = 0; for (int i = 0; i < a.length; i++) d += a[i] * b[i]; return d; }
}
