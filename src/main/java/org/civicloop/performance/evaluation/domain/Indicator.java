package org.civicloop.performance.evaluation.domain;

/**
 * An indicator of the library: what is measured, in which unit, which way is better and which
 * department reports it. An indicator computed from CivicLoop's own loops names its {@link OwnLoop}
 * and has no source department: nobody types its figures.
 */
public record Indicator(long id, String code, String name, String unit, IndicatorCategory category, Direction direction,
                        Long sourceUnitId, OwnLoop ownLoop) {
}
