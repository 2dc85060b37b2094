package org.civicloop.suggestions.poll;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.poll.PollEvents.PollBallotCast;
import org.civicloop.suggestions.poll.PollEvents.PollClosed;
import org.civicloop.suggestions.poll.PollEvents.PollCreated;
import org.civicloop.suggestions.poll.PollEvents.PollOpened;
import org.civicloop.suggestions.poll.PollEvents.PollPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to satisfaction polls: the office makes, opens, closes and publishes them; an eligible
 * voter casts one secret ballot rating every unit. Each change and its audited event commit together.
 *
 * <p>Secrecy: a ballot adds one to a counter per unit and scale value and records only that the voter
 * has voted; the choices are never stored per voter nor put in the audit trail. One ballot each is
 * the primary key of {@code suggestion_poll_ballot}: a second ballot, even one racing the first from a
 * double submit, inserts nothing and is refused with a message.
 */
@Service
@Transactional
public class PollService {

    public static final int TITLE_MAX = 200;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PollQueries queries;
    private final ApplicationEventPublisher events;
    private final PollDisclosure disclosure;

    PollService(JdbcClient jdbc, Directory directory, PollQueries queries, ApplicationEventPublisher events,
                PollDisclosure disclosure) {
        this.disclosure = disclosure;
        this.jdbc = jdbc;
        this.directory = directory;
        this.queries = queries;
        this.events = events;
    }

    /**
     * What the office asks for.
     *
     * @param voterUsernames the accounts that may vote, for {@link Electorate#CHOSEN} (ignored otherwise)
     */
    public record NewPoll(String title, List<Long> unitIds, Electorate electorate, List<String> voterUsernames) {
    }

    public static boolean canManage(CivicUser user) {
        return user.hasRole(Role.CONGRESS_OFFICE);
    }

