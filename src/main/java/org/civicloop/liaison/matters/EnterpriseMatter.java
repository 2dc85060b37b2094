package org.civicloop.liaison.matters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.liaison.CaseworkEvents.EnterpriseMatterAnswered;
import org.civicloop.liaison.CaseworkEvents.EnterpriseMatterReopened;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterConfirmed;
import org.civicloop.liaison.LiaisonEvents.EnterpriseMatterOpened;
import org.civicloop.shared.BusinessException;

/**
 * An enterprise's matter (企业诉求), taken up at a site by deputies and sent to a government unit.
 * State changes are the named moves below; each checks {@link MatterStatus} and returns the event to
 * publish. Nothing here reads a clock or a database: the caller passes the time.
 *
 * <p>Life: {@code AT_UNIT → ANSWERED → SOLVED | UNSOLVED}, or {@code ANSWERED → AT_UNIT} again when
 * the enterprise says the answer did not solve it and the site sends it back (a new round).
 * {@link EnterpriseMatterConfirmed} is published once, when the enterprise's word closes the matter.
 */
public class EnterpriseMatter {

    private Long id;
    private final long siteId;
    private final String enterpriseName;
    private final String creditCode;
    private final String contactName;
    private final String contactPhone;
    private final String problem;
    private final long unitId;
    private final LocalDate openedOn;
    private final Instant openedAt;
    private final long recordedBy;
    private final List<Long> deputyIds;
    private MatterStatus status;
    private int round;
    private String answer;
    private Instant answeredAt;
    private Long answeredBy;
    private String confirmation;
    private LocalDate confirmedOn;
    private Long confirmedBy;
    private Instant updatedAt;
    private int version;

    EnterpriseMatter(Long id, long siteId, String enterpriseName, String creditCode, String contactName,
                     String contactPhone, String problem, long unitId, LocalDate openedOn, Instant openedAt,
                     long recordedBy, List<Long> deputyIds, MatterStatus status, int round, String answer,
                     Instant answeredAt, Long answeredBy, String confirmation, LocalDate confirmedOn, Long confirmedBy,
                     Instant updatedAt, int version) {
        this.id = id;
        this.siteId = siteId;
        this.enterpriseName = enterpriseName;
        this.creditCode = creditCode;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.problem = problem;
        this.unitId = unitId;
        this.openedOn = openedOn;
        this.openedAt = openedAt;
        this.recordedBy = recordedBy;
        this.deputyIds = List.copyOf(deputyIds);
        this.status = status;
        this.round = round;
        this.answer = answer;
        this.answeredAt = answeredAt;
        this.answeredBy = answeredBy;
        this.confirmation = confirmation;
        this.confirmedOn = confirmedOn;
        this.confirmedBy = confirmedBy;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A matter taken up at a site and sent to the unit; the draft has been checked. */
    public static EnterpriseMatter open(MatterDraft d, long recordedBy, Instant at) {
        return new EnterpriseMatter(null, d.siteId(), d.enterpriseName(), d.creditCode(), d.contactName(),
                d.contactPhone(), d.problem(), d.unitId(), d.openedOn(), at, recordedBy, List.copyOf(d.deputyIds()),
                MatterStatus.AT_UNIT, 1, null, null, null, null, null, null, at, 0);
    }

    /** The event of a new matter, once it has its id. */
    public EnterpriseMatterOpened opened() {
        return new EnterpriseMatterOpened(id(), siteId, openedOn, unitId, deputyIds);
    }

    /** 单位答复: the unit says what it did. */
    public EnterpriseMatterAnswered answer(String text, long accountId, Instant at) {
        move(MatterStatus.ANSWERED);
        this.answer = text;
        this.answeredAt = at;
        this.answeredBy = accountId;
        this.updatedAt = at;
        return new EnterpriseMatterAnswered(id(), siteId, unitId, round);
    }

    /**
     * 企业确认: the enterprise's word on the answer closes the matter, solved or not. The note records
     * what the enterprise said (and, when staff record it, that it was on the enterprise's word).
     */
    public EnterpriseMatterConfirmed confirm(boolean solved, String note, long accountId, LocalDate on, Instant at) {
        move(solved ? MatterStatus.SOLVED : MatterStatus.UNSOLVED);
        this.confirmation = note;
        this.confirmedOn = on;
        this.confirmedBy = accountId;
        this.updatedAt = at;
        return new EnterpriseMatterConfirmed(id(), siteId, on, solved, deputyIds);
    }

    /** 退回重办: not solved, and the enterprise wants the unit to try again: a new round at the same unit. */
    public EnterpriseMatterReopened reopen(String note, Instant at) {
        move(MatterStatus.AT_UNIT);
        this.round++;
        this.confirmation = note;
        this.updatedAt = at;
        return new EnterpriseMatterReopened(id(), siteId, unitId, round);
    }

    private void move(MatterStatus next) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("matter.error.status", BusinessException.label("matter.status." + status.name()),
                    BusinessException.label("matter.status." + next.name()));
        }
        this.status = next;
    }

    void assignId(long id) {
        this.id = id;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public boolean isNew() {
        return id == null;
    }

    public long siteId() { return siteId; }
    public String enterpriseName() { return enterpriseName; }
    public String creditCode() { return creditCode; }
    public String contactName() { return contactName; }
    public String contactPhone() { return contactPhone; }
    public String problem() { return problem; }
    public long unitId() { return unitId; }
    public LocalDate openedOn() { return openedOn; }
    public Instant openedAt() { return openedAt; }
    public long recordedBy() { return recordedBy; }
    public List<Long> deputyIds() { return deputyIds; }
    public MatterStatus status() { return status; }
    public int round() { return round; }
    public String answer() { return answer; }
    public Instant answeredAt() { return answeredAt; }
    public Long answeredBy() { return answeredBy; }
    public String confirmation() { return confirmation; }
    public LocalDate confirmedOn() { return confirmedOn; }
    public Long confirmedBy() { return confirmedBy; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }

    void versionSaved(int v) {
        this.version = v;
    }
}
