package org.civicloop.services.cases.domain;

import java.time.Duration;
import java.time.Instant;
import org.civicloop.shared.BusinessException;

/**
 * One department's part (事项) of an application, moved only by its {@link ServiceCase}: it starts
 * when the window accepts, is examined under its own clock, and is decided by the department of its
 * unit. {@code waited} is how long of its run the application waited for the applicant.
 */
public class CasePart {

    private final String code;
    private final long unitId;
    private final String unitName;
    private final String item;
    private final int workingDays;
    private final boolean required;
    private PartStatus status;
    private Instant startedAt;
    private Instant decidedAt;
    private Duration waited;
    private String decisionNote;

    public CasePart(String code, long unitId, String unitName, String item, int workingDays, boolean required,
                    PartStatus status, Instant startedAt, Instant decidedAt, Duration waited, String decisionNote) {
        this.code = code;
        this.unitId = unitId;
        this.unitName = unitName;
        this.item = item;
        this.workingDays = workingDays;
        this.required = required;
        this.status = status;
        this.startedAt = startedAt;
        this.decidedAt = decidedAt;
        this.waited = waited == null ? Duration.ZERO : waited;
        this.decisionNote = decisionNote;
    }

    static CasePart waiting(String code, long unitId, String unitName, String item, int workingDays, boolean required) {
        return new CasePart(code, unitId, unitName, item, workingDays, required, PartStatus.WAITING, null, null, Duration.ZERO, null);
    }

    void move(PartStatus next) {
        if (!status.canTransitionTo(next)) {
            throw BusinessException.conflict("services.approval.error.transition." + next.name());
        }
        status = next;
    }

    void start(Instant now) {
        move(PartStatus.IN_REVIEW);
        startedAt = now;
    }

    void decide(PartStatus decision, String note, Instant now) {
        move(decision);
        decidedAt = now;
        decisionNote = note;
    }

    void addWaited(Duration d) {
        waited = waited.plus(d);
    }

    /** The rule key of its clock: one rule per number of working days ({@code services.part.3wd}). */
    public String ruleKey() {
        return ruleKey(workingDays);
    }

    public static String ruleKey(int workingDays) {
        return "services.part." + workingDays + "wd";
    }

    public String code() { return code; }
    public long unitId() { return unitId; }
    public String unitName() { return unitName; }
    public String item() { return item; }
    public int workingDays() { return workingDays; }
    public boolean required() { return required; }
    public PartStatus status() { return status; }
    public Instant startedAt() { return startedAt; }
    public Instant decidedAt() { return decidedAt; }
    public Duration waited() { return waited; }
    public String decisionNote() { return decisionNote; }
}
