package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy (system/web/SecurityHeaders) allows no inline script and no inline
 * style, so no template may carry one: a {@code <script>} needs a {@code src} (or is a JSON data
 * block), and no element has an {@code on…=} handler, a {@code style} attribute, a {@code <style>}
 * element or a {@code javascript:} link. Fails naming every offending template and element.
 */
class TemplatesWithoutInlineCodeTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern HANDLER = Pattern.compile("^(th:|data-th-)?on[a-z]+$");
    private static final Pattern STYLE = Pattern.compile("^(th:|data-th-)?style(append)?$");

    @Test
    void noTemplateHasInlineScriptsEventHandlersOrInlineStyles() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String name = TEMPLATES.relativize(file).toString();
                for (Element e : Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8)).getAllElements()) {
                    if (e.tagName().equals("script") && !e.hasAttr("src") && !e.hasAttr("th:src")
                            && !e.attr("type").equals("application/json")) {
                        problems.add(name + ": inline <script> " + e.outerHtml().lines().findFirst().orElse(""));
                    }
                    if (e.tagName().equals("script") && e.attr("type").equals("application/json") && !e.data().isBlank()) {
                        problems.add(name + ": a JSON data block with text of its own (write it with th:utext) ");
                    }
                    if (e.tagName().equals("style")) {
                        problems.add(name + ": <style> element");
                    }
                    for (Attribute a : e.attributes()) {
                        String key = a.getKey().toLowerCase();
                        if (HANDLER.matcher(key).matches()) {
                            problems.add(name + ": event handler " + key + " on <" + e.tagName() + ">");
                        }
                        if (STYLE.matcher(key).matches()) {
                            problems.add(name + ": style attribute on <" + e.tagName() + " id=" + e.id() + ">");
                        }
                        if (a.getValue().strip().toLowerCase().startsWith("javascript:")) {
                            problems.add(name + ": javascript: URL in " + key);
                        }
                        if ((key.equals("th:attr") || key.equals("data-th-attr"))
                                && Pattern.compile("(^|,)\\s*(on[a-z]+|style)\\s*=").matcher(a.getValue()).find()) {
                            problems.add(name + ": th:attr writes a handler or style: " + a.getValue());
                        }
                    }
                    if (e.hasAttr("th:inline") && e.attr("th:inline").matches("javascript|css")) {
                        problems.add(name + ": th:inline=" + e.attr("th:inline") + " on <" + e.tagName() + ">");
                    }
                }
            }
        }
        assertThat(problems).as("templates the Content-Security-Policy would break").isEmpty();
    }
}
