package org.civicloop.suggestions.domain;

import java.util.Map;

/**
 * What one viewer may do to one suggestion now, and to each of its assignments (by number):
 * the page shows these actions and no others. {@link SuggestionPermissions#actionsFor} computes it
 * from the same role checks the service applies and the status rules the aggregate enforces.
 */
public record SuggestionActions(boolean edit, boolean submit, boolean sendCoSignLinks, boolean confirm, boolean review,
                                boolean assign, boolean sendForEvaluation, boolean evaluate, boolean coSignerOpinion,
                                Map<Integer, AssignmentActions> assignments) {

    public SuggestionActions {
        assignments = Map.copyOf(assignments);
    }

    /** What the viewer may do to assignment {@code seq}: nothing when there is no such assignment. */
    public AssignmentActions on(int seq) {
        return assignments.getOrDefault(seq, AssignmentActions.NONE);
    }

    /** Anything the viewer may do to any assignment. */
    public boolean assignmentAction() {
        return assignments.values().stream().anyMatch(AssignmentActions::any);
    }

    /** Anything at all: else the page says there is nothing for this viewer to do. */
    public boolean any() {
        return edit || submit || sendCoSignLinks || confirm || review || assign || sendForEvaluation || evaluate
                || coSignerOpinion || assignmentAction();
    }

    /** What the viewer may do to one assignment now. */
    public record AssignmentActions(boolean sign, boolean requestReturn, boolean requestExtension, boolean sendView,
                                    boolean reply, boolean recordContact, boolean decideReturn, boolean decideExtension,
                                    boolean audit) {

        static final AssignmentActions NONE = new AssignmentActions(false, false, false, false, false, false, false, false, false);

        public boolean any() {
            return sign || requestReturn || requestExtension || sendView || reply || recordContact || decideReturn
                    || decideExtension || audit;
        }
    }
}
