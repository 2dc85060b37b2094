package org.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicloop.organization.Role;
import org.junit.jupiter.api.Test;

/**
 * Keeps every user-visible text in the message bundles, in both languages: fails on a key missing
 * from either bundle, on literal text in a template, on Chinese in Java code, and on a key that
 * templates or code use but no bundle defines.
 */
class I18nTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path JAVA = Path.of("src/main/java");

    private final Properties chinese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> zh = new TreeSet<>(chinese.stringPropertyNames());
        Set<String> en = new TreeSet<>(english.stringPropertyNames());
        Set<String> missingInEnglish = new TreeSet<>(zh);
        missingInEnglish.removeAll(en);
        Set<String> missingInChinese = new TreeSet<>(en);
        missingInChinese.removeAll(zh);
        assertThat(missingInEnglish).as("keys missing in messages_en.properties").isEmpty();
        assertThat(missingInChinese).as("keys missing in messages.properties").isEmpty();
        assertThat(zh).hasSizeGreaterThan(100);
    }

    @Test
    void noValueIsEmpty() {
        for (Properties bundle : List.of(chinese, english)) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
                    assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    /**
     * A message with arguments goes through {@link java.text.MessageFormat}, which reads a lone apostrophe as the
     * start of quoted text: "Co-signer's opinion: {0}" showed "Co-signers opinion: {0}", the argument never
     * filled in. In such a message an apostrophe is written twice.
     */
    @Test
    void apostrophesInMessagesWithArgumentsAreDoubled() {
        Pattern argument = Pattern.compile("\\{\\d");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (Properties bundle : List.of(chinese, english)) {
            assertThat(bundle.stringPropertyNames().stream().sorted()
                    .filter(k -> argument.matcher(bundle.getProperty(k)).find() && lone.matcher(bundle.getProperty(k)).find()))
                    .as("messages with arguments and a single apostrophe").isEmpty();
        }
    }

    /**
     * English pages use English punctuation: "Deadline： 29 Dec 2026" came from a Chinese colon. A Chinese name
     * may stand in an English sentence, but the punctuation around it is English; no English message needs
     * full-width forms or CJK punctuation (curly quotes, dashes and the ellipsis are English typography).
     */
    @Test
    void englishMessagesHoldNoFullWidthPunctuation() {
        assertThat(english.stringPropertyNames().stream().sorted()
                .filter(k -> english.getProperty(k).codePoints().anyMatch(I18nTests::isFullWidthPunctuation))
                .map(k -> k + "=" + english.getProperty(k)))
                .as("English messages with full-width punctuation").isEmpty();
    }

    /** The public form's place hint sends an unsure voter to the town's own option by that option's words. */
    @Test
    void thePlaceHintNamesTheOptionItPointsAt() {
        Pattern bracketed = Pattern.compile("\\{0\\}\\s*[(（](.+)[)）]$");
        for (Properties bundle : List.of(chinese, english)) {
            Matcher option = bracketed.matcher(bundle.getProperty("opinion.form.place.wholeTown"));
            assertThat(option.find()).as(bundle.getProperty("opinion.form.place.wholeTown")).isTrue();
            assertThat(bundle.getProperty("opinion.form.place.hint")).contains("“" + option.group(1) + "”");
        }
    }

    /** Punctuation between two messages comes from the bundle, so that each language writes its own. */
    @Test
    void templatesHoldNoFullWidthPunctuation() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            html.lines().filter(line -> line.codePoints().anyMatch(I18nTests::isFullWidthPunctuation))
                    .forEach(line -> problems.add(TEMPLATES.relativize(template) + ": " + line.strip()));
        }
        assertThat(problems).as("full-width punctuation in templates (put it in the Chinese message)").isEmpty();
    }

    /** CJK symbols and punctuation (、。「」【】…) and the full-width forms of ASCII (：，（）；！？…). */
    private static boolean isFullWidthPunctuation(int c) {
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E && !Character.isLetterOrDigit(c));
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern text = Pattern.compile(">([^<]+)<");
        Pattern attribute = Pattern.compile("\\s(title|alt|placeholder|aria-label|label)=\"([^\"]*)\"");
        for (Path template : templates()) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style.*?</style>", "");
            // attribute values may hold expressions with '>' in them; blank them before reading text nodes
            Matcher m = text.matcher(html.replaceAll("=\"[^\"]*\"", "=\"\""));
            while (m.find()) {
                if (m.group(1).codePoints().anyMatch(Character::isLetter)) {
                    problems.add(TEMPLATES.relativize(template) + ": text \"" + m.group(1).strip() + "\"");
                }
            }
            Matcher a = attribute.matcher(html);
            while (a.find()) {
                if (a.group(2).codePoints().anyMatch(Character::isLetter)) {
                    problems.add(TEMPLATES.relativize(template) + ": " + a.group(1) + "=\"" + a.group(2) + "\"");
                }
            }
        }
        assertThat(problems).as("literal text in templates (use th:text=\"#{key}\")").isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!chinese.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:error|startup|password|nav|account\\.error|unit\\.error|region\\.import|validation)\\.[A-Za-z0-9_.]+)\"");
        for (Path source : javaSources()) {
            Matcher m = literal.matcher(Files.readString(source));
            while (m.find()) {
                String k = m.group(1);
                if (!k.endsWith(".") && !chinese.containsKey(k)) {
                    missing.add(JAVA.relativize(source) + ": " + k);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltAtRunTimeExist() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Role role : Role.values()) {
            expected.add("role." + role.name());
        }
        for (var kind : org.civicloop.organization.domain.UnitKind.values()) {
            expected.add("unitKind." + kind.name());
        }
        for (String level : org.civicloop.organization.domain.Region.LEVELS) {
            expected.add("regionLevel." + level);
        }
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500}) {
            expected.add("error." + status + ".title");
        }
        for (String problem : List.of("hash", "link", "gap", "resealed", "truncated", "checkpoints", "epoch", "key")) {
            expected.add("audit.problem." + problem);
        }
        // navigation entries and their workbench hints, audit actions named by events
        Pattern nav = Pattern.compile("new NavigationItem\\(\"([^\"]+)\"");
        Pattern action = Pattern.compile("\"([a-z]+\\.[a-z][A-Za-z]+)\"");
        for (Path source : javaSources()) {
            String code = Files.readString(source);
            Matcher n = nav.matcher(code);
            while (n.find()) {
                expected.add(n.group(1));
                expected.add(n.group(1) + ".hint");
            }
            if (code.contains("implements AuditableEvent")) {
                Matcher a = action.matcher(code);
                while (a.find()) {
                    expected.add("audit.action." + a.group(1));
                }
            }
        }
        assertThat(expected).allSatisfy(k -> assertThat(chinese).as(k).containsKey(k));
    }

    @Test
    void javaCodeHoldsNoChineseText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path source : javaSources()) {
            String code = Files.readString(source)
                    .replaceAll("(?s)/\\*.*?\\*/", "")
                    .replaceAll("//[^\n]*", "");
            if (code.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                problems.add(JAVA.relativize(source).toString());
            }
        }
        assertThat(problems).as("Chinese text in Java code belongs in the message bundles").isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
