package org.civicloop.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 rows × 10 columns written and read back in a JVM limited to a 64 MB heap: streaming, not
 * loading. (Surefire cannot give one test class its own heap, so the work runs in a child JVM.)
 * The figures are printed and kept in {@code target/spreadsheet-memory.txt}.
 */
class SpreadsheetMemoryTests {

    @TempDir
    Path dir;

    @Test
    void aHundredThousandRowLedgerIsWrittenAndReadBackWithinA64MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"), SpreadsheetMemoryProbe.class.getName(),
                dir.resolve("ledger.xlsx").toString())
                .redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(child.exitValue()).as(text).isZero();
        assertThat(text).contains("PROBE rows=100000");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "spreadsheet-memory.txt"), text);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("temporary files left behind").containsOnly("ledger.xlsx");
        }
    }
}
