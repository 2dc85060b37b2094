package org.civicloop.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.civicloop.audit.AuditTrail;
import org.civicloop.language.TextVectors;
import org.civicloop.shared.ChineseText;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the database with generated, realistic Chinese data for the benchmarks: opinions over
 * {@code years} years across {@code districts} districts (Guiyang's real districts and generated ones
 * beside them, each with towns and villages in {@code region}), work orders to handling units of
 * each district, suggestions with assignments, replies, contacts and evaluations, and audit rows,
 * chained like any other. Opinions and work orders go in by COPY (PostgreSQL's bulk path); the rest
 * by set-based SQL. Deterministic for a given seed. Every row satisfies the schema's constraints and
 * carries what the application keeps beside it: the word index ({@code opinion.search}, from the same
 * {@link ChineseText#words} the application uses), the public timeline's first step, the work
 * orders' due times and the suggestion KPI facts.
 */
final class DataGenerator {

    record Options(long opinions, int districts, int years, long workOrders, long suggestions, long seed, boolean vectors) {
        static Options of(Map<String, String> given) {
            long opinions = Long.parseLong(given.getOrDefault("opinions", "1000000").replace("_", ""));
            return new Options(opinions,
                    Integer.parseInt(given.getOrDefault("districts", "100")),
                    Integer.parseInt(given.getOrDefault("years", "3")),
                    Long.parseLong(given.getOrDefault("work-orders", String.valueOf(opinions / 10)).replace("_", "")),
                    Long.parseLong(given.getOrDefault("suggestions", String.valueOf(opinions / 50)).replace("_", "")),
                    Long.parseLong(given.getOrDefault("seed", "2026")),
                    Boolean.parseBoolean(given.getOrDefault("vectors", "true")));
        }
    }

    /** The generated data's Chinese texts, from {@code benchmark/texts.properties} (no Chinese in Java code). */
    private static final Texts TEXTS = new Texts();

    private static final class Texts {
        private final java.util.Properties p = new java.util.Properties();

        Texts() {
            try (var in = DataGenerator.class.getResourceAsStream("/benchmark/texts.properties")) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String text(String key) {
            return p.getProperty(key);
        }

        List<String> list(String key) {
            return List.of(p.getProperty(key).split("\\|", -1));
        }

        String resource(String name) {
            try (var in = DataGenerator.class.getResourceAsStream("/benchmark/" + name)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static final String RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String[] CATEGORIES = {"URBAN", "TRAFFIC", "ENVIRONMENT", "EDUCATION", "HEALTH",
            "SOCIAL_SECURITY", "RURAL", "BUSINESS", "GOVERNANCE", "OTHER"};
    private static final String[] CHANNELS = {"QR", "QR", "QR", "ONLINE", "ONLINE", "VISIT", "RECEPTION", "MARKET_DAY",
            "HOTLINE", "HOTLINE", "OPEN311"};
    private static final String[] WHERE = TEXTS.list("WHERE").toArray(String[]::new);
    private static final String[][] PROBLEMS = TEXTS.list("PROBLEMS").stream().map(p -> p.split(":", 2)).toArray(String[][]::new);
    private static final String[] DETAILS = TEXTS.list("DETAILS").toArray(String[]::new);
    private static final String[] REQUESTS = TEXTS.list("REQUESTS").toArray(String[]::new);
    private static final String[] TOWN_FIRST = TEXTS.list("TOWN_FIRST").toArray(String[]::new);
    private static final String[] TOWN_SECOND = TEXTS.list("TOWN_SECOND").toArray(String[]::new);
    private static final String[] UNIT_NAMES = TEXTS.list("UNIT_NAMES").toArray(String[]::new);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final String homeDistrict;
    private final TextVectors vectors;
    private final Clustering clustering;

    /**
     * The application's same-matter clustering settings, which the generated clusters follow: opinions older
     * than {@code lookBack} are never clustered (the similar check's window and a cluster's span), a cluster
     * takes an opinion within {@code window} of its latest member from {@code threshold} on.
     */
    record Clustering(Duration lookBack, Duration window, double threshold) {
    }

    DataGenerator(DataSource dataSource, JdbcClient jdbc, AuditTrail trail, String homeDistrict, TextVectors vectors,
                  Clustering clustering) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.trail = trail;
        this.homeDistrict = homeDistrict;
        this.vectors = vectors;
        this.clustering = clustering;
    }

    /** One district with the places opinions come from and the units its work orders go to. */
    record District(String code, String name, List<String> places, List<Long> units) {
    }

    /** What was generated, for the summary line and the tests. */
    record Summary(long opinions, long workOrders, long suggestions, long auditRows, long regions, Duration took) {
        double rowsPerSecond(long rows) {
            return rows * 1000.0 / Math.max(1, took.toMillis());
        }
    }

    Summary generate(Options o) {
        Instant started = Instant.now();
        long regionsBefore = count("region");
        List<District> districts = districts(o.districts());
        long regions = count("region") - regionsBefore;
        progress("regions", regions, started);

        Instant t = Instant.now();
        long auditBefore = count("audit_entry");
        long opinionsBefore = count("opinion");
        long maxBefore = jdbc.sql("select coalesce(max(id), 0) from opinion").query(Long.class).single();
        short[] phrases = new short[Math.toIntExact(o.opinions())];
        List<String> indexes = dropPlainIndexes(List.of("opinion", "opinion_step"));
        long workOrders;
        try {
            workOrders = copyOpinions(o, districts, maxBefore, phrases);
            progress("opinions (COPY, with word index and timeline)", o.opinions(), t);
        } finally {
            t = Instant.now();
            build(indexes);
            progress("their indexes built again (" + indexes.size() + ")", o.opinions(), t);
        }
        t = Instant.now();
        long vectorRows = o.vectors() ? vectors(o, maxBefore, phrases) : 0;
        progress("opinions' sentence vectors (composed, see vectors()) and same-matter clusters", vectorRows, t);
        t = Instant.now();
        long maxWorkOrder = jdbc.sql("select coalesce(max(id), 0) from work_order").query(Long.class).single();
        jdbc.sql("""
                insert into work_order (opinion_id, unit_id, round, status, instructions, assigned_at, assigned_by, signed_at,
                                        reply, replied_at, closed_at, due_at)
                select o.id, g.unit_id, 1, g.status, :instructions, g.assigned_at, 'office', g.signed_at,
                       g.reply, g.replied_at, g.closed_at, g.due_at
                  from generated_work_order g join opinion o on o.receipt_code = g.receipt_code
                 order by g.assigned_at""").param("instructions", TEXTS.text("INSTRUCTIONS")).update();
        jdbc.sql("""
                insert into opinion_step (opinion_id, kind, public_step, actor_label, note, at)
                select w.opinion_id, 'forwarded', true, null, null, w.assigned_at from work_order w where w.id > :max""")
                .param("max", maxWorkOrder).update();
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id, summary_before, summary_after)
                select w.assigned_at, 'office', 'opinions', 'workOrder.assigned', 'work-order', w.id::text, '{}'::jsonb,
                       jsonb_build_object('status', w.status, 'unit', w.unit_id)
                  from work_order w where w.id > :max order by w.id""").param("max", maxWorkOrder).update();
        jdbc.sql("drop table generated_work_order").update();
        progress("work orders (with timeline and audit rows)", workOrders, t);

        t = Instant.now();
        long suggestions = suggestions(o);
        progress("suggestions (assignments, replies, contacts, evaluations, audit rows)", suggestions, t);

        t = Instant.now();
        long auditRows = count("audit_entry") - auditBefore;
        chainAudit();
        progress("audit rows chained", auditRows, t);

        t = Instant.now();
        for (String table : List.of("region", "org_unit", "opinion", "opinion_step", "work_order", "suggestion",
                "suggestion_assignment", "suggestion_reply", "suggestion_contact", "audit_entry")) {
            jdbc.sql("analyze " + table).update();
        }
        progress("analyze", 0, t);
        long opinions = count("opinion") - opinionsBefore;
        return new Summary(opinions, workOrders, suggestions, auditRows, regions, Duration.between(started, Instant.now()));
    }

    private static void progress(String what, long rows, Instant since) {
        Duration d = Duration.between(since, Instant.now());
        System.out.printf("  %-72s %,12d rows in %6.1f s  (%,.0f rows/s)%n", what, rows, d.toMillis() / 1000.0,
                rows * 1000.0 / Math.max(1, d.toMillis()));
    }

    /**
     * Until every audit row is in the chain. The application's own chaining runs beside the generator
     * every second and holds the chain's lock while it links a batch: a call that finds the lock taken links
     * nothing, so the generator waits and tries again rather than reporting its rows as chained.
     */
    private void chainAudit() {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (jdbc.sql("select exists (select 1 from audit_entry where chain_seq is null)").query(Boolean.class).single()) {
            if (Instant.now().isAfter(giveUp)) {
                // a chain that refuses its key links nothing (the audit page says why); the rows stay pending
                System.out.println("    (audit rows still waiting for the chain after 5 minutes: see the audit page)");
                return;
            }
            if (trail.chainPending() == 0) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    // ---------------------------------------------------------------- regions and units

    /**
     * Guiyang's real districts first (their towns and villages as imported), then generated ones
     * beside them under generated cities 5299, 5298, … (99 districts each), each with ten towns of five villages.
     */
    List<District> districts(int wanted) {
        ensureRegion("52", TEXTS.text("PROVINCE"), "province", null);
        ensureRegion("5201", TEXTS.text("CITY"), "city", "52");
        List<String[]> real = jdbc.sql("select code, name from region where level = 'district' and parent_code = '5201' order by code")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<String[]> chosen = new ArrayList<>(real.subList(0, Math.min(real.size(), wanted)));
        for (int i = 1; chosen.size() < wanted; i++) {
            String code = generatedDistrict(i);
            String city = code.substring(0, 4);
            if ((i - 1) % 99 == 0) {
                int n = (i - 1) / 99;
                ensureRegion(city, TEXTS.text("GENERATED_CITY") + (n == 0 ? "" : String.valueOf(n + 1)), "city", "52");
            }
            String name = TOWN_FIRST[i % TOWN_FIRST.length] + TOWN_SECOND[(i / TOWN_FIRST.length + i) % TOWN_SECOND.length] + i + TEXTS.text("DISTRICT_SUFFIX");
            ensureRegion(code, name, "district", city);
            chosen.add(new String[] {code, name});
        }
        List<District> out = new ArrayList<>();
        for (String[] d : chosen) {
            String code = d[0];
            List<String> places = jdbc.sql("""
                            select r.code from region r where r.parent_code = :d
                            union all
                            select v.code from region t join region v on v.parent_code = t.code where t.parent_code = :d
                            order by 1""").param("d", code).query(String.class).list();
            if (places.isEmpty()) {
                for (int t = 1; t <= 10; t++) {
                    String town = code + String.format("%03d", t);
                    String townName = TOWN_FIRST[(t * 7 + code.hashCode()) & 15] + TOWN_SECOND[t % TOWN_SECOND.length] + TEXTS.text("TOWN_SUFFIX");
                    ensureRegion(town, townName, "town", code);
                    places.add(town);
                    for (int v = 1; v <= 5; v++) {
                        String village = town + String.format("%03d", v);
                        ensureRegion(village, TOWN_FIRST[(v + t) % TOWN_FIRST.length] + TOWN_SECOND[(v * 3) % TOWN_SECOND.length] + TEXTS.text("VILLAGE_SUFFIX"), "village", town);
                        places.add(village);
                    }
                }
            }
            out.add(new District(code, d[1], places, units(code, d[1])));
        }
        return out;
    }

    /**
     * The i-th generated district's code (i from 1): two digits after its city's, 99 districts to a city (5299, 5298,
     * …), so that a village's code (district, town and village: 6 + 3 + 3) fits the region table's 12 characters.
     * A fresh database without Guiyang's districts needs 100 of them; 5299100 failed there.
     */
    static String generatedDistrict(int i) {
        return (5299 - (i - 1) / 99) + String.format("%02d", (i - 1) % 99 + 1);
    }

    private void ensureRegion(String code, String name, String level, String parent) {
        jdbc.sql("insert into region (code, name, level, parent_code) values (:c, :n, :l, :p) on conflict (code) do nothing")
                .param("c", code).param("n", name).param("l", level).param("p", parent).update();
    }

    /** The district's handling units; a generated district gets one per {@link #UNIT_NAMES}. */
    private List<Long> units(String district, String districtName) {
        List<Long> units = jdbc.sql("select id from org_unit where region_code = :d and handles_items and active order by id")
                .param("d", district).query(Long.class).list();
        if (!units.isEmpty()) {
            return units;
        }
        for (String unit : UNIT_NAMES) {
            jdbc.sql("""
                            insert into org_unit (name, kind, region_code, handles_items)
                            values (:n, 'GOVERNMENT_DEPARTMENT', :d, true) on conflict do nothing""")
                    .param("n", districtName + unit).param("d", district).update();
        }
        return jdbc.sql("select id from org_unit where region_code = :d and handles_items and active order by id")
                .param("d", district).query(Long.class).list();
    }

    // ---------------------------------------------------------------- opinions and work orders

    /**
     * Drops the tables' indexes that enforce nothing (not unique, not a primary key) and returns their
     * definitions. PostgreSQL builds an index over a million rows in one sorted pass much faster than it
     * adds a million entries one by one, the word index's GIN most of all: at a million opinions the COPY
     * with its eight such indexes kept up took 68 s.
     */
    private List<String> dropPlainIndexes(List<String> tables) {
        List<String> definitions = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("""
                    select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
                      from pg_index where indrelid = cast(:table as regclass) and not indisunique and not indisprimary""")
                    .param("table", table)
                    .query((rs, i) -> new String[] {rs.getString("name"), rs.getString("definition")}).list()
                    .forEach(index -> {
                        jdbc.sql("drop index " + index[0]).update();
                        definitions.add(index[1]);
                    });
        }
        return definitions;
    }

    /** Builds the indexes {@link #dropPlainIndexes} dropped, on one connection with room to sort in memory. */
    private void build(List<String> definitions) {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("set maintenance_work_mem = '512MB'");
            for (String definition : definitions) {
                s.execute(definition);
            }
            s.execute("reset maintenance_work_mem");
        } catch (SQLException e) {
            throw new IllegalStateException("building again: " + definitions, e);
        }
    }

    /** Opinions by COPY; their work orders by COPY into a staging table (ids are the database's). */
    private long copyOpinions(Options o, List<District> districts, long maxBefore, short[] phrases) {
        jdbc.sql("drop table if exists generated_work_order").update();
        jdbc.sql("""
                create unlogged table generated_work_order (
                    receipt_code varchar(12), unit_id bigint, status varchar(24), assigned_at timestamptz,
                    signed_at timestamptz, reply text, replied_at timestamptz, closed_at timestamptz, due_at timestamptz)""")
                .update();
        // district weights: a few big districts, a long tail (Zipf-like), Huaxi among the big ones
        double[] cumulative = new double[districts.size()];
        double sum = 0;
        for (int i = 0; i < districts.size(); i++) {
            boolean home = districts.get(i).code().equals(homeDistrict);
            sum += home ? 1.0 : 1.0 / Math.sqrt(i + 2);
            cumulative[i] = sum;
        }
        Instant end = Instant.now().minus(Duration.ofHours(1));
        long span = Duration.ofDays(365L * o.years()).toSeconds();
        Instant start = end.minusSeconds(span);
        Instant recent = end.minus(Duration.ofDays(30));
        double handledShare = 0.85;
        double orderChance = Math.min(1.0, o.workOrders() / (o.opinions() * handledShare));
        Map<String, String> words = new HashMap<>();
        long[] orders = {0};
        try (Connection c = dataSource.getConnection(); Connection c2 = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            PGConnection pg2 = c2.unwrap(PGConnection.class);
            // two COPY streams fed by this thread through pipes: opinions and their work orders
            Pipe opinionPipe = new Pipe(pg, "copy opinion (receipt_code, channel, category, content, place_code, district_code, status,"
                    + " reject_reason, reply, replied_at, replied_by, rating, rated_at, search, submitted_at, updated_at, closed_at)"
                    + " from stdin");
            Pipe orderPipe = new Pipe(pg2, "copy generated_work_order from stdin");
            SplittableRandom random = new SplittableRandom(o.seed());
            StringBuilder row = new StringBuilder(512);
            StringBuilder order = new StringBuilder(256);
            for (long i = 0; i < o.opinions(); i++) {
                Instant at = start.plusSeconds((long) (span * ((i + random.nextDouble()) / o.opinions())));
                District d = districts.get(pick(cumulative, random.nextDouble() * sum));
                int problemIndex = random.nextInt(PROBLEMS.length);
                String[] problem = PROBLEMS[problemIndex];
                int whereIndex = random.nextInt(WHERE.length);
                phrases[(int) i] = (short) (whereIndex * PROBLEMS.length + problemIndex);
                String content = WHERE[whereIndex] + problem[1] + "，" + DETAILS[random.nextInt(DETAILS.length)]
                        + (random.nextInt(4) == 0 ? "" : "，") + REQUESTS[random.nextInt(REQUESTS.length)];
                content = content.replace("，，", "，").replace("，。", "。");
                String category = random.nextInt(10) < 8 ? problem[0] : CATEGORIES[random.nextInt(CATEGORIES.length)];
                String status = status(at.isAfter(recent), random);
                String vector = words.computeIfAbsent(content, DataGenerator::tsvector);
                Instant replied = status.equals("REPLIED") || status.equals("CLOSED")
                        ? at.plus(Duration.ofHours(24 + random.nextInt(24 * 20))) : null;
                if (replied != null && replied.isAfter(end)) {
                    replied = end;
                }
                Instant closed = status.equals("CLOSED") || status.equals("REJECTED") ? (replied != null ? replied : at.plus(Duration.ofDays(2))) : null;
                String receipt = receipt(o.seed(), i);
                row.setLength(0);
                row.append(receipt).append('\t').append(CHANNELS[random.nextInt(CHANNELS.length)]).append('\t')
                        .append(category).append('\t').append(content).append('\t')
                        .append(d.places().get(random.nextInt(d.places().size()))).append('\t').append(d.code()).append('\t')
                        .append(status).append('\t')
                        .append(status.equals("REJECTED") ? "OUT_OF_SCOPE" : "\\N").append('\t')
                        .append(replied != null ? TEXTS.text("OPINION_REPLY") : "\\N").append('\t')
                        .append(replied != null ? ts(replied) : "\\N").append('\t')
                        .append(replied != null ? "office" : "\\N").append('\t')
                        .append(status.equals("CLOSED") ? rating(random) : "\\N").append('\t')
                        .append(status.equals("CLOSED") ? ts(closed) : "\\N").append('\t')
                        .append(vector).append('\t')
                        .append(ts(at)).append('\t').append(ts(closed != null ? closed : at)).append('\t')
                        .append(closed != null ? ts(closed) : "\\N").append('\n');
                opinionPipe.write(row);
                boolean handled = status.equals("HANDLING") || status.equals("REPLIED") || status.equals("CLOSED");
                if (handled && !d.units().isEmpty() && random.nextDouble() < orderChance) {
                    Instant assigned = at.plus(Duration.ofHours(2 + random.nextInt(46)));
                    boolean active = status.equals("HANDLING");
                    Instant due = assigned.plus(Duration.ofDays(15));
                    order.setLength(0);
                    order.append(receipt).append('\t').append(d.units().get(random.nextInt(d.units().size()))).append('\t')
                            .append(active ? (random.nextBoolean() ? "ASSIGNED" : "SIGNED") : "REPLIED").append('\t')
                            .append(ts(assigned)).append('\t')
                            .append(ts(assigned.plus(Duration.ofHours(4)))).append('\t')
                            .append(active ? "\\N" : TEXTS.text("ORDER_REPLY")).append('\t')
                            .append(active ? "\\N" : ts(replied)).append('\t')
                            .append(active ? "\\N" : ts(replied)).append('\t')
                            .append(ts(due)).append('\n');
                    orderPipe.write(order);
                    orders[0]++;
                }
                if (i > 0 && i % 1_000_000 == 0) {
                    System.out.printf("    … %,d opinions%n", i);
                }
            }
            opinionPipe.finish();
            orderPipe.finish();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                insert into opinion_step (opinion_id, kind, public_step, actor_label, note, at)
                select o.id, 'submitted', true, null, null, o.submitted_at from opinion o where o.id > :max""")
                .param("max", maxBefore).update();
        return orders[0];
    }

    /**
     * The generated opinions' sentence vectors, so that a benchmark at a million opinions searches a full
     * vector index instead of waiting hours for the background worker (17 ms a text on two cores). The model
     * embeds each place-and-problem phrase once (12 × 32); each opinion's vector is its phrase's plus a little
     * noise of its own (cosine about 0.93 to the phrase, about 0.86 between two opinions of one phrase: the
     * "likely the same matter" band), normalised. Not the model's vector of the whole text: the details and
     * requests are left out. Written by COPY in {@code text_vector}'s own form (512 float32, little-endian),
     * and the opinion backfill's cursor is moved past them (when every opinion before them has its vector),
     * so the worker does not compute them again. Their same-matter clusters are decided on the way
     * ({@link GeneratedClusters}) and written after ({@link #clusters}).
     * Answers the rows written; none when the language module is off.
     */
    private long vectors(Options o, long maxBefore, short[] phrases) {
        if (o.opinions() == 0 || vectors == null || !vectors.loadModel()) {
            System.out.println("    (no sentence vectors: the language module is off)");
            return 0;
        }
        String model = vectors.model();
        float[][] phrase = new float[WHERE.length * PROBLEMS.length][];
        long written = 0;
        long last = maxBefore;
        jdbc.sql("drop table if exists generated_cluster_member").update();
        jdbc.sql("create unlogged table generated_cluster_member (opinion_id bigint, lead_id bigint, similarity real)").update();
        GeneratedClusters clusters = new GeneratedClusters(Instant.now().minus(clustering.lookBack()), clustering.window(),
                clustering.threshold(), (id, p) -> noisy(phrase[p], new SplittableRandom(o.seed() * 1_000_003L + id)));
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection();
             Connection writeClusters = dataSource.getConnection()) {
            read.setAutoCommit(false);
            Pipe pipe = new Pipe(write.unwrap(PGConnection.class),
                    "copy text_vector (kind, source_id, model, district_code, at, vector) from stdin");
            Pipe memberPipe = new Pipe(writeClusters.unwrap(PGConnection.class), "copy generated_cluster_member from stdin");
            StringBuilder row = new StringBuilder(4200);
            StringBuilder member = new StringBuilder(64);
            try (var statement = read.prepareStatement(
                    "select id, receipt_code, district_code, submitted_at, place_code, status from opinion where id > ? order by id")) {
                statement.setFetchSize(10_000);
                statement.setLong(1, maxBefore);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        // COPY gave the rows their ids in the order it read them: the n-th id is the n-th row
                        if (written >= phrases.length || !rs.getString(2).equals(receipt(o.seed(), written))) {
                            throw new IllegalStateException("opinion " + rs.getLong(1) + " is not generated row " + written);
                        }
                        int p = phrases[(int) written];
                        if (phrase[p] == null) {
                            phrase[p] = vectors.embed(WHERE[p / PROBLEMS.length] + PROBLEMS[p % PROBLEMS.length][1]).orElseThrow();
                        }
                        long id = rs.getLong(1);
                        Instant at = rs.getTimestamp(4).toInstant();
                        float[] vector = noisy(phrase[p], new SplittableRandom(o.seed() * 1_000_003L + id));
                        row.setLength(0);
                        row.append("opinion\t").append(id).append('\t').append(model).append('\t')
                                .append(rs.getString(3)).append('\t').append(ts(at)).append("\t\\\\x");
                        hex(vector, row);
                        pipe.write(row.append('\n'));
                        GeneratedClusters.Membership m = clusters.offer(id, rs.getString(3), rs.getString(5), p, at,
                                "REJECTED".equals(rs.getString(6)), vector);
                        if (m != null) {
                            member.setLength(0);
                            member.append(id).append('\t').append(m.lead()).append('\t').append(m.similarity()).append('\n');
                            memberPipe.write(member);
                        }
                        written++;
                        last = id;
                    }
                }
            }
            pipe.finish();
            memberPipe.finish();
            read.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        clusters(maxBefore, last);
        // the cursor moves past the generated rows only when every opinion before them has its vector: moved
        // past opinions still waiting (the demo's, when the demo start stopped before its backfill was done),
        // it left them without one for good, and no similar check found them
        boolean earlierEmbedded = jdbc.sql("""
                        select not exists (select 1 from opinion o where o.id <= :maxBefore and not exists (
                            select 1 from text_vector v where v.kind = 'opinion' and v.source_id = o.id and v.model = :model))""")
                .param("maxBefore", maxBefore).param("model", model).query(Boolean.class).single();
        if (!earlierEmbedded) {
            System.out.println("    (opinions stored before the generated ones have no vector yet: the backfill computes them,"
                    + " and walks past the generated ones)");
            return written;
        }
        jdbc.sql("""
                        insert into text_vector_backfill (kind, model, cursor_id, updated_at) values ('opinion', :model, :cursor, now())
                        on conflict (kind, model) do update set cursor_id = greatest(text_vector_backfill.cursor_id, excluded.cursor_id),
                            updated_at = excluded.updated_at""")
                .param("model", model).param("cursor", last).update();
        return written;
    }

    /**
     * The clusters {@link GeneratedClusters} decided, written as the clustering writes its own: one row per
     * cluster named by its first opinion, one per member. The clustering's cursor moves past the generated
     * opinions when every opinion before them was clustered; otherwise it walks them later, passing over the
     * members (it never clusters an opinion twice).
     */
    private void clusters(long maxBefore, long last) {
        Instant t = Instant.now();
        long maxCluster = jdbc.sql("select coalesce(max(id), 0) from opinion_cluster").query(Long.class).single();
        long created = jdbc.sql("""
                insert into opinion_cluster (district_code, lead_opinion, size, first_at, last_at)
                select o.district_code, g.lead_id, count(*), min(m.submitted_at), max(m.submitted_at)
                  from generated_cluster_member g join opinion m on m.id = g.opinion_id join opinion o on o.id = g.lead_id
                 group by o.district_code, g.lead_id order by g.lead_id""").update();
        long members = jdbc.sql("""
                        insert into opinion_cluster_member (opinion_id, cluster_id, similarity)
                        select g.opinion_id, c.id, g.similarity
                          from generated_cluster_member g join opinion_cluster c on c.lead_opinion = g.lead_id and c.id > :max""")
                .param("max", maxCluster).update();
        jdbc.sql("drop table generated_cluster_member").update();
        int moved = jdbc.sql("update opinion_cluster_cursor set last_id = :last, updated_at = now() where name = 'hotspots' and last_id >= :before")
                .param("last", last).param("before", maxBefore).update();
        System.out.printf("    … %,d opinions in %,d same-matter clusters%s%n", members, created,
                moved == 1 ? "" : " (the clustering walks the generated opinions later: earlier ones wait for it)");
        progress("same-matter clusters", members, t);
    }

    /** A phrase's vector moved by Gaussian noise of 0.0177 per dimension (0.4 in all), normalised again. */
    static float[] noisy(float[] phrase, SplittableRandom random) {
        float[] v = new float[phrase.length];
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (phrase[k] + 0.0177 * random.nextGaussian());
            norm += v[k] * v[k];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < v.length; k++) {
            v[k] *= scale;
        }
        return v;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The float32 values little-endian, as hexadecimal (bytea's COPY text form after {@code \\x}). */
    static void hex(float[] v, StringBuilder out) {
        for (float x : v) {
            int bits = Float.floatToRawIntBits(x);
            for (int b = 0; b < 4; b++) {
                int octet = (bits >>> (8 * b)) & 0xff;
                out.append(HEX[octet >>> 4]).append(HEX[octet & 0xf]);
            }
        }
    }

    private static int pick(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String status(boolean recent, SplittableRandom random) {
        int r = random.nextInt(100);
        if (recent) {
            return r < 30 ? "SUBMITTED" : r < 45 ? "ACCEPTED" : r < 80 ? "HANDLING" : r < 85 ? "REJECTED" : r < 95 ? "REPLIED" : "CLOSED";
        }
        return r < 75 ? "CLOSED" : r < 85 ? "REPLIED" : r < 93 ? "REJECTED" : r < 96 ? "IN_SUGGESTION" : "HANDLING";
    }

    private static String rating(SplittableRandom random) {
        int r = random.nextInt(10);
        return r < 6 ? "SATISFIED" : r < 8 ? "BASICALLY_SATISFIED" : r < 9 ? "DISSATISFIED" : "NOT_RATED";
    }

    /**
     * A receipt code of the application's shape (10 characters of its alphabet, a dash after five),
     * starting with G so generated opinions can be told apart, unique per (seed, index): the index
     * times an odd number modulo 32^9 is a bijection.
     */
    static String receipt(long seed, long index) {
        long mask = (1L << 45) - 1;
        long v = ((index + 1) * (0x9E3779B97F4A7C15L | 1) + seed * 0x5851F42D4C957F2DL) & mask;
        v = (v * 0x2545F4914F6CDD1DL) & mask;
        // a bijection only if the multipliers are odd; both are
        StringBuilder sb = new StringBuilder(11).append('G');
        for (int i = 0; i < 9; i++) {
            if (sb.length() == 5) {
                sb.append('-');
            }
            sb.append(RECEIPT_ALPHABET.charAt((int) (v & 31)));
            v >>>= 5;
        }
        return sb.toString();
    }

    /** The word index as the application writes it ({@code array_to_tsvector} of the words), in COPY text form. */
    static String tsvector(String content) {
        StringBuilder sb = new StringBuilder();
        for (String w : new java.util.TreeSet<>(ChineseText.words(content))) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('\'').append(w.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        // COPY text format: backslashes doubled once more
        return sb.toString().replace("\\", "\\\\");
    }

    private static String ts(Instant at) {
        return TS.format(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)));
    }

    // ---------------------------------------------------------------- suggestions

    private long suggestions(Options o) {
        long n = o.suggestions();
        if (n <= 0) {
            return 0;
        }
        long deputies = count("deputy");
        long accounts = jdbc.sql("select count(*) from account").query(Long.class).single();
        if (deputies == 0 || accounts == 0) {
            System.out.println("  no deputies or accounts (start once with --civicloop.demo=true): suggestions skipped");
            return 0;
        }
        int days = 365 * o.years() - 30;
        String sql = TEXTS.resource("suggestions.sql").replace(":days", String.valueOf(days)).replace(":n", String.valueOf(n));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                for (String statement : sql.split(";\n")) {
                    st.execute(statement);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /**
     * A COPY stream written from this thread: rows are buffered in chunks and handed to a second
     * thread that feeds PostgreSQL, so generating and loading overlap.
     */
    private static final class Pipe {
        private static final char[] END = new char[0];
        private final BlockingQueue<char[]> chunks = new ArrayBlockingQueue<>(64);
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        private final Thread loader;
        private volatile RuntimeException failure;

        Pipe(PGConnection pg, String copy) {
            loader = new Thread(() -> {
                try {
                    pg.getCopyAPI().copyIn(copy, new Reader() {
                        private char[] current = new char[0];
                        private int pos;
                        private boolean done;

                        @Override
                        public int read(char[] cbuf, int off, int len) throws IOException {
                            while (!done && pos >= current.length) {
                                try {
                                    current = chunks.take();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IOException(e);
                                }
                                pos = 0;
                                if (current == END) {
                                    done = true;
                                }
                            }
                            if (done) {
                                return -1;
                            }
                            int n = Math.min(len, current.length - pos);
                            System.arraycopy(current, pos, cbuf, off, n);
                            pos += n;
                            return n;
                        }

                        @Override
                        public void close() {
                        }
                    }, 1 << 16);
                } catch (SQLException | IOException e) {
                    failure = new IllegalStateException("COPY failed: " + e.getMessage(), e);
                    chunks.clear();
                }
            }, "generate-copy");
            loader.start();
        }

        void write(CharSequence row) {
            buffer.append(row);
            if (buffer.length() > (1 << 20) - 1024) {
                flush();
            }
        }

        private void flush() {
            if (failure != null) {
                throw failure;
            }
            char[] chunk = new char[buffer.length()];
            buffer.getChars(0, buffer.length(), chunk, 0);
            buffer.setLength(0);
            put(chunk);
        }

        private void put(char[] chunk) {
            try {
                while (!chunks.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    if (failure != null) {
                        throw failure;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void finish() {
            flush();
            put(END);
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=") && !a.startsWith("--civicloop.") && !a.startsWith("--spring.")
                    && !a.startsWith("--server.") && !a.startsWith("--logging.")) {
                out.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return out;
    }
}
