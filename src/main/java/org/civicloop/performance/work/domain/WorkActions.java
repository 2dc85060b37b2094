package org.civicloop.performance.work.domain;

import java.util.List;

/**
 * What a viewer may do on one item of tracked work now, one flag per action; the page shows exactly
 * these, and {@link WorkService} asks {@link WorkPermissions} the same before it moves anything.
 *
 * @param addMilestone  set a milestone (the evaluation office)
 * @param completeMilestone mark a milestone reached (the evaluation office, the owner unit)
 * @param fileReport    file a monthly progress report (the owner unit)
 * @param instruct      comment or instruct, 批示 (a leader)
 * @param moves         the stages an investment project may be moved to (the owner unit, the evaluation office)
 * @param recordFunds   record funds in place of a signed project (the owner unit, the evaluation office)
 */
public record WorkActions(boolean addMilestone, boolean completeMilestone, boolean fileReport, boolean instruct,
                          List<ProjectStage> moves, boolean recordFunds) {

    public static final WorkActions NONE = new WorkActions(false, false, false, false, List.of(), false);

    public boolean move() {
        return !moves.isEmpty();
    }
}
