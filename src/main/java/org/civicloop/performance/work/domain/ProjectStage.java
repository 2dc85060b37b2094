package org.civicloop.performance.work.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an investment project stands in attract, land, serve (招、落、服; domain research 5). The
 * allowed moves live here and nowhere else: one step forward at a time along 线索 → 在谈 → 签约 →
 * 注册 → 手续 → 开工 → 在建 → 竣工 → 投产; any stage before 投产 may be paused (暂缓) or terminated
 * (终止); a paused project may resume (to the stage it was paused at: {@link InvestmentProject}
 * checks which) or be terminated. 投产 and 终止 are final.
 */
public enum ProjectStage {
    /** 线索. */
    CLUE,
    /** 在谈. */
    NEGOTIATING,
    /** 签约: the contract is signed; 协议投资额 is known. */
    SIGNED,
    /** 注册: the project company is registered. */
    REGISTERED,
    /** 手续: land, approvals, environmental assessment, construction permit (要素保障/前期手续). */
    PREPARING,
    /** 开工. */
    STARTED,
    /** 在建. */
    BUILDING,
    /** 竣工. */
    COMPLETED,
    /** 投产: final. */
    IN_OPERATION,
    /** 暂缓: paused, resumes to the stage it was paused at. */
    ON_HOLD,
    /** 终止: final. */
    TERMINATED;

    /** The stages of the main line, in order. */
    private static final ProjectStage[] LINE = {CLUE, NEGOTIATING, SIGNED, REGISTERED, PREPARING, STARTED, BUILDING,
            COMPLETED, IN_OPERATION};

    /** 履约 (performing): a signed project that has reached 注册 or beyond and is not paused or terminated. */
    public static final Set<ProjectStage> PERFORMING = EnumSet.of(REGISTERED, PREPARING, STARTED, BUILDING, COMPLETED, IN_OPERATION);
    /** 开工 (started, not yet completed): 开工 and 在建. */
    public static final Set<ProjectStage> STARTED_NOT_COMPLETED = EnumSet.of(STARTED, BUILDING);
    /** 竣工 (completed): 竣工 and 投产. */
    public static final Set<ProjectStage> COMPLETED_OR_OPERATING = EnumSet.of(COMPLETED, IN_OPERATION);

    public static final String PERFORMING_SQL = sql(PERFORMING);
    public static final String STARTED_SQL = sql(STARTED_NOT_COMPLETED);
    public static final String COMPLETED_SQL = sql(COMPLETED_OR_OPERATING);

    private static String sql(Set<ProjectStage> stages) {
        return stages.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    public boolean canTransitionTo(ProjectStage next) {
        return next(this).contains(next);
    }

    /** Every stage this one may move to (for a paused one: any stage of the line before 投产, of which the aggregate allows one). */
    public Set<ProjectStage> next() {
        return next(this);
    }

    private static Set<ProjectStage> next(ProjectStage from) {
        return switch (from) {
            case IN_OPERATION, TERMINATED -> EnumSet.noneOf(ProjectStage.class);
            case ON_HOLD -> {
                EnumSet<ProjectStage> s = EnumSet.of(TERMINATED);
                Arrays.stream(LINE).filter(x -> x != IN_OPERATION).forEach(s::add);
                yield s;
            }
            default -> EnumSet.of(LINE[from.ordinal() + 1], ON_HOLD, TERMINATED);
        };
    }

    /** On the main line (not paused, not terminated). */
    public boolean onLine() {
        return this != ON_HOLD && this != TERMINATED;
    }

    /** Whether the project reached 签约 on the main line at this stage. */
    public boolean signedOrBeyond() {
        return onLine() && ordinal() >= SIGNED.ordinal();
    }
}
