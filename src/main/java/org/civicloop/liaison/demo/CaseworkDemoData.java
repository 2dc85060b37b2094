package org.civicloop.liaison.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.liaison.activities.ActivityDraft;
import org.civicloop.liaison.activities.ActivityService;
import org.civicloop.liaison.casework.SiteWork;
import org.civicloop.liaison.disputes.DisputeDraft;
import org.civicloop.liaison.disputes.DisputeService;
import org.civicloop.liaison.disputes.DisputeStatus;
import org.civicloop.liaison.disputes.Party;
import org.civicloop.liaison.domain.SiteDetails;
import org.civicloop.liaison.domain.SiteService;
import org.civicloop.liaison.domain.SiteType;
import org.civicloop.liaison.matters.MatterDraft;
import org.civicloop.liaison.matters.MatterService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Directory.UnitRef;
import org.civicloop.organization.Role;
import org.civicloop.shared.CreditCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of the network at work ({@code demo/liaison-casework.csv}): 130 enterprise matters at the park
 * rooms and points, 40 disputes, and activities at deputy homes and points, whose visitors in one
 * township (青岩镇 when it has a home or point) add up to exactly 16,000 and income to 400,000 yuan.
 * Everything goes through the services, with the time passed in, so clocks, events and audit rows are
 * those of real use.
 *
 * <p>Sites are chosen by type when it runs, so it works with whatever network the other demo loaders
 * built (it runs after them); only when no site of a needed type exists does it open one. Each part is
 * skipped when its table already has rows.
 */
@Component
@Order(23)
@ConditionalOnBooleanProperty("civicloop.demo")
class CaseworkDemoData implements ApplicationRunner {

    static final int MATTERS = 130;
    static final int DISPUTES = 40;
    static final int TOWNSHIP_VISITORS = 16_000;
    static final long TOWNSHIP_INCOME = 400_000L;
    static final int TOURISM_EVENTS = 48;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Directory directory;
    private final DeputyRoster roster;
    private final SiteService siteService;
    private final MatterService matters;
    private final DisputeService disputes;
    private final ActivityService activities;
    private final ZoneId zone;

    CaseworkDemoData(JdbcClient jdbc, TransactionTemplate tx, Directory directory, DeputyRoster roster, SiteService siteService,
                     MatterService matters, DisputeService disputes, ActivityService activities,
                     @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.roster = roster;
        this.siteService = siteService;
        this.matters = matters;
        this.disputes = disputes;
        this.activities = activities;
        this.zone = ZoneId.of(zone);
    }

