package org.civicloop.liaison.disputes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.liaison.CaseworkEvents.DisputeOpened;
import org.civicloop.liaison.LiaisonEvents.DisputeClosed;
import org.civicloop.shared.BusinessException;

/**
 * A dispute (纠纷调解) mediated by deputies at a site: its parties, the sittings, and the outcome.
 * Moves check {@link DisputeStatus} and return the event to publish; the caller passes the time.
 */
public class Dispute {

    private Long id;
    private final long siteId;
    private final String subject;
    private final String description;
    private final List<Party> parties;
    private final List<Long> deputyIds;
    private final LocalDate openedOn;
    private final long recordedBy;
    private DisputeStatus status;
    private LocalDate closedOn;
    private String outcomeText;
    private Instant updatedAt;
    private int version;

    Dispute(Long id, long siteId, String subject, String description, List<Party> parties, List<Long> deputyIds,
            LocalDate openedOn, long recordedBy, DisputeStatus status, LocalDate closedOn, String outcomeText,
            Instant updatedAt, int version) {
        this.id = id;
        this.siteId = siteId;
        this.subject = subject;
        this.description = description;
        this.parties = List.copyOf(parties);
        this.deputyIds = List.copyOf(deputyIds);
        this.openedOn = openedOn;
        this.recordedBy = recordedBy;
        this.status = status;
        this.closedOn = closedOn;
        this.outcomeText = outcomeText;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    public static Dispute open(DisputeDraft d, long recordedBy, Instant at) {
        return new Dispute(null, d.siteId(), d.subject(), d.description(), d.parties(), List.copyOf(d.deputyIds()),
                d.openedOn(), recordedBy, DisputeStatus.MEDIATING, null, null, at, 0);
    }

    public DisputeOpened opened() {
        return new DisputeOpened(id(), siteId, openedOn, parties.size(), deputyIds);
    }

    /** A sitting may be recorded while the dispute is being mediated. */
    public void checkMediating() {
        if (status != DisputeStatus.MEDIATING) {
            throw BusinessException.conflict("dispute.error.closed");
        }
    }

    /**
     * 结案: an agreement (its terms), no agreement (why), or referred (to whom). The closing date may
     * not precede the opening.
     */
    public DisputeClosed close(DisputeStatus outcome, String text, LocalDate on, Instant at) {
        if (outcome == DisputeStatus.MEDIATING || !status.canTransitionTo(outcome)) {
            throw BusinessException.conflict("dispute.error.closed");
        }
        if (on.isBefore(openedOn)) {
            throw BusinessException.invalid("dispute.error.closedBeforeOpened");
        }
        this.status = outcome;
        this.closedOn = on;
        this.outcomeText = text;
        this.updatedAt = at;
        return new DisputeClosed(id(), siteId, on, outcome == DisputeStatus.AGREED, deputyIds);
    }

    void assignId(long id) {
        this.id = id;
    }

    void versionSaved(int v) {
        this.version = v;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public boolean isNew() { return id == null; }
    public long siteId() { return siteId; }
    public String subject() { return subject; }
    public String description() { return description; }
    public List<Party> parties() { return parties; }
    public List<Long> deputyIds() { return deputyIds; }
    public LocalDate openedOn() { return openedOn; }
    public long recordedBy() { return recordedBy; }
    public DisputeStatus status() { return status; }
    public LocalDate closedOn() { return closedOn; }
    public String outcomeText() { return outcomeText; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
}
