package org.civicloop.suggestions.supervision.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.shared.AggregateRoot;
import org.civicloop.shared.BusinessException;

/**
 * What a tracking item and a resolution share: units file reports while it is open (reports are only
 * ever added, and wait here until the repository saves them); the office closes it with an optional
 * note. {@link FollowUpStatus} holds the one allowed move.
 *
 * @param <R> a report as filed
 */
public abstract class FollowUp<R> extends AggregateRoot {

    private FollowUpStatus status;
    private Instant closedAt;
    private String closedBy;
    private String closeNote;
    private final List<R> newReports = new ArrayList<>();

    protected FollowUp(Long id, FollowUpStatus status, Instant closedAt, String closedBy, String closeNote) {
        super(id);
        this.status = status;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.closeNote = closeNote;
    }

    /** Refuses any report or close once closed. */
    protected void requireOpen() {
        if (!status.canTransitionTo(FollowUpStatus.CLOSED)) {
            throw BusinessException.conflict("supervision.error.closed");
        }
    }

    /** Files a report (the subclass has checked it) while open. */
    protected R file(R report) {
        requireOpen();
        newReports.add(report);
        return report;
    }

    /** Closes it, with an optional note of at most 2,000 characters. */
    protected void closeWith(String note, String by, Instant now) {
        requireOpen();
        String text = Texts.optional(note, 2000);
        this.status = FollowUpStatus.CLOSED;
        this.closedAt = now;
        this.closedBy = by;
        this.closeNote = text;
    }

    /** Reports filed since it was loaded, for the repository to insert; cleared once taken. */
    List<R> takeNewReports() {
        List<R> taken = List.copyOf(newReports);
        newReports.clear();
        return taken;
    }

    public List<R> newReports() { return List.copyOf(newReports); }
    public FollowUpStatus status() { return status; }
    public Instant closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public String closeNote() { return closeNote; }
}