    public long create(NewPoll p, CivicUser user) {
        office(user);
        List<Problem> problems = new ArrayList<>();
        String title = p.title() == null ? "" : p.title().strip();
        if (title.isEmpty()) {
            problems.add(new Problem("title", "poll.error.title"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(new Problem("title", "poll.error.titleLength", TITLE_MAX));
        }
        Map<Long, String> handling = directory.handlingUnits().stream()
                .collect(Collectors.toMap(Directory.UnitRef::id, Directory.UnitRef::name));
        Set<Long> units = new LinkedHashSet<>(p.unitIds() == null ? List.of() : p.unitIds());
        if (units.isEmpty()) {
            problems.add(new Problem("units", "poll.error.units"));
        } else if (!handling.keySet().containsAll(units)) {
            problems.add(new Problem("units", "poll.error.unit"));
        }
        Set<Long> voters = new LinkedHashSet<>();
        if (p.electorate() == null) {
            problems.add(new Problem("electorate", "poll.error.electorate"));
        } else if (p.electorate() == Electorate.CHOSEN) {
            List<String> names = p.voterUsernames() == null ? List.of()
                    : p.voterUsernames().stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
            if (names.isEmpty()) {
                problems.add(new Problem("voters", "poll.error.voters"));
            }
            for (String name : names) {
                Optional<Long> account = directory.accountIdByUsername(name);
                if (account.isPresent()) {
                    voters.add(account.get());
                } else {
                    problems.add(new Problem("voters", "poll.error.unknownVoter", name));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into suggestion_poll (title, electorate, status, created_by, created_at)
                        values (:title, :electorate, 'DRAFT', :by, :at) returning id""")
                .param("title", title).param("electorate", p.electorate().name()).param("by", user.accountId())
                .param("at", Timestamp.from(Instant.now())).query(Long.class).single();
        int sort = 0;
        for (Long unit : units) {
            jdbc.sql("insert into suggestion_poll_unit (poll_id, unit_id, unit_name, sort) values (:p, :u, :n, :s)")
                    .param("p", id).param("u", unit).param("n", handling.get(unit)).param("s", sort++).update();
        }
        addVoters(id, voters);
        events.publishEvent(new PollCreated(id, title, p.electorate().name(), List.copyOf(units), voters.size()));
        return id;
    }

    /** Opens the poll; for all deputies, every account holding the DEPUTY role now becomes a voter. */
    public void open(long id, CivicUser user) {
        office(user);
        move(id, PollStatus.OPEN, "opened_at");
        Electorate electorate = Electorate.valueOf(jdbc.sql("select electorate from suggestion_poll where id = :id")
                .param("id", id).query(String.class).single());
        if (electorate == Electorate.ALL_DEPUTIES) {
            addVoters(id, directory.accountsWithRole(Role.DEPUTY));
        }
        long voters = jdbc.sql("select count(*) from suggestion_poll_voter where poll_id = :id").param("id", id).query(Long.class).single();
        if (voters == 0) {
            throw BusinessException.conflict("poll.error.noVoters");
        }
        events.publishEvent(new PollOpened(id, (int) voters));
    }

    public void close(long id, CivicUser user) {
        office(user);
        move(id, PollStatus.CLOSED, "closed_at");
        var poll = queries.find(id).orElseThrow();
        events.publishEvent(new PollClosed(id, poll.ballots(), poll.voters()));
    }

    /** Makes a closed poll's results public at /public/polls/{id}. */
    public void publish(long id, CivicUser user) {
        office(user);
        status(id, false); // 404 when missing; locks the row so that the count below stands
        disclosure.requireDisclosable(queries.find(id).orElseThrow().ballots());
        int changed = jdbc.sql("""
                        update suggestion_poll set published_at = :at
                         where id = :id and status = 'CLOSED' and published_at is null""")
                .param("at", Timestamp.from(Instant.now())).param("id", id).update();
        if (changed == 0) {
            throw BusinessException.conflict("poll.error.notPublishable");
        }
        events.publishEvent(new PollPublished(id));
    }

    /**
     * One secret ballot: a scale value for every unit of the poll. A poll the user may not vote in
     * does not exist for them (404); a poll no longer open, or a second ballot, is refused (409).
     */
    public void vote(long id, Map<Long, String> choices, CivicUser user) {
        boolean eligible = jdbc.sql("select exists (select 1 from suggestion_poll_voter where poll_id = :p and account_id = :a)")
                .param("p", id).param("a", user.accountId()).query(Boolean.class).single();
        if (!eligible) {
            throw new NotFoundException("poll", id);
        }
        // a shared lock: closing waits for ballots being cast, and a ballot never lands after the close
        if (status(id, true) != PollStatus.OPEN) {
            throw BusinessException.conflict("poll.error.notOpen");
        }
        Set<String> scale = queries.scale().stream().map(PollQueries.ScaleEntry::code).collect(Collectors.toSet());
        List<PollQueries.PollUnit> units = queries.units(id);
        List<Problem> problems = new ArrayList<>();
        for (PollQueries.PollUnit u : units) {
            String choice = choices.get(u.unitId());
            if (choice == null || !scale.contains(choice)) {
                problems.add(new Problem("unit-" + u.unitId(), "poll.error.choice", u.unitName()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int cast = jdbc.sql("""
                        insert into suggestion_poll_ballot (poll_id, account_id, cast_at) values (:p, :a, :at)
                        on conflict (poll_id, account_id) do nothing""")
                .param("p", id).param("a", user.accountId()).param("at", Timestamp.from(Instant.now())).update();
        if (cast == 0) {
            throw BusinessException.conflict("poll.error.alreadyVoted");
        }
        for (PollQueries.PollUnit u : units) {
            jdbc.sql("""
                            insert into suggestion_poll_tally (poll_id, unit_id, scale_code, votes) values (:p, :u, :c, 1)
                            on conflict (poll_id, unit_id, scale_code) do update set votes = suggestion_poll_tally.votes + 1""")
                    .param("p", id).param("u", u.unitId()).param("c", choices.get(u.unitId())).update();
        }
        events.publishEvent(new PollBallotCast(id));
    }

    private void addVoters(long pollId, java.util.Collection<Long> accounts) {
        for (Long account : accounts) {
            jdbc.sql("insert into suggestion_poll_voter (poll_id, account_id) values (:p, :a) on conflict do nothing")
                    .param("p", pollId).param("a", account).update();
        }
    }

    private void move(long id, PollStatus next, String timeColumn) {
        PollStatus current = status(id, false);
        if (!current.canTransitionTo(next)) {
            throw BusinessException.conflict("poll.error.transition." + next.name());
        }
        jdbc.sql("update suggestion_poll set status = :next, " + timeColumn + " = :at where id = :id")
                .param("next", next.name()).param("at", Timestamp.from(Instant.now())).param("id", id).update();
    }

    /** The poll's status, its row locked for update (or shared, for ballots); 404 when there is no such poll. */
    private PollStatus status(long id, boolean shared) {
        return jdbc.sql("select status from suggestion_poll where id = :id for " + (shared ? "share" : "update"))
                .param("id", id).query(String.class).optional().map(PollStatus::valueOf)
                .orElseThrow(() -> new NotFoundException("poll", id));
    }

    private static void office(CivicUser user) {
        if (!canManage(user)) {
            throw new AccessDeniedException("poll management");
        }
    }
}
