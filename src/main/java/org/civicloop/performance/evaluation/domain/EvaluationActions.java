package org.civicloop.performance.evaluation.domain;

/**
 * One named boolean per action on a scheme, from {@link EvaluationPermissions#actionsFor}.
 *
 * @param read    see its results
 * @param edit    add indicators and bonus/penalty/veto items
 * @param review  mark the figures reviewed
 * @param reopen  send it back to entry
 * @param lock    freeze the scores
 * @param publish put the results on the public page
 * @param enter   enter or import figures (which indicators: {@link EvaluationPermissions#mayEnter})
 */
public record EvaluationActions(boolean read, boolean edit, boolean review, boolean reopen, boolean lock, boolean publish,
                                boolean enter) {
}
