package org.civicloop.performance.work.domain;

/**
 * What the evaluation office gives to put an item under tracking; the investor and the industry
 * only for an investment project (they are ignored otherwise).
 */
public record NewWorkItem(WorkKind kind, Integer year, String title, String description, Long ownerUnitId,
                          Long leaderAccountId, String investor, String industry) {
}
