package org.civicloop.performance.work.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.performance.work.WorkEvents.FundsRecorded;
import org.civicloop.performance.work.WorkEvents.ProjectMoved;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.StatusChange;

/**
 * The investment part (招商项目) of an item of tracked work: its stage, the contract value (协议投资额,
 * 万元) and the funds in place (实际到位资金) as dated entries. State changes are the named moves below;
 * each checks the move against {@link ProjectStage} and returns the event to publish. Nothing here
 * reads a clock or a database.
 */
public class InvestmentProject {

    /** The largest amount one project or entry may carry, in 万元 (100 billion yuan). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    private final long itemId;
    private ProjectStage stage;
    private ProjectStage pausedFrom;
    private final String investor;
    private final String industry;
    private BigDecimal contractValue;
    private LocalDate signedOn;
    private Instant movedAt;
    private final List<Move> newMoves = new ArrayList<>();
    private final List<Funds> newFunds = new ArrayList<>();

    /** A move as made, for the history. */
    public record Move(ProjectStage from, ProjectStage to, String note, Instant at, String by) {
    }

    /** One entry of funds in place. */
    public record Funds(LocalDate receivedOn, BigDecimal amount, String note, Instant at, String by) {
    }

    InvestmentProject(long itemId, ProjectStage stage, ProjectStage pausedFrom, String investor, String industry,
                      BigDecimal contractValue, LocalDate signedOn, Instant movedAt) {
        this.itemId = itemId;
        this.stage = stage;
        this.pausedFrom = pausedFrom;
        this.investor = investor;
        this.industry = industry;
        this.contractValue = contractValue;
        this.signedOn = signedOn;
        this.movedAt = movedAt;
    }

    /** The industries a project may be counted under (产业契合度); labels {@code performance.work.industry.<CODE>}. */
    public static final List<String> INDUSTRIES = List.of("BIG_DATA", "TOURISM", "ECOLOGY", "AGRICULTURE", "MANUFACTURING", "OTHER");

    /** A new project at 线索 for an item just created. */
    public static InvestmentProject open(long itemId, String investor, String industry, Instant now) {
        String inv = Texts.required(investor, 200, "investor");
        String ind = Texts.required(industry, 20, "industry");
        if (!INDUSTRIES.contains(ind)) {
            throw BusinessException.invalid("performance.work.error.required.industry");
        }
        return new InvestmentProject(itemId, ProjectStage.CLUE, null, inv, ind, null, null, now);
    }

    /**
     * One step forward on the line. Reaching 签约 needs the contract value (万元, more than 0) and
     * records the day; a paused project does not move forward (it resumes first).
     */
    public ProjectMoved advance(ProjectStage to, BigDecimal value, String note, String by, Instant now, ZoneId zone) {
        if (to == null || !to.onLine() || stage == ProjectStage.ON_HOLD) {
            throw refused(to);
        }
        BigDecimal amount = null;
        if (to == ProjectStage.SIGNED) {
            amount = amount(value, "performance.work.error.contractValue");
        }
        String text = Texts.optional(note, 2000);
        ProjectMoved moved = move(to, text, by, now, Map.of());
        if (to == ProjectStage.SIGNED) {
            this.contractValue = amount;
            this.signedOn = now.atZone(zone).toLocalDate();
        }
        return moved;
    }

    /** 暂缓: pauses the project; it resumes to the stage it is at now. */
    public ProjectMoved pause(String note, String by, Instant now) {
        String text = Texts.required(note, 2000, "note");
        ProjectStage at = stage;
        ProjectMoved moved = move(ProjectStage.ON_HOLD, text, by, now, Map.of("pausedFrom", at.name()));
        this.pausedFrom = at;
        return moved;
    }

    /** Resumes a paused project at the stage it was paused at. */
    public ProjectMoved resume(String note, String by, Instant now) {
        if (stage != ProjectStage.ON_HOLD) {
            throw refused(null);
        }
        ProjectStage back = pausedFrom;
        ProjectMoved moved = move(back, Texts.optional(note, 2000), by, now, Map.of());
        this.pausedFrom = null;
        return moved;
    }

