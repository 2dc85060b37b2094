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

    record Options(long opinions, int districts, int years, long workOrders, long suggestions, long seed, boolean replace) {
        static Options of(Map<String, String> given) {
            long opinions = Long.parseLong(given.getOrDefault("opinions", "1000000").replace("_", ""));
            return new Options(opinions,
                    Integer.parseInt(given.getOrDefault("districts", "100")),
                    Integer.parseInt(given.getOrDefault("years", "3")),
                    Long.parseLong(given.getOrDefault("work-orders", String.valueOf(opinions / 10)).replace("_", "")),
                    Long.parseLong(given.getOrDefault("suggestions", String.valueOf(opinions / 50)).replace("_", "")),
                    Long.parseLong(given.getOrDefault("seed", "2026")),
                    Boolean.parseBoolean(given.getOrDefault("replace", "false")));
        }
    }

    private static final String RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String[] CATEGORIES = {"URBAN", "TRAFFIC", "ENVIRONMENT", "EDUCATION", "HEALTH",
            "SOCIAL_SECURITY", "RURAL", "BUSINESS", "GOVERNANCE", "OTHER"};
    private static final String[] CHANNELS = {"QR", "QR", "QR", "ONLINE", "ONLINE", "VISIT", "RECEPTION", "MARKET_DAY",
            "HOTLINE", "HOTLINE", "OPEN311"};
    private static final String[] WHERE = {"我们村", "小区门口", "镇上集市旁", "学校附近", "村委会前面", "老街", "新修的安置小区",
            "县道旁", "菜市场边上", "卫生院门口", "河边", "工业园区"};
    private static final String[][] PROBLEMS = {
            {"URBAN", "路灯坏了很久没人修，晚上出行很不方便"}, {"URBAN", "老旧小区外墙脱落，存在安全隐患"},
            {"URBAN", "小区电梯经常故障，老人上下楼困难"}, {"URBAN", "自来水水压不足，高层经常停水"},
            {"TRAFFIC", "道路坑洼积水严重，雨天车辆和行人难以通行"}, {"TRAFFIC", "公交班次太少，上下班等车要一个小时"},
            {"TRAFFIC", "上学放学时段车辆乱停乱放，交通拥堵"}, {"TRAFFIC", "路口没有红绿灯，过马路很危险"},
            {"ENVIRONMENT", "垃圾清运不及时，气味很大"}, {"ENVIRONMENT", "河道有生活污水直排，水质发黑发臭"},
            {"ENVIRONMENT", "夜间施工噪音扰民，影响休息"}, {"ENVIRONMENT", "养殖场臭味影响周边居民生活"},
            {"EDUCATION", "幼儿园学位紧张，孩子入园难"}, {"EDUCATION", "学校周边没有校车，孩子上学路途远"},
            {"EDUCATION", "乡村学校缺少音乐美术老师"}, {"HEALTH", "卫生院缺少儿科医生，看病要跑到市区"},
            {"HEALTH", "医保报销手续繁琐，来回跑好几趟"}, {"HEALTH", "村卫生室药品不全，慢性病患者取药难"},
            {"SOCIAL_SECURITY", "高龄津贴发放不及时"}, {"SOCIAL_SECURITY", "社区养老服务中心床位不够"},
            {"SOCIAL_SECURITY", "低保评定不公开透明，群众有意见"}, {"RURAL", "灌溉水渠年久失修，农田缺水"},
            {"RURAL", "农产品销售渠道少，价格被压得很低"}, {"RURAL", "村里通组路还是泥巴路，下雨天出不去"},
            {"BUSINESS", "个体工商户办证跑了好几个部门"}, {"BUSINESS", "企业用电报装时间太长，影响开工"},
            {"BUSINESS", "小微企业贷款难，担保要求高"}, {"GOVERNANCE", "小区物业管理混乱，收费不透明"},
            {"GOVERNANCE", "夜市占道经营，消防通道被堵"}, {"GOVERNANCE", "电动车在楼道充电，存在火灾隐患"},
            {"OTHER", "政务服务大厅周末不开门，上班族办事难"}, {"OTHER", "广场舞音响声音太大，影响周边居民"}};
    private static final String[] DETAILS = {"已经反映过多次", "附近居民意见很大", "希望有关部门重视", "已经持续半年多",
            "老人和孩子尤其受影响", "周边有好几百户人家", "", ""};
    private static final String[] REQUESTS = {"请尽快安排维修。", "希望尽快解决。", "请相关部门现场查看处理。",
            "建议纳入今年的民生实事。", "希望给个明确答复。", "恳请代表帮忙反映。", "请协调解决。"};
    private static final String[] TOWN_FIRST = {"青", "石", "龙", "白", "清", "金", "红", "新", "高", "马", "黄", "沙",
            "桐", "松", "枫", "花", "云", "麦", "茶", "竹"};
    private static final String[] TOWN_SECOND = {"岩", "板", "场", "溪", "水", "坡", "坝", "塘", "河", "山", "林", "桥",
            "堡", "关", "湾", "冲"};
    private static final String[] UNIT_NAMES = {"住房和城乡建设局", "交通运输局", "生态环境分局", "教育局", "卫生健康局",
            "民政局", "农业农村局", "市场监督管理局"};
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final String homeDistrict;

    DataGenerator(DataSource dataSource, JdbcClient jdbc, AuditTrail trail, String homeDistrict) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.trail = trail;
        this.homeDistrict = homeDistrict;
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
        if (o.replace()) {
            // opinions of an earlier, interrupted run (receipt codes G…), before new ones with the same codes
            jdbc.sql("delete from opinion_step s using opinion o where o.id = s.opinion_id and o.receipt_code like 'G%'").update();
            jdbc.sql("delete from work_order w using opinion o where o.id = w.opinion_id and o.receipt_code like 'G%'").update();
            long removed = jdbc.sql("delete from opinion where receipt_code like 'G%'").update();
            progress("generated opinions of an earlier run removed", removed, started);
        }
        long regionsBefore = count("region");
        List<District> districts = districts(o.districts());
        long regions = count("region") - regionsBefore;
        progress("regions", regions, started);

        Instant t = Instant.now();
        long opinionsBefore = count("opinion");
        long workOrders = copyOpinions(o, districts);
        progress("opinions (COPY, with word index and timeline)", o.opinions(), t);
        t = Instant.now();
        long maxWorkOrder = jdbc.sql("select coalesce(max(id), 0) from work_order").query(Long.class).single();
        jdbc.sql("""
                insert into work_order (opinion_id, unit_id, round, status, instructions, assigned_at, assigned_by, signed_at,
                                        reply, replied_at, closed_at, due_at)
                select o.id, g.unit_id, 1, g.status, '请按时办理并答复群众。', g.assigned_at, 'office', g.signed_at,
                       g.reply, g.replied_at, g.closed_at, g.due_at
                  from generated_work_order g join opinion o on o.receipt_code = g.receipt_code
                 order by g.assigned_at""").update();
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
        long auditRows = trail.chainPending();
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

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    // ---------------------------------------------------------------- regions and units

    /**
     * Guiyang's real districts first (their towns and villages as imported), then generated ones
     * beside them under a generated city 5299, each with ten towns of five villages.
     */
    List<District> districts(int wanted) {
        ensureRegion("52", "贵州省", "province", null);
        ensureRegion("5201", "贵阳市", "city", "52");
        List<String[]> real = jdbc.sql("select code, name from region where level = 'district' and parent_code = '5201' order by code")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<String[]> chosen = new ArrayList<>(real.subList(0, Math.min(real.size(), wanted)));
        if (chosen.size() < wanted) {
            ensureRegion("5299", "黔中新区（生成）", "city", "52");
        }
        for (int i = 1; chosen.size() < wanted; i++) {
            String code = String.format("5299%02d", i);
            String name = TOWN_FIRST[i % TOWN_FIRST.length] + TOWN_SECOND[(i / TOWN_FIRST.length + i) % TOWN_SECOND.length] + i + "区";
            ensureRegion(code, name, "district", "5299");
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
                    String townName = TOWN_FIRST[(t * 7 + code.hashCode()) & 15] + TOWN_SECOND[t % TOWN_SECOND.length] + "镇";
                    ensureRegion(town, townName, "town", code);
                    places.add(town);
                    for (int v = 1; v <= 5; v++) {
                        String village = town + String.format("%03d", v);
                        ensureRegion(village, TOWN_FIRST[(v + t) % TOWN_FIRST.length] + TOWN_SECOND[(v * 3) % TOWN_SECOND.length] + "村", "village", town);
                        places.add(village);
                    }
                }
            }
            out.add(new District(code, d[1], places, units(code, d[1])));
        }
        return out;
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

    /** Opinions by COPY; their work orders by COPY into a staging table (ids are the database's). */
    private long copyOpinions(Options o, List<District> districts) {
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
        long maxBefore = jdbc.sql("select coalesce(max(id), 0) from opinion").query(Long.class).single();
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
                String[] problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
                String content = WHERE[random.nextInt(WHERE.length)] + problem[1] + "，" + DETAILS[random.nextInt(DETAILS.length)]
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
                        .append(replied != null ? "您反映的问题已转交承办单位办理，现已处理完毕。感谢您的监督。" : "\\N").append('\t')
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
                            .append(active ? "\\N" : "已现场核实并处理完毕，已电话告知群众。").append('\t')
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
        String sql = """
                create temp table bench_units on commit drop as
                  select row_number() over (order by id) - 1 as i, id from org_unit where handles_items and active;
                create temp table bench_deputies on commit drop as
                  select row_number() over (order by id) - 1 as i, id from deputy;
                create temp table bench_params on commit drop as
                  select (select count(*) from bench_units) as nu, (select count(*) from bench_deputies) as nd,
                         (select min(id) from account) as account_id, (select coalesce(max(id), 0) from suggestion) as max_id;
                create temp table bench_s on commit drop as
                select g, now() - interval '20 days' - ((g * 7919) % :days) * interval '1 day' as created,
                       case when g % 10 = 0 then 'REGISTERED'
                            when g % 10 in (1, 2, 3) then 'ASSIGNED'
                            when g % 10 = 4 then 'AWAITING_EVALUATION'
                            else 'CLOSED' end as status
                from generate_series(1, :n) g;
                insert into suggestion (title, content, category, lead_deputy_id, period, key_suggestion, confidential, status, mode,
                                        evaluation, created_by_account, created_at, submitted_at, registered_at, assigned_at,
                                        evaluated_at, closed_at, updated_at)
                select '关于改善' || (array['乡村道路','学校办学','基层医疗','农村供水','城乡公交','居家养老','营商环境','河道治理'])[1 + g % 8]
                       || '条件的建议（第' || g || '号）',
                       '近年来，' || (array['群众反映','走访发现','调研了解到'])[1 + g % 3] || '，'
                       || (array['部分村组道路破损严重','学校学位供给不足','乡镇卫生院人才流失','农村饮水工程老化','公交线路覆盖不足','养老服务设施短缺','企业办事环节偏多','河道污染反弹'])[1 + g % 8]
                       || '，建议有关部门统筹资金、明确时限、加强督办，切实解决群众急难愁盼问题。',
                       (array['FINANCE','AGRICULTURE','URBAN','EDUCATION','JUDICIAL','SOCIAL','OTHER'])[1 + g % 7],
                       (select id from bench_deputies d where d.i = g % (select nd from bench_params)),
                       case when g % 3 = 0 then 'SESSION' else 'RECESS' end, g % 20 = 0, g % 50 = 0, s.status,
                       case when s.status = 'REGISTERED' then null else 'LEAD_AND_CO' end,
                       case when s.status = 'CLOSED' then (array['SATISFIED','SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 4] end,
                       (select account_id from bench_params), created, created + interval '1 day', created + interval '3 days',
                       case when s.status <> 'REGISTERED' then created + interval '5 days' end,
                       case when s.status = 'CLOSED' then least(created + interval '80 days', now()) end,
                       case when s.status = 'CLOSED' then least(created + interval '80 days', now()) end,
                       least(created + interval '80 days', now())
                from bench_s s order by g;
                create temp table bench_map on commit drop as
                select s.id, s.id - (select max_id from bench_params) as g, s.status, s.assigned_at
                  from suggestion s where s.id > (select max_id from bench_params) and s.assigned_at is not null;
                insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at, reply_text,
                                                   result_class, replied_at, audited, audited_at, due_at)
                select m.id, 1, (select id from bench_units u where u.i = m.g % (select nu from bench_params)), 'LEAD',
                       case when m.status = 'ASSIGNED' then 'SIGNED' else 'REPLIED' end, 1, m.assigned_at, m.assigned_at + interval '2 days',
                       case when m.status <> 'ASSIGNED' then '经研究，已按代表建议制定整改方案并组织实施，现答复如下。' end,
                       case when m.status <> 'ASSIGNED' then (array['A','B','B','C','D'])[1 + m.g % 5] end,
                       case when m.status <> 'ASSIGNED' then m.assigned_at + interval '60 days' + (m.g % 40) * interval '1 hour' end,
                       m.status <> 'ASSIGNED', case when m.status <> 'ASSIGNED' then m.assigned_at + interval '70 days' end,
                       case when m.status = 'ASSIGNED' and m.g % 3 = 0 then now() - (m.g % 30) * interval '1 day'
                            when m.status = 'ASSIGNED' then now() + (m.g % 80) * interval '1 day'
                            else m.assigned_at + interval '3 months' end
                from bench_map m;
                insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at, view_text,
                                                   view_sent_at, due_at)
                select m.id, 2, (select id from bench_units u where u.i = (m.g + 7) % (select nu from bench_params)), 'CO',
                       case when m.status = 'ASSIGNED' then 'SIGNED' else 'VIEW_SENT' end, 1, m.assigned_at, m.assigned_at + interval '2 days',
                       case when m.status <> 'ASSIGNED' then '协办意见：我单位将积极配合主办单位做好相关工作。' end,
                       case when m.status <> 'ASSIGNED' then m.assigned_at + interval '25 days' end,
                       m.assigned_at + interval '1 month'
                from bench_map m where m.g % 2 = 0;
                insert into suggestion_reply (suggestion_id, seq, round, unit_id, reply_text, result_class, audited_class, replied_at,
                                              audited_at, audited_by, due_at)
                select a.suggestion_id, a.seq, 1, a.unit_id, a.reply_text, a.result_class, a.result_class, a.replied_at, a.audited_at,
                       'office', a.due_at
                  from suggestion_assignment a join bench_map m on m.id = a.suggestion_id
                 where a.role = 'LEAD' and a.replied_at is not null;
                insert into suggestion_contact (suggestion_id, seq, unit_id, stage, face_to_face, summary, contacted_at, recorded_by)
                select a.suggestion_id, a.seq, a.unit_id, 'BEFORE', m.g % 3 <> 0, '与代表当面沟通办理思路和时间安排。', a.assigned_at + interval '10 days', 'unit'
                  from suggestion_assignment a join bench_map m on m.id = a.suggestion_id where a.role = 'LEAD';
                update suggestion_assignment a
                   set kpi_replied = f.replied, kpi_on_time = f.on_time, kpi_final_class = f.final_class, kpi_met = f.met
                  from (select a2.suggestion_id, a2.seq,
                               count(r.id) > 0 as replied,
                               coalesce(bool_or(r.round = 1 and r.replied_at <= r.due_at), false) as on_time,
                               substr(max(to_char(r.round, 'FM00000') || coalesce(r.audited_class, r.result_class)), 6) as final_class,
                               exists (select 1 from suggestion_contact c
                                        where c.suggestion_id = a2.suggestion_id and c.seq = a2.seq and c.face_to_face) as met
                          from suggestion_assignment a2 join bench_map m on m.id = a2.suggestion_id
                          left join suggestion_reply r on r.suggestion_id = a2.suggestion_id and r.seq = a2.seq
                         group by a2.suggestion_id, a2.seq) f
                 where a.suggestion_id = f.suggestion_id and a.seq = f.seq;
                update suggestion_assignment a set warn_at = a.due_at - interval '10 days'
                  from bench_map m where m.id = a.suggestion_id;
                insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id, summary_before, summary_after)
                select s.created_at, 'deputy', 'suggestions', 'suggestion.submitted', 'suggestion', s.id::text, '{}'::jsonb,
                       jsonb_build_object('status', 'SUBMITTED')
                  from suggestion s where s.id > (select max_id from bench_params) order by s.id;
                insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id, summary_before, summary_after)
                select s.closed_at, 'office', 'suggestions', 'suggestion.closed', 'suggestion', s.id::text,
                       jsonb_build_object('status', 'AWAITING_EVALUATION'), jsonb_build_object('status', 'CLOSED', 'evaluation', s.evaluation)
                  from suggestion s where s.id > (select max_id from bench_params) and s.status = 'CLOSED' order by s.id
                """.replace(":days", String.valueOf(days)).replace(":n", String.valueOf(n));
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
