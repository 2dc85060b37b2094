package org.civicloop.campaigns.demo;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.campaigns.domain.Campaign;
import org.civicloop.campaigns.domain.CampaignDraft;
import org.civicloop.campaigns.domain.CampaignService;
import org.civicloop.campaigns.domain.CampaignVoting;
import org.civicloop.campaigns.domain.Nominee;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
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
 * Two campaigns ({@code demo/campaigns.csv}) over today's deputies, run through the same moves the
 * office makes, each at its date: the five-type deputies of this year in their voting period with
 * some votes, and last year's most beautiful deputies announced. Votes are cast as votes (no counter
 * is set), with synthetic verified phones. A campaign already there (same title) is left alone.
 */
@Component
@Order(26)
@ConditionalOnBooleanProperty("civicloop.demo")
class CampaignDemoData implements ApplicationRunner {

    private final CampaignService campaigns;
    private final CampaignVoting voting;
    private final Directory directory;
    private final DeputyRoster roster;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ZoneId zone;

    CampaignDemoData(CampaignService campaigns, CampaignVoting voting, Directory directory, DeputyRoster roster,
                     JdbcClient jdbc, TransactionTemplate tx, @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.campaigns = campaigns;
        this.voting = voting;
        this.directory = directory;
        this.roster = roster;
        this.jdbc = jdbc;
        this.tx = tx;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void run(ApplicationArguments args) {
        Long officeAccount = directory.accountIdByUsername("office").orElse(null);
        if (officeAccount == null || roster.active().isEmpty()) {
            return;
        }
        CivicUser office = new CivicUser(officeAccount, "demo", "demo", null, null, Set.of(Role.CONGRESS_OFFICE), true, null,
                false, 0, "");
        List<String[]> rows = rows();
        LocalDate today = LocalDate.now(zone);
        // this year's campaign: nominated and checked, voting since five days, ten more days to go
        tx.executeWithoutResult(s -> load(rows, "wuxing", office, today, today.minusDays(20), false, 3));
        // last year's: voted, published, announced
        tx.executeWithoutResult(s -> load(rows, "zuimei", office, today, today.minusDays(120), true, 0));
    }

    private void load(List<String[]> rows, String key, CivicUser office, LocalDate today, LocalDate start, boolean announce,
                      int votingDaysLeftOpen) {
        String[] c = rows.stream().filter(r -> r[0].equals("campaign") && r[1].equals(key)).findFirst().orElseThrow();
        if (jdbc.sql("select exists (select 1 from campaign where title = :t)").param("t", c[2]).query(Boolean.class).single()) {
            return;
        }
        LocalDate votingFrom = start.plusDays(15);
        LocalDate votingTo = announce ? votingFrom.plusDays(20) : today.plusDays(10);
        var draft = new CampaignDraft(c[2], c[3], String.join("\n", c[4].split("\\|")), 0, today.getYear(), start,
                start.plusDays(10), votingFrom, votingTo, votingTo.plusDays(1), votingTo.plusDays(7));
        long id = campaigns.create(office, draft, at(start, 9));
        for (String[] n : rows) {
            if (n[0].equals("nominee") && n[1].equals(key)) {
                DeputySummary d = roster.active().stream().filter(x -> x.name().equals(n[2])).findFirst().orElse(null);
                if (d != null) {
                    campaigns.nominate(office, id, d.id(), n[3], n[4], at(start.plusDays(3), 10));
                }
            }
        }
        campaigns.closeNominations(office, id, at(start.plusDays(11), 9));
        campaigns.openVoting(office, id, at(votingFrom, 8));
        Campaign opened = campaigns.find(id);
        List<Long> ballot = opened.nominees().stream().filter(Nominee::eligible).map(Nominee::id).toList();
        LocalDate lastVotingDay = announce ? votingTo : today;
        int phone = 0;
        for (LocalDate day = votingFrom; !day.isAfter(lastVotingDay); day = day.plusDays(1)) {
            // a few voters a day, the first nominees a little ahead; the same phones come back on other days
            for (int v = 0; v < 3 + (day.getDayOfMonth() % 4); v++) {
                long nominee = ballot.get((v * v + day.getDayOfMonth()) % ballot.size());
                voting.recordVerifiedVote(id, nominee, String.format("1990000%04d", (phone++ % 40)), at(day, 9 + v));
            }
        }
        if (announce) {
            Set<Long> chosen = new HashSet<>(ballot.subList(0, Math.min(3, ballot.size())));
            campaigns.closeVoting(office, id, chosen, at(votingTo.plusDays(1), 9));
            campaigns.announce(office, id, at(votingTo.plusDays(8), 10));
        }
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private static List<String[]> rows() {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource("demo/campaigns.csv").getInputStream(),
                StandardCharsets.UTF_8))) {
            return new ArrayList<>(reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
