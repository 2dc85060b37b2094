package org.civicloop.suggestions.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.suggestions.AssignmentKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suggestions on the one clock of the {@code deadlines} module. An assignment (subject
 * {@code suggestion-assignment}, id {@code <suggestion>-<seq>}) runs on {@code suggestion.reply}
 * (lead and separate units), {@code suggestion.co-view} (co-units) or {@code suggestion.rehandling}
 * (after a dissatisfied evaluation); its return window runs on {@code suggestion.return-request}
 * (subject {@code suggestion-return}); the deputy's evaluation on {@code suggestion.feedback}
 * (subject {@code suggestion-feedback}, id the suggestion's).
 *
 * <p>Whenever an assignment's clock moves, its due and warning times are copied to
 * {@code suggestion_assignment.due_at} and {@code warn_at} in the same transaction, so that inboxes sort by deadline and the KPIs read one table.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SuggestionClocks {

    public static final String ASSIGNMENT = "suggestion-assignment";
    public static final String RETURN_WINDOW = "suggestion-return";
    public static final String FEEDBACK = "suggestion-feedback";

    private final Deadlines deadlines;
    private final JdbcClient jdbc;

    public static String key(long suggestionId, int seq) {
        return AssignmentKey.of(suggestionId, seq).format();
    }

    void assigned(long suggestionId, Assignment a) {
        String rule = a.role() == AssignmentRole.CO ? "suggestion.co-view" : "suggestion.reply";
        mirror(suggestionId, a.seq(), deadlines.start(ASSIGNMENT, key(suggestionId, a.seq()), rule, "suggestion.reply", a.assignedAt()));
        deadlines.start(RETURN_WINDOW, key(suggestionId, a.seq()), "suggestion.return-request", "suggestion.return-request", a.assignedAt());
    }

    /** The return window has closed once its due time is past. */
    boolean returnWindowClosed(long suggestionId, int seq, Instant now) {
        return deadlines.find(RETURN_WINDOW, key(suggestionId, seq)).map(c -> now.isAfter(c.dueAt())).orElse(true);
    }

    /** The suggestion's assignments (by number) whose return window has closed by {@code now}, for its page. */
    public Set<Integer> returnWindowsClosed(Suggestion s, Instant now) {
        return s.assignments().stream().map(Assignment::seq).filter(seq -> returnWindowClosed(s.id(), seq, now))
                .collect(Collectors.toUnmodifiableSet());
    }

    void signedOrReturned(long suggestionId, int seq, Instant now) {
        deadlines.stop(RETURN_WINDOW, key(suggestionId, seq), now);
    }

    void stop(long suggestionId, int seq, Instant now) {
        deadlines.stop(ASSIGNMENT, key(suggestionId, seq), now);
    }

    void extendTo(long suggestionId, int seq, Instant due, Instant now) {
        mirror(suggestionId, seq, deadlines.extendTo(ASSIGNMENT, key(suggestionId, seq), due, now));
    }

    void rehandling(long suggestionId, int seq, Instant now) {
        mirror(suggestionId, seq, deadlines.restart(ASSIGNMENT, key(suggestionId, seq), "suggestion.rehandling", "suggestion.reply", now));
    }

    private void mirror(long suggestionId, int seq, ClockView clock) {
        jdbc.sql("update suggestion_assignment set due_at = :due, warn_at = :warn where suggestion_id = :s and seq = :seq")
                .param("due", java.sql.Timestamp.from(clock.dueAt()))
                .param("warn", clock.warnAt() == null ? null : java.sql.Timestamp.from(clock.warnAt()))
                .param("s", suggestionId).param("seq", seq).update();
    }

    void feedbackStarted(long suggestionId, Instant now) {
        deadlines.restart(FEEDBACK, Long.toString(suggestionId), "suggestion.feedback", "suggestion.feedback", now);
    }

    void feedbackGiven(long suggestionId, Instant now) {
        deadlines.stop(FEEDBACK, Long.toString(suggestionId), now);
    }

    public Optional<ClockView> assignment(long suggestionId, int seq) {
        return deadlines.find(ASSIGNMENT, key(suggestionId, seq));
    }

    public Optional<ClockView> feedback(long suggestionId) {
        return deadlines.find(FEEDBACK, Long.toString(suggestionId));
    }

    /** Assignment clocks by {@code <suggestion>-<seq>} key, for lists. */
    public Map<String, ClockView> assignments(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return new HashMap<>(deadlines.find(ASSIGNMENT, keys.stream().collect(Collectors.toSet())));
    }
}
