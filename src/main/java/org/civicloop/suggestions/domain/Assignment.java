package org.civicloop.suggestions.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One unit's part of a suggestion (交办): its role, where it stands and, for lead and separate units,
 * the current round's reply. Changed only through {@link Suggestion}, which owns it.
 */
public class Assignment {

    private final int seq;
    private final long unitId;
    private final AssignmentRole role;
    private AssignmentStatus status;
    private int round;
    private final Instant assignedAt;
    private Instant signedAt;
    private String returnReason;
    private LocalDate extensionDue;
    private String extensionReason;
    private String viewText;
    private Instant viewSentAt;
    private String replyText;
    private String resultClass;
    private Instant repliedAt;
    private boolean audited;
    private Instant auditedAt;

    Assignment(int seq, long unitId, AssignmentRole role, AssignmentStatus status, int round, Instant assignedAt,
               Instant signedAt, String returnReason, LocalDate extensionDue, String extensionReason, String viewText,
               Instant viewSentAt, String replyText, String resultClass, Instant repliedAt, boolean audited,
               Instant auditedAt) {
        this.seq = seq;
        this.unitId = unitId;
        this.role = role;
        this.status = status;
        this.round = round;
        this.assignedAt = assignedAt;
        this.signedAt = signedAt;
        this.returnReason = returnReason;
        this.extensionDue = extensionDue;
        this.extensionReason = extensionReason;
        this.viewText = viewText;
        this.viewSentAt = viewSentAt;
        this.replyText = replyText;
        this.resultClass = resultClass;
        this.repliedAt = repliedAt;
        this.audited = audited;
        this.auditedAt = auditedAt;
    }

    static Assignment fresh(int seq, long unitId, AssignmentRole role, Instant at) {
        return new Assignment(seq, unitId, role, AssignmentStatus.ASSIGNED, 1, at, null, null, null, null, null, null,
                null, null, null, false, null);
    }

    void moveTo(AssignmentStatus next) {
        this.status = next;
    }

    void signed(Instant at) { this.signedAt = at; }
    void returnRequested(String reason) { this.returnReason = reason; }
    void extensionRequested(LocalDate due, String reason) { this.extensionDue = due; this.extensionReason = reason; }
    void viewSent(String text, Instant at) { this.viewText = text; this.viewSentAt = at; }

    void replied(String text, String cls, Instant at) {
        this.replyText = text;
        this.resultClass = cls;
        this.repliedAt = at;
        this.audited = false;
        this.auditedAt = null;
    }

    void audited(String cls, Instant at) {
        this.resultClass = cls;
        this.audited = true;
        this.auditedAt = at;
    }

    void reopened() {
        this.round++;
        this.replyText = null;
        this.resultClass = null;
        this.repliedAt = null;
        this.audited = false;
        this.auditedAt = null;
    }

    /** A reply the deputy is owed and has got, audited: what {@code REPLIED} needs of every required unit. */
    public boolean replyDone() {
        return status == AssignmentStatus.REPLIED && audited && replyText != null && resultClass != null;
    }

    /** This unit still owes the deputy a reply in this suggestion (not returned, not a co-unit). */
    public boolean required() {
        return role.owesReply() && status != AssignmentStatus.RETURNED;
    }

    public int seq() { return seq; }
    public long unitId() { return unitId; }
    public AssignmentRole role() { return role; }
    public AssignmentStatus status() { return status; }
    public int round() { return round; }
    public Instant assignedAt() { return assignedAt; }
    public Instant signedAt() { return signedAt; }
    public String returnReason() { return returnReason; }
    public LocalDate extensionDue() { return extensionDue; }
    public String extensionReason() { return extensionReason; }
    public String viewText() { return viewText; }
    public Instant viewSentAt() { return viewSentAt; }
    public String replyText() { return replyText; }
    public String resultClass() { return resultClass; }
    public Instant repliedAt() { return repliedAt; }
    public boolean audited() { return audited; }
    public Instant auditedAt() { return auditedAt; }
}