    /** 终止: ends the project for good, with a reason; the contract value and funds stay in the figures. */
    public ProjectMoved terminate(String note, String by, Instant now) {
        String text = Texts.required(note, 2000, "note");
        ProjectMoved moved = move(ProjectStage.TERMINATED, text, by, now, Map.of());
        this.pausedFrom = null;
        return moved;
    }

    /** The move a form asks for by its target stage: forward, pause, resume or terminate. */
    public ProjectMoved moveTo(ProjectStage to, BigDecimal value, String note, String by, Instant now, ZoneId zone) {
        if (to == null) {
            throw BusinessException.invalid("performance.work.error.stageRequired");
        }
        if (to == ProjectStage.ON_HOLD) {
            return pause(note, by, now);
        }
        if (to == ProjectStage.TERMINATED) {
            return terminate(note, by, now);
        }
        if (stage == ProjectStage.ON_HOLD) {
            if (to != pausedFrom) {
                throw refused(to);
            }
            return resume(note, by, now);
        }
        return advance(to, value, note, by, now, zone);
    }

    /** The stages a form may offer now: the allowed moves, a paused project only back to where it was. */
    public List<ProjectStage> offeredMoves() {
        return stage.next().stream().filter(s -> stage != ProjectStage.ON_HOLD || s == ProjectStage.TERMINATED || s == pausedFrom)
                .toList();
    }

    private ProjectMoved move(ProjectStage to, String note, String by, Instant now, Map<String, Object> extra) {
        if (!stage.canTransitionTo(to)) {
            throw refused(to);
        }
        Map<String, Object> details = new LinkedHashMap<>(extra);
        if (note != null) {
            details.put("note", note);
        }
        ProjectStage from = stage;
        this.stage = to;
        this.movedAt = now;
        newMoves.add(new Move(from, to, note, now, by));
        return new ProjectMoved(itemId, new StatusChange(from.name(), to.name(), details));
    }

    private BusinessException refused(ProjectStage to) {
        return BusinessException.conflict("performance.work.error.move", stage.name(), to == null ? "" : to.name());
    }

    /**
     * Records funds in place received on a day (not in the future, not before the signing day), in
     * 万元, for a project that was signed.
     */
    public FundsRecorded recordFunds(LocalDate receivedOn, BigDecimal value, String note, String by, Instant now, ZoneId zone) {
        if (signedOn == null) {
            throw BusinessException.conflict("performance.work.error.notSigned");
        }
        if (stage == ProjectStage.TERMINATED) {
            throw BusinessException.conflict("performance.work.error.terminated");
        }
        if (receivedOn == null || receivedOn.isAfter(now.atZone(zone).toLocalDate()) || receivedOn.isBefore(signedOn)) {
            throw BusinessException.invalid("performance.work.error.receivedOn");
        }
        BigDecimal amount = amount(value, "performance.work.error.amount");
        newFunds.add(new Funds(receivedOn, amount, Texts.optional(note, 500), now, by));
        return new FundsRecorded(itemId, receivedOn, amount);
    }

    private static BigDecimal amount(BigDecimal value, String key) {
        if (value == null || value.signum() <= 0 || value.compareTo(MAX_AMOUNT) > 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw BusinessException.invalid(key);
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    List<Move> takeNewMoves() {
        List<Move> taken = List.copyOf(newMoves);
        newMoves.clear();
        return taken;
    }

    List<Funds> takeNewFunds() {
        List<Funds> taken = List.copyOf(newFunds);
        newFunds.clear();
        return taken;
    }

    /** For a demo or a test: a project that was signed on another day. */
    void signedOn(LocalDate day) {
        this.signedOn = day;
    }

    public long itemId() { return itemId; }
    public ProjectStage stage() { return stage; }
    public ProjectStage pausedFrom() { return pausedFrom; }
    public String investor() { return investor; }
    public String industry() { return industry; }
    public BigDecimal contractValue() { return contractValue; }
    public LocalDate signedOn() { return signedOn; }
    public Instant movedAt() { return movedAt; }
}
