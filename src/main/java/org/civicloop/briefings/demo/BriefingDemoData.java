package org.civicloop.briefings.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.briefings.domain.Briefing;
import org.civicloop.briefings.domain.BriefingDraft;
import org.civicloop.briefings.domain.BriefingKind;
import org.civicloop.briefings.domain.BriefingService;
import org.civicloop.briefings.domain.InvitationStatus;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Half a year of the knowledge mechanism ({@code demo/briefings.csv}): seven briefings of all four
 * kinds over the last five months and one four days ahead, the serving demo deputies invited, about
 * seven in eight present, and the leave requests of {@code demo/briefing-leave.csv} (approved,
 * declined, one still waiting). Everything goes through {@link BriefingService} with its clock set to
 * the moment of each act, so the attendance publishes {@code BriefingAttended} as real use does and
 * the duty records count it. 王建国 (login {@code deputy}) scans in himself; the others are recorded
 * present by the office. Skipped when a briefing exists.
 */
@Component
@Order(24)
@ConditionalOnBooleanProperty("civicloop.demo")
class BriefingDemoData implements ApplicationRunner {

    /** Seven in eight of those invited come (deterministic, so the figures are the same at every start). */
    static final double PRESENT_SHARE = 0.875;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DeputyRoster roster;
    private final BriefingService service;

    BriefingDemoData(JdbcClient jdbc, Directory directory, DeputyRoster roster, BriefingService service) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.roster = roster;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from briefing)").query(Boolean.class).single()) {
            return;
        }
        Long officeAccount = directory.accountIdByUsername("office").orElse(null);
        List<DeputySummary> deputies = roster.active();
        if (officeAccount == null || deputies.isEmpty()) {
            return;
        }
        CivicUser office = user(officeAccount, Role.CONGRESS_OFFICE);
        Map<String, DeputySummary> byName = deputies.stream().collect(Collectors.toMap(DeputySummary::name, Function.identity(),
                (a, b) -> a));
        ZoneId zone = service.zone();
        LocalDate today = LocalDate.now(zone);
        Random random = new Random(11);
        List<String[]> leave = rows("demo/briefing-leave.csv");
        List<String[]> rows = rows("demo/briefings.csv");
        try {
            for (int n = 0; n < rows.size(); n++) {
                String[] r = rows.get(n);
                LocalDate day = today.plusDays(Long.parseLong(r[1]));
                var starts = day.atTime(LocalTime.parse(r[2]));
                var ends = day.atTime(LocalTime.parse(r[3]));
                Set<Long> invited = new LinkedHashSet<>();
                int count = r[4].equals("all") ? deputies.size() : Math.min(deputies.size(), Integer.parseInt(r[4]));
                deputies.stream().limit(count).forEach(d -> invited.add(d.id()));
                Instant planned = starts.atZone(zone).toInstant().minus(Duration.ofDays(14));
                at(planned.isAfter(Instant.now()) ? Instant.now() : planned);
                long id = service.schedule(new BriefingDraft(BriefingKind.valueOf(r[0]), r[5], starts, ends, r[6], r[7], invited),
                        office);
                Instant start = starts.atZone(zone).toInstant();
                Instant end = ends.atZone(zone).toInstant();
                // leave asked three days before, decided the next day
                for (String[] l : leave) {
                    DeputySummary d = byName.get(l[1]);
                    if (Integer.parseInt(l[0]) != n + 1 || d == null || !invited.contains(d.id())) {
                        continue;
                    }
                    at(min(start.minus(Duration.ofDays(3))));
                    if (d.accountId() != null) {
                        service.requestLeave(id, l[3], user(d.accountId(), Role.DEPUTY));
                    } else {
                        service.recordLeaveRequest(id, d.id(), l[3], office);
                    }
                    if (!l[2].equals("pending")) {
                        at(min(start.minus(Duration.ofDays(2))));
                        service.decideLeave(id, d.id(), l[2].equals("approve"), office);
                    }
                }
                if (!end.isBefore(Instant.now())) {
                    continue; // still to come: nobody has signed in yet
                }
                Briefing b = service.get(id, office);
                int i = 0;
                for (long deputyId : invited) {
                    i++;
                    if (b.invitation(deputyId).status() == InvitationStatus.ON_LEAVE || random.nextDouble() > PRESENT_SHARE) {
                        continue;
                    }
                    DeputySummary d = deputies.stream().filter(x -> x.id() == deputyId).findFirst().orElseThrow();
                    at(start.minus(Duration.ofMinutes(25)).plus(Duration.ofSeconds(37L * i)));
                    if (d.accountId() != null) {
                        service.signIn(b.signInToken(), user(d.accountId(), Role.DEPUTY));
                    } else {
                        service.recordPresent(id, deputyId, office);
                    }
                }
            }
        } finally {
            service.useClock(Clock.systemUTC());
        }
    }

    private void at(Instant moment) {
        service.useClock(Clock.fixed(moment, ZoneOffset.UTC));
    }

    private static Instant min(Instant moment) {
        Instant now = Instant.now();
        return moment.isAfter(now) ? now : moment;
    }

    private static CivicUser user(long accountId, Role role) {
        return new CivicUser(accountId, "demo", "demo", null, null, Set.of(role), true, null, false, 0, "");
    }

    private static List<String[]> rows(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
