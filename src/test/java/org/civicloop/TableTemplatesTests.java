package org.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every list built from the shared fragments ({@code fragments/lists :: tableHead} and {@code emptyRow}) has an
 * empty row as wide as its head: a row one column short leaves the table's last column unframed (seen on the
 * unit's 民意台 with nothing in it).
 */
class TableTemplatesTests {

    private static final Pattern HEAD = Pattern.compile("tableHead\\('[^']*', \\$\\{ \\{([^}]*)\\} \\}, (true|false)\\)");
    private static final Pattern EMPTY = Pattern.compile("emptyRow\\(\\$\\{[^}]*\\}, (\\d+),");

    @Test
    void everyEmptyRowSpansItsTablesColumns() throws IOException {
        List<String> wrong = new ArrayList<>();
        int tables = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f, StandardCharsets.UTF_8);
                Matcher head = HEAD.matcher(html);
                Matcher empty = EMPTY.matcher(html);
                // each table's head comes before its empty row
                while (head.find() && empty.find(head.end())) {
                    int columns = head.group(1).split(",").length + (head.group(2).equals("true") ? 1 : 0);
                    tables++;
                    if (columns != Integer.parseInt(empty.group(1))) {
                        wrong.add(f + ": " + columns + " columns, empty row over " + empty.group(1));
                    }
                }
            }
        }
        assertThat(tables).as("tables found").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }
}
