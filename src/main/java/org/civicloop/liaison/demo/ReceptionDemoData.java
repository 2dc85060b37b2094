package org.civicloop.liaison.demo;

import java.sql.Date;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.LiaisonEvents.ReceptionHeld;
import org.civicloop.liaison.receptions.ReceptionRule;
import org.civicloop.liaison.receptions.ReceptionService;
import org.civicloop.organization.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of receptions (Dec 2025 – Nov 2026) for the demo network, whatever sites are in the database
 * when it runs (it works by site type): fixed reception days for every open site; for every station
 * and mobile station a duty roster and the held receptions of the year, then the coming four weeks
 * planned. The stations' visitors add up to exactly {@link #STATION_VISITORS} (the seed: 16 stations
 * received more than 110,000 voters); a town station also holds mobile (流动) receptions at its
 * market on the 5th, 15th and 25th. Deterministic (a fixed seed); a site that already has receptions
 * is left alone. Each held reception publishes {@link ReceptionHeld}, as a real one does, so the
 * network's figures and the deputies' records count it.
 */
@Component
@Order(22)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReceptionDemoData implements ApplicationRunner {

    static final long STATION_VISITORS = 110_000;
    static final LocalDate YEAR_FROM = LocalDate.of(2025, 12, 1);
    static final LocalDate YEAR_TO = LocalDate.of(2026, 11, 30);
    private static final long SEED = 20_261_105L;
    private static final int[][] WEEKDAY_PAIRS = {{2, 5}, {1, 4}, {3, 6}, {2, 4}, {1, 5}};
    private static final Logger log = LoggerFactory.getLogger(ReceptionDemoData.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DeputyRoster roster;
    private final Directory directory;
    private final ReceptionService receptions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    /** Notes, cancel reasons and the market's name suffix, from {@code demo/reception-texts.csv}. */
    private List<String> notes;
    private List<String> cancelReasons;
    private String marketSuffix;

    record Site(long id, String name, String type, String regionCode, String address) {
    }

    /** One reception to insert: visitors null while planned or cancelled. */
    private record Row(long siteId, LocalDate day, LocalTime from, LocalTime to, String place, boolean mobile, String status,
                       double weight, Integer[] visitors, String note, String reason, List<Long> deputies) {
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        int[] counts = tx.execute(status -> load());
        log.info("Demo receptions: {} sites, {} receptions, {} roster entries in {} ms", counts[0], counts[1], counts[2],
                (System.nanoTime() - started) / 1_000_000);
    }

    private int[] load() {
        List<Site> sites = jdbc.sql("""
                        select id, name, type, region_code, address from liaison_site s
                        where active and not exists (select 1 from reception r where r.site_id = s.id)
                          and not exists (select 1 from reception_rule u where u.site_id = s.id)
                        order by type, region_code, name, id""")
                .query(Site.class).list();
        if (sites.isEmpty()) {
            return new int[] {0, 0, 0};
        }
        readTexts();
        long writing = System.nanoTime();
        Random random = new Random(SEED);
        List<Long> serving = roster.active().stream().map(DeputySummary::id).toList();
        LocalDate today = receptions.today();
        LocalDate heldUntil = YEAR_TO.isBefore(today) ? YEAR_TO : today.minusDays(1);
        List<Row> rows = new ArrayList<>();
        List<Object[]> rules = new ArrayList<>();
        int index = 0;
        for (Site site : sites) {
            List<ReceptionRule> siteRules = rulesFor(site, index++);
            for (ReceptionRule r : siteRules) {
                rules.add(new Object[] {site.id(), r.kind().name(), r.days().stream().map(String::valueOf)
                        .reduce((a, b) -> a + "," + b).orElseThrow(), Time.valueOf(r.startsAt()), Time.valueOf(r.endsAt()),
                        r.place()});
            }
            if (!site.type().equals("STATION") && !site.type().equals("MOBILE")) {
                continue;
            }
            List<Long> pool = residents(site.id());
            if (pool.isEmpty()) {
                pool = pick(serving, 3, random);
            }
            if (pool.isEmpty()) {
                continue;
            }
            double siteWeight = 0.6 + random.nextDouble() * 0.8;
            int n = 0;
            for (ReceptionRule r : siteRules) {
                for (LocalDate day : r.datesBetween(YEAR_FROM, today.plusWeeks(4))) {
                    List<Long> present = new ArrayList<>(new TreeSet<>(List.of(pool.get(n % pool.size()),
                            pool.get((n + 1) % pool.size()))));
                    n++;
                    String place = r.place() != null ? r.place() : site.address();
                    if (!day.isAfter(heldUntil) && !day.isBefore(YEAR_FROM)) {
                        boolean cancelled = random.nextInt(50) == 0;
                        double w = siteWeight * (0.5 + random.nextDouble()) * (r.mobile() ? 1.8 : 1.0)
                                * (day.getMonthValue() == 2 ? 0.6 : 1.0);
                        rows.add(new Row(site.id(), day, r.startsAt(), r.endsAt(), place, r.mobile(),
                                cancelled ? "CANCELLED" : "HELD", cancelled ? 0 : w, new Integer[1],
                                cancelled ? null : notes.get(random.nextInt(notes.size())),
                                cancelled ? cancelReasons.get(random.nextInt(cancelReasons.size())) : null, present));
                    } else if (!day.isBefore(today)) {
                        rows.add(new Row(site.id(), day, r.startsAt(), r.endsAt(), place, r.mobile(), "PLANNED", 0,
                                new Integer[1], null, null, present));
                    }
                }
            }
        }
        visitors(rows, sites, random);
        batch.batchUpdate("insert into reception_rule (site_id, kind, days, starts_at, ends_at, place) values (?, ?, ?, ?, ?, ?)",
                rules);
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('reception', 'id')) from generate_series(1, :n)")
                .param("n", rows.size()).query(Long.class).list();
        List<Object[]> receptionRows = new ArrayList<>();
        List<Object[]> present = new ArrayList<>();
        List<Object[]> duty = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long id = ids.get(i);
            receptionRows.add(new Object[] {id, r.siteId(), Date.valueOf(r.day()), Time.valueOf(r.from()),
                    Time.valueOf(r.to()), r.place(), r.mobile(), r.status(), r.visitors()[0], r.note(), r.reason()});
            for (long deputyId : r.deputies()) {
                duty.add(new Object[] {r.siteId(), Date.valueOf(r.day()), deputyId});
                if (r.status().equals("HELD")) {
                    present.add(new Object[] {id, deputyId});
                }
            }
        }
        batch.batchUpdate("""
                insert into reception (id, site_id, held_on, starts_at, ends_at, place, mobile, status, visitors, notes,
                                       cancel_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", receptionRows);
        batch.batchUpdate("insert into reception_deputy (reception_id, deputy_id) values (?, ?)", present);
        batch.batchUpdate("""
                insert into reception_roster (site_id, duty_date, deputy_id) values (?, ?, ?)
                on conflict do nothing""", duty);
        // past roster days are reminded already: mark them so the first run after start-up sends nothing old
        jdbc.sql("""
                insert into reception_roster_reminder (roster_id, sent_at, delivered)
                select id, now(), true from reception_roster where duty_date <= :today on conflict do nothing""")
                .param("today", Date.valueOf(today)).update();
        log.info("Demo receptions written in {} ms; publishing their events", (System.nanoTime() - writing) / 1_000_000);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.status().equals("HELD")) {
                events.publishEvent(new ReceptionHeld(ids.get(i), r.siteId(), r.day(), r.mobile(), r.place(),
                        r.visitors()[0], r.deputies()));
            }
        }
        return new int[] {sites.size(), rows.size(), duty.size()};
    }

    /**
     * Stations: two weekdays 9:00–12:00, and in a town (not a street) the market on the 5th, 15th and 25th;
     * a mobile station: the Saturday market; a professional home: one afternoon a week; other rooms and
     * points: Friday mornings.
     */
    private List<ReceptionRule> rulesFor(Site site, int index) {
        LocalTime nine = LocalTime.of(9, 0);
        LocalTime noon = LocalTime.of(12, 0);
        List<ReceptionRule> rules = new ArrayList<>();
        switch (site.type()) {
            case "STATION" -> {
                int[] pair = WEEKDAY_PAIRS[index % WEEKDAY_PAIRS.length];
                rules.add(rule(site, ReceptionRule.Kind.WEEKLY, nine, noon, null, pair));
                if (isTown(site.regionCode())) {
                    String town = directory.place(site.regionCode()).map(Directory.Place::name).orElse("");
                    rules.add(rule(site, ReceptionRule.Kind.MONTH_DAYS, LocalTime.of(8, 30), LocalTime.of(11, 30),
                            town + marketSuffix, new int[] {5, 15, 25}));
                }
            }
            case "MOBILE" -> rules.add(rule(site, ReceptionRule.Kind.WEEKLY, LocalTime.of(8, 30), LocalTime.of(11, 30),
                    site.address(), new int[] {6}));
            case "PROFESSIONAL_HOME" -> rules.add(rule(site, ReceptionRule.Kind.WEEKLY, LocalTime.of(14, 30),
                    LocalTime.of(17, 30), null, new int[] {3}));
            default -> rules.add(rule(site, ReceptionRule.Kind.WEEKLY, nine, noon, null, new int[] {5}));
        }
        return rules;
    }

    private static ReceptionRule rule(Site site, ReceptionRule.Kind kind, LocalTime from, LocalTime to, String place,
                                      int[] days) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int d : days) {
            set.add(d);
        }
        return new ReceptionRule(null, site.id(), kind, set, from, to, place);
    }

    /** A town's or township's code (GB/T 2260 village-level digits 100–299); streets are 001–099. */
    private static boolean isTown(String regionCode) {
        return regionCode.length() >= 9 && regionCode.charAt(6) != '0';
    }

    /**
     * The stations' held receptions share {@link #STATION_VISITORS} by weight (largest remainders get the
     * odd ones, so the sum is exact); a mobile station's market mornings see 20 to 60 visitors.
     */
    private void visitors(List<Row> rows, List<Site> sites, Random random) {
        java.util.Set<Long> stations = new java.util.HashSet<>();
        sites.stream().filter(s -> s.type().equals("STATION")).forEach(s -> stations.add(s.id()));
        List<Row> stationHeld = rows.stream().filter(r -> r.status().equals("HELD") && stations.contains(r.siteId())).toList();
        double total = stationHeld.stream().mapToDouble(Row::weight).sum();
        long assigned = 0;
        double[] remainders = new double[stationHeld.size()];
        for (int i = 0; i < stationHeld.size(); i++) {
            double exact = STATION_VISITORS * stationHeld.get(i).weight() / total;
            int floor = (int) Math.floor(exact);
            stationHeld.get(i).visitors()[0] = floor;
            remainders[i] = exact - floor;
            assigned += floor;
        }
        Integer[] order = new Integer[stationHeld.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; k < STATION_VISITORS - assigned && !stationHeld.isEmpty(); k++) {
            stationHeld.get(order[k]).visitors()[0]++;
        }
        rows.stream().filter(r -> r.status().equals("HELD") && !stations.contains(r.siteId()))
                .forEach(r -> r.visitors()[0] = 20 + random.nextInt(41));
    }

    private void readTexts() {
        notes = new ArrayList<>();
        cancelReasons = new ArrayList<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                new org.springframework.core.io.ClassPathResource("demo/reception-texts.csv").getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 2)).forEach(l -> {
                switch (l[0]) {
                    case "NOTE" -> notes.add(l[1]);
                    case "CANCEL" -> cancelReasons.add(l[1]);
                    case "MARKET" -> marketSuffix = l[1];
                    default -> throw new IllegalStateException("demo/reception-texts.csv: unknown kind " + l[0]);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Long> residents(long siteId) {
        return jdbc.sql("select deputy_id from liaison_site_deputy where site_id = :s order by deputy_id")
                .param("s", siteId).query(Long.class).list();
    }

    private static List<Long> pick(List<Long> from, int n, Random random) {
        if (from.isEmpty()) {
            return List.of();
        }
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return List.copyOf(new TreeSet<>(picked));
    }
}
