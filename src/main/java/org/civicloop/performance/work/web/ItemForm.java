package org.civicloop.performance.work.web;

import org.civicloop.performance.work.domain.NewWorkItem;
import org.civicloop.performance.work.domain.WorkKind;

/** The evaluation office's form for a new item of tracked work; nothing is chosen in advance. */
public record ItemForm(WorkKind kind, Integer year, String title, String description, Long ownerUnitId, Long leaderAccountId,
                       String investor, String industry) {

    static ItemForm empty() {
        return new ItemForm(null, null, null, null, null, null, null, null);
    }

    NewWorkItem command() {
        return new NewWorkItem(kind, year, title, description, ownerUnitId, leaderAccountId, investor, industry);
    }
}
