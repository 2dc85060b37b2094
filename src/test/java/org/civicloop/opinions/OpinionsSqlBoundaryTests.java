package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Modulith test's promise, in SQL: the opinions module reads other modules' data through their
 * interfaces ({@code Directory} for places and units) and never names their tables. Every SQL
 * string in the module's Java sources and every migration of its own (but two that predate this
 * rule: V30's foreign keys to {@code region} and {@code org_unit}, V74's one-time copy of due times
 * from {@code deadline_clock}) is scanned for the tables that other modules' migrations create. A plain test: it reads files, no application is started.
 */
class OpinionsSqlBoundaryTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/civicloop/opinions");
    /** Written before this rule; a migration is never edited, so these stay as they ran. */
    private static final Set<String> OLDER_MIGRATIONS = Set.of("V30__create_opinions.sql", "V74__work_order_due_dates.sql");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+(?:unlogged\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern SQL_STATEMENT = Pattern.compile(
            "\\b(select|insert\\s+into|update|delete\\s+from|references|join)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");
    /** A bare identifier: not a :parameter, not alias.column, not a function call. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![:.\\w])([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");

    @Test
    void noSqlOfTheOpinionsModuleNamesAnotherModulesTable() throws IOException {
        Set<String> foreign = tablesOfOtherModules();
        assertThat(foreign).contains("region", "org_unit", "account", "deputy", "liaison_site", "suggestion",
                "deadline_clock", "open311_request");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String sql : sqlStrings(Files.readString(file))) {
                    foreignTables(sql, foreign).forEach(t -> found.add(file.getFileName() + ": " + t));
                }
            }
        }
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve("opinions"))) {
            for (Path file : files.filter(f -> !OLDER_MIGRATIONS.contains(f.getFileName().toString())).sorted().toList()) {
                String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
                foreignTables(sql, foreign).forEach(t -> found.add(file.getFileName() + ": " + t));
            }
        }
        assertThat(found).as("other modules' tables named in the opinions module's SQL").isEmpty();
    }

    /** The scanner itself: it finds a join to organization's table, and leaves columns, values and parameters alone. */
    @Test
    void theScanFindsForeignTablesAndOnlyThem() {
        Set<String> foreign = Set.of("region", "org_unit", "deputy", "suggestion");
        String java = """
                class X {
                    String a = \"""
                            select o.id, p.name from opinion o join region p on p.code = o.place_code
                            where o.addressee_kind = 'DEPUTY' and o.addressee_id = :deputy\""";
                    String b = "coalesce((select u.name from work_order w join org_unit u on u.id = w.unit_id "
                            + "where w.opinion_id = o.id), '')";
                    String c = "deputy";
                    String d = "select o.suggestion_id, w.region from opinion o, work_order w where o.id = :suggestion";
                }
                """;
        List<String> sql = sqlStrings(java);
        assertThat(sql).hasSize(3);
        assertThat(sql.stream().flatMap(s -> foreignTables(s, foreign).stream()).toList())
                .containsExactly("region", "org_unit");
    }

    private static Set<String> tablesOfOtherModules() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                if (file.getParent().getFileName().toString().equals("opinions")) {
                    continue;
                }
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    /** String literals and text blocks that read as SQL. */
    static List<String> sqlStrings(String java) {
        List<String> strings = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(java);
        StringBuilder rest = new StringBuilder();
        while (blocks.find()) {
            strings.add(blocks.group(1));
            blocks.appendReplacement(rest, "\"\"");
        }
        blocks.appendTail(rest);
        Matcher plain = STRING.matcher(rest);
        while (plain.find()) {
            strings.add(plain.group(1));
        }
        return strings.stream().filter(s -> SQL_STATEMENT.matcher(s).find()).toList();
    }

    /** The foreign tables an SQL text names, in order; quoted values are left out. */
    static List<String> foreignTables(String sql, Set<String> foreign) {
        List<String> named = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(QUOTED.matcher(sql).replaceAll("''"));
        while (m.find()) {
            if (foreign.contains(m.group(1))) {
                named.add(m.group(1));
            }
        }
        return named;
    }
}
