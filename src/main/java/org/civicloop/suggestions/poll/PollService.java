package org.civicloop.suggestions.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.civicloop.suggestions.poll.PollEvents.PollBallotCast;
import org.civicloop.suggestions.poll.PollEvents.PollClosed;
import org.civicloop.suggestions.poll.PollEvents.PollOpened;
import org.civicloop.suggestions.poll.PollEvents.PollPublished;
import org.springframework.context.ApplicationEventPublisher;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PollService {

    public static final int TITLE_MAX = 200;

    private final PollRepository polls;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final PollDisclosure disclosure;

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
            if (!names.isEmpty() && names.size() == voters.size() && voters.size() < disclosure.minBallots()) {
                problems.add(new Problem("voters", "poll.error.tooFewVoters", voters.size(), disclosure.minBallots()));
            }
        } else if (p.electorate() == Electorate.ALL_DEPUTIES) {
            int deputies = directory.accountsWithRole(Role.DEPUTY).size();
            if (deputies < disclosure.minBallots()) {
                problems.add(new Problem("electorate", "poll.error.tooFewDeputies", deputies, disclosure.minBallots()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<Poll.Unit> chosen = units.stream().map(u -> new Poll.Unit(u, handling.get(u))).toList();
        Poll poll = polls.save(Poll.create(title, p.electorate(), chosen, user.accountId(), Instant.now()));
        polls.addVoters(poll.id(), voters);
        events.publishEvent(poll.created(voters.size()));
        return poll.id();
    }

    /**
     * Opens the poll; for all deputies, every account holding the DEPUTY role now becomes a voter.
     * Refused when fewer may vote than the ballots needed to publish: such a poll could never be published.
     */
    public void open(long id, CivicUser user) {
        office(user);
        Poll poll = lock(id, false);
        if (poll.takesDeputiesOnOpen()) {
            polls.addVoters(id, directory.accountsWithRole(Role.DEPUTY));
        }
        long voters = polls.voters(id);
        if (voters > 0 && voters < disclosure.minBallots()) {
            throw BusinessException.conflict(poll.takesDeputiesOnOpen() ? "poll.error.tooFewDeputies" : "poll.error.tooFewVoters",
                    voters, disclosure.minBallots());
        }
        PollOpened opened = poll.open(voters, Instant.now());
        polls.save(poll);
        events.publishEvent(opened);
    }

    public void close(long id, CivicUser user) {
        office(user);
        Poll poll = lock(id, false);
        PollClosed closed = poll.close(polls.ballots(id), polls.voters(id), Instant.now());
        polls.save(poll);
        events.publishEvent(closed);
    }

    /** Makes a closed poll's results public at /public/polls/{id}. */
    public void publish(long id, CivicUser user) {
        office(user);
        Poll poll = lock(id, false); // 404 when missing; locks the row so that the count below stands
        disclosure.requireDisclosable(polls.ballots(id));
        PollPublished published = poll.publish(Instant.now());
        polls.save(poll);
        events.publishEvent(published);
    }

    /**
     * One secret ballot: a scale value for every unit of the poll. A poll the user may not vote in
     * does not exist for them (404); a poll no longer open, or a second ballot, is refused (409).
     */
    public void vote(long id, Map<Long, String> choices, CivicUser user) {
        if (!polls.mayVote(id, user.accountId())) {
            throw new NotFoundException("poll", id);
        }
        // a shared lock: closing waits for ballots being cast, and a ballot never lands after the close
        Poll poll = lock(id, true);
        PollBallotCast cast = poll.acceptBallot();
        Set<String> scale = polls.scaleCodes();
        Map<Long, String> ballot = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Poll.Unit u : poll.units()) {
            String choice = choices.get(u.unitId());
            if (choice == null || !scale.contains(choice)) {
                problems.add(new Problem("unit-" + u.unitId(), "poll.error.choice", u.unitName()));
            }
            ballot.put(u.unitId(), choice);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!polls.castBallot(id, user.accountId(), ballot, Instant.now())) {
            throw BusinessException.conflict("poll.error.alreadyVoted");
        }
        events.publishEvent(cast);
    }

    /** The poll, its row locked for update (or shared, for ballots); 404 when there is no such poll. */
    private Poll lock(long id, boolean shared) {
        return polls.lock(id, shared).orElseThrow(() -> new NotFoundException("poll", id));
    }

    private static void office(CivicUser user) {
        if (!canManage(user)) {
            throw new AccessDeniedException("poll management");
        }
    }
}
