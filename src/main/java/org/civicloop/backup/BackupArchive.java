package org.civicloop.backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup archive (a zip) holds: {@code manifest.properties}, one {@code tables/<name>.copy}
 * per table (PostgreSQL's own COPY text format, in one consistent snapshot), and under
 * {@code files/} the audit key file and the audit checkpoint file, and under {@code data/} every other file of the
 * data directory (uploaded materials, the campaigns' phone key) but the database's own files and password.
 */
final class BackupArchive {

    static final String FORMAT = "civicloop-backup-1";
    static final String MANIFEST = "manifest.properties";
    static final String KEY_ENTRY = "files/audit.key";
    static final String CHECKPOINTS_ENTRY = "files/checkpoints.log";
    static final String DATA_PREFIX = "data/";

    private BackupArchive() {
    }

    static String tableEntry(String table) {
        return "tables/" + table + ".copy";
    }

    /** A table as backed up: its name, its columns in COPY order and how many rows it had. */
    record Table(String name, List<String> columns, long rows) {
    }

    /** The manifest: format, Flyway version, tables in load order, sequences, the audit head. */
    record Manifest(String flywayVersion, List<Table> tables, Map<String, Long> sequences, long auditHeadSeq,
                    String auditHeadHash, String createdAt) {

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("format", FORMAT);
            p.setProperty("created-at", createdAt);
            p.setProperty("flyway-version", flywayVersion);
            p.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
            for (Table t : tables) {
                p.setProperty("columns." + t.name(), String.join(",", t.columns()));
                p.setProperty("rows." + t.name(), Long.toString(t.rows()));
            }
            sequences.forEach((name, value) -> p.setProperty("sequence." + name, Long.toString(value)));
            p.setProperty("audit.head-seq", Long.toString(auditHeadSeq));
            p.setProperty("audit.head-hash", auditHeadHash == null ? "" : auditHeadHash);
            return p;
        }

        static Manifest from(Properties p) {
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw new IllegalArgumentException("not a CivicLoop backup (format " + p.getProperty("format") + ")");
            }
            List<Table> tables = new ArrayList<>();
            String names = p.getProperty("tables", "");
            for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
                tables.add(new Table(name, List.of(p.getProperty("columns." + name).split(",")),
                        Long.parseLong(p.getProperty("rows." + name, "0"))));
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    sequences.put(key.substring("sequence.".length()), Long.parseLong(p.getProperty(key)));
                }
            }
            return new Manifest(p.getProperty("flyway-version"), tables, sequences,
                    Long.parseLong(p.getProperty("audit.head-seq", "0")), p.getProperty("audit.head-hash", ""),
                    p.getProperty("created-at"));
        }
    }
}
