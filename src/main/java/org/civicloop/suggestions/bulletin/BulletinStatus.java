package org.civicloop.suggestions.bulletin;

/** Where a collective notice (集中通报) stands. The allowed moves live here and nowhere else. */
public enum BulletinStatus {
    /** 已生成: the office may compute the figures again, and publish. */
    GENERATED,
    /** 已发布: the public sees it; its figures never change. */
    PUBLISHED;

    public boolean canTransitionTo(BulletinStatus next) {
        return this == GENERATED && next == PUBLISHED;
    }

    /** Its figures may be computed again. */
    public boolean isRegenerable() {
        return this == GENERATED;
    }
}
