package org.civicloop.suggestions.poll;

import java.time.Instant;
import java.util.List;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.poll.PollEvents.PollBallotCast;
import org.civicloop.suggestions.poll.PollEvents.PollClosed;
import org.civicloop.suggestions.poll.PollEvents.PollCreated;
import org.civicloop.suggestions.poll.PollEvents.PollOpened;
import org.civicloop.suggestions.poll.PollEvents.PollPublished;

/**
 * A satisfaction poll (满意度测评) on handling units: made as a draft, opened, closed, then (a flag,
 * not a status) published. State changes are the named methods below; each checks the move against
 * {@link PollStatus} and returns the event to publish. Voters and ballots are counted in the
 * database, not held here (a ballot is secret and only adds to counters); the moves take the counts.
 * Nothing here reads a clock or a database.
 */
public class Poll extends AggregateRoot {

    private final String title;
    private final Electorate electorate;
    private PollStatus status;
    private final long createdBy;
    private final Instant createdAt;
    private Instant openedAt;
    private Instant closedAt;
    private Instant publishedAt;
    private final List<Unit> units;

    /** A unit rated in the poll, with its name as it was when the poll was made. */
    public record Unit(long unitId, String unitName) {
    }

    Poll(Long id, String title, Electorate electorate, PollStatus status, long createdBy, Instant createdAt, Instant openedAt,
         Instant closedAt, Instant publishedAt, List<Unit> units) {
        super(id);
        this.title = title;
        this.electorate = electorate;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.publishedAt = publishedAt;
        this.units = List.copyOf(units);
    }

    /** A new draft poll; its title, units and electorate are checked by the caller, who reports every problem at once. */
    public static Poll create(String title, Electorate electorate, List<Unit> units, long createdBy, Instant now) {
        if (title == null || title.isBlank() || electorate == null || units == null || units.isEmpty()) {
            throw new IllegalArgumentException("a poll needs a title, an electorate and units");
        }
        return new Poll(null, title, electorate, PollStatus.DRAFT, createdBy, now, null, null, null, units);
    }

    /** The event of a new poll, once it has its id. */
    public PollCreated created(int chosenVoters) {
        return new PollCreated(id(), title, electorate.name(), units.stream().map(Unit::unitId).toList(), chosenVoters);
    }

    /** Whether opening it now makes every account holding the DEPUTY role a voter. */
    public boolean takesDeputiesOnOpen() {
        return electorate == Electorate.ALL_DEPUTIES && status.canTransitionTo(PollStatus.OPEN);
    }

    /** Opens the draft for ballots; nobody to vote is refused. */
    public PollOpened open(long voters, Instant now) {
        transition(PollStatus.OPEN);
        if (voters == 0) {
            throw BusinessException.conflict("poll.error.noVoters");
        }
        this.openedAt = now;
        return new PollOpened(id(), (int) voters);
    }

    /** No more ballots; the counts are final. */
    public PollClosed close(long ballots, long voters, Instant now) {
        transition(PollStatus.CLOSED);
        this.closedAt = now;
        return new PollClosed(id(), ballots, voters);
    }

    /** Makes a closed poll's results public, once. Whether there are enough ballots to show is the caller's to check. */
    public PollPublished publish(Instant now) {
        if (status != PollStatus.CLOSED || publishedAt != null) {
            throw BusinessException.conflict("poll.error.notPublishable");
        }
        this.publishedAt = now;
        return new PollPublished(id());
    }

    /** A ballot may be cast while the poll is open; whether this voter may, and has not yet, is the caller's to check. */
    public PollBallotCast acceptBallot() {
        if (status != PollStatus.OPEN) {
            throw BusinessException.conflict("poll.error.notOpen");
        }
        return new PollBallotCast(id());
    }

    private void transition(PollStatus next) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("poll.error.transition." + next.name());
        }
        this.status = next;
    }

    public String title() { return title; }
    public Electorate electorate() { return electorate; }
    public PollStatus status() { return status; }
    public long createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant publishedAt() { return publishedAt; }
    public boolean published() { return publishedAt != null; }
    public List<Unit> units() { return units; }
}
