package org.civicloop.suggestions.poll;

import java.util.List;
import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/**
 * What happens to satisfaction polls (满意度测评), in the past tense; every one is audited. A ballot's
 * event says that the signed-in voter voted (the audit names the actor) and never what they chose:
 * ballots are secret.
 */
public final class PollEvents {

    private PollEvents() {
    }

    /** An event about one poll, its audit subject. */
    public interface AboutPoll extends AuditableEvent {
        long pollId();
        default String subjectType() { return "poll"; }
        default String subjectId() { return Long.toString(pollId()); }
    }

    public record PollCreated(long pollId, String title, String electorate, List<Long> unitIds, int chosenVoters)
            implements AboutPoll {
        public String action() { return "poll.created"; }
        public Map<String, Object> after() {
            return Map.of("title", title, "electorate", electorate, "unitIds", unitIds, "chosenVoters", chosenVoters,
                    "status", PollStatus.DRAFT.name());
        }
    }

    public record PollOpened(long pollId, int voters) implements AboutPoll {
        public String action() { return "poll.opened"; }
        public Map<String, Object> before() { return Map.of("status", PollStatus.DRAFT.name()); }
        public Map<String, Object> after() { return Map.of("status", PollStatus.OPEN.name(), "voters", voters); }
    }

    /** A voter cast their ballot; the choices are deliberately absent. */
    public record PollBallotCast(long pollId) implements AboutPoll {
        public String action() { return "poll.ballotCast"; }
        public Map<String, Object> after() { return Map.of("ballot", "cast"); }
    }

    public record PollClosed(long pollId, long ballots, long voters) implements AboutPoll {
        public String action() { return "poll.closed"; }
        public Map<String, Object> before() { return Map.of("status", PollStatus.OPEN.name()); }
        public Map<String, Object> after() {
            return Map.of("status", PollStatus.CLOSED.name(), "ballots", ballots, "voters", voters);
        }
    }

    public record PollPublished(long pollId) implements AboutPoll {
        public String action() { return "poll.published"; }
        public Map<String, Object> after() { return Map.of("published", true); }
    }
}
