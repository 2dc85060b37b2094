package org.civicloop.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the reader can raise has a text in both languages, so an upload error never shows a bare key. */
class SpreadsheetMessageKeysTests {

    @Test
    void everyImportErrorKeyHasAChineseAndAnEnglishText() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern key = Pattern.compile("\"(import\\.error\\.[A-Za-z]+)\"");
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/civicloop/shared/spreadsheet"))) {
            for (Path source : sources.toList()) {
                Matcher m = key.matcher(Files.readString(source));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(10);
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties texts = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            assertThat(texts.stringPropertyNames()).as(bundle).containsAll(keys);
        }
    }
}