    private record Site(long id, String type, String regionCode) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, List<String[]>> rows = rows();
        Long officeAccount = directory.accountIdByUsername("office").orElse(null);
        if (officeAccount == null || roster.active().isEmpty()) {
            return;
        }
        CivicUser office = user(officeAccount, null, Role.CONGRESS_OFFICE);
        LocalDate today = LocalDate.now(zone);
        tx.executeWithoutResult(s -> activities(rows, office, today));
        tx.executeWithoutResult(s -> matters(rows, office, today));
        tx.executeWithoutResult(s -> disputes(rows, office, today));
    }

    // ------------------------------------------------------------------ activities

    private void activities(Map<String, List<String[]>> rows, CivicUser office, LocalDate today) {
        if (count("site_activity") > 0) {
            return;
        }
        Set<String> homes = Set.of("PROFESSIONAL_HOME", "RURAL_POINT", "PROFESSIONAL_POINT", "ECON_OBSERVATION");
        List<Site> sites = sites(homes);
        if (sites.isEmpty()) {
            fallback(rows, "RURAL_POINT");
            sites = sites(homes);
        }
        String preferred = rows.get("township").get(0)[1];
        Map<String, List<Site>> byTown = new LinkedHashMap<>();
        sites.forEach(s -> byTown.computeIfAbsent(town(s.regionCode()), k -> new ArrayList<>()).add(s));
        String township = byTown.containsKey(preferred) ? preferred : byTown.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, List<Site>> e) -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        List<Site> townSites = byTown.get(township);
        Random random = new Random(16_000);
        int[] visitors = split(TOWNSHIP_VISITORS, TOURISM_EVENTS, random);
        long[] income = splitLong(TOWNSHIP_INCOME, visitors);
        List<String[]> tourism = rows.get("tourism");
        for (int i = 0; i < TOURISM_EVENTS; i++) {
            Site site = townSites.get(i % townSites.size());
            // weekends across the last year, oldest first
            LocalDate day = today.minusDays(7L * (TOURISM_EVENTS - i) + 1);
            day = day.minusDays((day.getDayOfWeek().getValue() + 1) % 7); // back to a Saturday
            activities.record(office, new ActivityDraft(site.id(), day, tourism.get(i % tourism.size())[1], visitors[i],
                    income[i], deputies(site, random)), at(day));
        }
        List<Site> others = sites.stream().filter(s -> !town(s.regionCode()).equals(township)).toList();
        List<String[]> lectures = rows.get("lecture");
        for (int i = 0; i < others.size() * 3; i++) {
            Site site = others.get(i % others.size());
            LocalDate day = today.minusDays(20L + 29L * i);
            activities.record(office, new ActivityDraft(site.id(), day, lectures.get(i % lectures.size())[1],
                    30 + random.nextInt(60), null, deputies(site, random)), at(day));
        }
    }

    /** {@code total} in {@code parts} positive whole shares of varying size that add up exactly. */
    static int[] split(int total, int parts, Random random) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.5 + random.nextDouble() + (i % 4 == 0 ? 0.6 : 0); // some weekends draw more
            sum += weights[i];
        }
        int[] shares = new int[parts];
        int given = 0;
        for (int i = 0; i < parts - 1; i++) {
            shares[i] = (int) Math.round(total * weights[i] / sum);
            given += shares[i];
        }
        shares[parts - 1] = total - given;
        return shares;
    }

    /** {@code total} yuan in proportion to the visitors, adding up exactly. */
    static long[] splitLong(long total, int[] visitors) {
        long all = 0;
        for (int v : visitors) {
            all += v;
        }
        long[] shares = new long[visitors.length];
        long given = 0;
        for (int i = 0; i < visitors.length - 1; i++) {
            shares[i] = Math.round((double) total * visitors[i] / all);
            given += shares[i];
        }
        shares[visitors.length - 1] = total - given;
        return shares;
    }

    // ------------------------------------------------------------------ enterprise matters

    private void matters(Map<String, List<String[]>> rows, CivicUser office, LocalDate today) {
        if (count("enterprise_matter") > 0) {
            return;
        }
        List<Site> sites = sites(Set.of("PARK_ROOM"));
        if (sites.isEmpty()) {
            fallback(rows, "PARK_ROOM");
            sites = sites(Set.of("PARK_ROOM"));
        }
        // a few at the points too, where there are any
        List<Site> points = sites(Set.of("ECON_OBSERVATION", "PROFESSIONAL_POINT"));
        Map<String, UnitRef> units = new LinkedHashMap<>();
        directory.handlingUnits().forEach(u -> units.put(u.name(), u));
        List<String[]> enterprises = rows.get("enterprise");
        List<String[]> problems = rows.get("problem").stream().filter(p -> units.containsKey(p[2])).toList();
        if (problems.isEmpty() || enterprises.isEmpty()) {
            return;
        }
        List<String[]> answers = rows.get("answer");
        String reopenNote = rows.get("reopenNote").get(0)[1];
        Random random = new Random(130);
        for (int i = 0; i < MATTERS; i++) {
            Site site = !points.isEmpty() && i % 10 == 9 ? points.get(i % points.size()) : sites.get(i % sites.size());
            int e = i % enterprises.size();
            String[] problem = problems.get((i * 7) % problems.size());
            UnitRef unit = units.get(problem[2]);
            // spread over the last year; the newest ten are still moving
            LocalDate opened = today.minusDays(3L + (long) (MATTERS - 1 - i) * 360 / MATTERS);
            Instant openedAt = at(opened);
            String code = CreditCode.withCheck(String.format("91520111MA6H%05d", 10 + e));
            long id = matters.open(office, new MatterDraft(site.id(), enterprises.get(e)[1], code, contact(rows, i),
                    phone(i), true, problem[1], unit.id(), deputies(site, random), opened), openedAt);
            boolean recent = i >= MATTERS - 10;
            if (recent && i % 2 == 0) {
                continue; // at the unit, clock running
            }
            CivicUser unitUser = user(office.accountId(), unit.id(), Role.HANDLING_UNIT);
            long answerDays = 2 + random.nextInt(recent ? 2 : 8);
            matters.answer(unitUser, id, answers.get(i % answers.size())[1], openedAt.plusSeconds(answerDays * 86_400));
            if (recent) {
                continue; // answered, waiting for the enterprise's word
            }
            Instant word = openedAt.plusSeconds((answerDays + 2) * 86_400);
            if (i % 9 == 4) {
                matters.confirm(office, id, MatterService.Verdict.REOPEN, reopenNote, word);
                matters.answer(unitUser, id, answers.get((i + 1) % answers.size())[1], word.plusSeconds(4 * 86_400));
                word = word.plusSeconds(6 * 86_400);
            }
            MatterService.Verdict verdict = i % 17 == 8 ? MatterService.Verdict.UNSOLVED : MatterService.Verdict.SOLVED;
            matters.confirm(office, id, verdict, null, word);
        }
    }

    // ------------------------------------------------------------------ disputes

    private void disputes(Map<String, List<String[]>> rows, CivicUser office, LocalDate today) {
        if (count("dispute") > 0) {
            return;
        }
        List<Site> sites = new ArrayList<>(sites(Set.of("PARK_ROOM", "RURAL_POINT")));
        sites.addAll(sites(Set.of("STATION", "AREA_ROOM")).stream().limit(6).toList());
        if (sites.isEmpty()) {
            return;
        }
        List<String[]> subjects = rows.get("dispute");
        List<String[]> terms = rows.get("terms");
        List<String[]> sessionNotes = rows.get("session");
        Random random = new Random(40);
        for (int i = 0; i < DISPUTES; i++) {
            Site site = sites.get(i % sites.size());
            String[] subject = subjects.get(i % subjects.size());
            LocalDate opened = today.minusDays(5L + (long) (DISPUTES - 1 - i) * 350 / DISPUTES);
            Instant openedAt = at(opened);
            long id = disputes.open(office, new DisputeDraft(site.id(), subject[1], subject[2],
                    List.of(new Party(name(rows, i * 2), phone(1000 + i * 2)), new Party(name(rows, i * 2 + 1), null)),
                    true, deputies(site, random), opened), openedAt);
            int sittings = 1 + random.nextInt(2);
            for (int k = 0; k < sittings; k++) {
                LocalDate day = opened.plusDays(k * 4L);
                disputes.recordSession(office, id, day, sessionNotes.get(k % sessionNotes.size())[1], at(day));
            }
            if (i >= DISPUTES - 3) {
                continue; // still being mediated
            }
            LocalDate closed = opened.plusDays(sittings * 4L);
            DisputeStatus outcome;
            String text;
            if (i % 8 == 3) {
                outcome = DisputeStatus.NO_AGREEMENT;
                text = rows.get("noAgreement").get(0)[1];
            } else if (i % 9 == 5) {
                outcome = DisputeStatus.REFERRED;
                text = rows.get("referred").get(i % rows.get("referred").size())[1];
            } else {
                outcome = DisputeStatus.AGREED;
                text = terms.get(i % terms.size())[1];
            }
            disputes.close(office, id, outcome, text, closed, at(closed));
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<Site> sites(Set<String> types) {
        return jdbc.sql("select id, type, region_code from liaison_site where active and type in (:types) order by id")
                .param("types", types).query(Site.class).list();
    }

    /** No site of the type at all: open the demo one named in the CSV. */
    private void fallback(Map<String, List<String[]>> rows, String type) {
        for (String[] f : rows.get("fallback")) {
            String[] parts = f[2].split("\\|");
            if (parts[0].equals(type)) {
                siteService.create(new SiteDetails(f[1], SiteType.valueOf(type), parts[1], parts[2], null, null, true,
                        Set.copyOf(roster.active().stream().limit(2).map(DeputySummary::id).toList())));
            }
        }
    }

    /** The site's resident deputies (one or two of them), else deputies from the roster. */
    private Set<Long> deputies(Site site, Random random) {
        List<Long> residents = jdbc.sql("select deputy_id from liaison_site_deputy where site_id = :s order by deputy_id")
                .param("s", site.id()).query(Long.class).list();
        List<Long> pool = residents.isEmpty() ? roster.active().stream().map(DeputySummary::id).limit(12).toList() : residents;
        Set<Long> chosen = new LinkedHashSet<>();
        chosen.add(pool.get(random.nextInt(pool.size())));
        if (pool.size() > 1 && random.nextBoolean()) {
            chosen.add(pool.get(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
    }

    private static String town(String regionCode) {
        return regionCode.length() >= 9 ? regionCode.substring(0, 9) : regionCode;
    }

    private static String name(Map<String, List<String[]>> rows, int i) {
        List<String[]> surnames = rows.get("surname");
        List<String[]> given = rows.get("given");
        return surnames.get(i % surnames.size())[1] + given.get((i / surnames.size() + i) % given.size())[1];
    }

    private static String contact(Map<String, List<String[]>> rows, int i) {
        return name(rows, i + 7);
    }

    /** Numbers in a block no one holds: 139 0851 xxxx. */
    private static String phone(int i) {
        return String.format("1390851%04d", i % 10_000);
    }

    private static CivicUser user(long accountId, Long unitId, Role role) {
        return new CivicUser(accountId, "demo", "demo", unitId, null, Set.of(role), true, null, false, 0, "");
    }

    private static Map<String, List<String[]>> rows() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/liaison-casework.csv").getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, List<String[]>> byKind = new LinkedHashMap<>();
            reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                    .forEach(r -> byKind.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
            return byKind;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
