package org.civicloop.briefings.domain;

import java.time.Instant;

/**
 * One invited deputy of a {@link Briefing}: their sign-in and leave request. Changed only through the
 * briefing's named moves; kept in its own row with its own version, so that fifty deputies scanning
 * at the door at once do not conflict with each other, and the same deputy's two scans do.
 */
public class Invitation {

    private final long deputyId;
    private InvitationStatus status;
    private String signedInBy;
    private Instant signedInAt;
    private String leaveReason;
    private Instant leaveRequestedAt;
    private Instant leaveDecidedAt;
    private Long leaveDecidedBy;
    private boolean leaveDeclined;
    private final int version;

    Invitation(long deputyId, InvitationStatus status, String signedInBy, Instant signedInAt, String leaveReason,
               Instant leaveRequestedAt, Instant leaveDecidedAt, Long leaveDecidedBy, boolean leaveDeclined, int version) {
        this.deputyId = deputyId;
        this.status = status;
        this.signedInBy = signedInBy;
        this.signedInAt = signedInAt;
        this.leaveReason = leaveReason;
        this.leaveRequestedAt = leaveRequestedAt;
        this.leaveDecidedAt = leaveDecidedAt;
        this.leaveDecidedBy = leaveDecidedBy;
        this.leaveDeclined = leaveDeclined;
        this.version = version;
    }

    static Invitation fresh(long deputyId) {
        return new Invitation(deputyId, InvitationStatus.INVITED, null, null, null, null, null, null, false, 0);
    }

    void present(String by, Instant at) {
        this.status = InvitationStatus.PRESENT;
        this.signedInBy = by;
        this.signedInAt = at;
    }

    void leaveRequested(String reason, Instant at) {
        this.status = InvitationStatus.LEAVE_REQUESTED;
        this.leaveReason = reason;
        this.leaveRequestedAt = at;
        this.leaveDecidedAt = null;
        this.leaveDecidedBy = null;
        this.leaveDeclined = false;
    }

    void leaveDecided(boolean approved, Long by, Instant at) {
        this.status = approved ? InvitationStatus.ON_LEAVE : InvitationStatus.INVITED;
        this.leaveDecidedAt = at;
        this.leaveDecidedBy = by;
        this.leaveDeclined = !approved;
    }

    public long deputyId() { return deputyId; }
    public InvitationStatus status() { return status; }
    public String signedInBy() { return signedInBy; }
    public Instant signedInAt() { return signedInAt; }
    public String leaveReason() { return leaveReason; }
    public Instant leaveRequestedAt() { return leaveRequestedAt; }
    public Instant leaveDecidedAt() { return leaveDecidedAt; }
    public Long leaveDecidedBy() { return leaveDecidedBy; }
    public boolean leaveDeclined() { return leaveDeclined; }
    public int version() { return version; }
}
