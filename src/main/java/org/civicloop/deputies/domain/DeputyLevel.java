package org.civicloop.deputies.domain;

/**
 * The congress a deputy was elected to. The label is {@code deputyLevel.<NAME>}; posters name the
 * congress by the place at {@link #regionLevel()} above the deputy's region (贵阳市人大代表).
 */
public enum DeputyLevel {
    /** 区（县）人大代表. */
    DISTRICT("district"),
    /** 市人大代表. */
    CITY("city"),
    /** 省人大代表. */
    PROVINCE("province"),
    /** 全国人大代表. */
    NATIONAL(null);

    private final String regionLevel;

    DeputyLevel(String regionLevel) {
        this.regionLevel = regionLevel;
    }

    /** The region level whose congress this is, or null for the national congress. */
    public String regionLevel() {
        return regionLevel;
    }
}
