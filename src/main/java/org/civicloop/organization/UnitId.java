package org.civicloop.organization;

/** The id of an organisation unit, as other modules hold it. */
public record UnitId(long value) {

    public static UnitId of(Long value) {
        return value == null ? null : new UnitId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
