package org.civicloop.suggestions.kpi;

import java.util.Map;

/**
 * The counts of one handling unit, or of the whole district ({@code unitId} null), for a period;
 * every rate is derived here from two of them and nowhere else.
 *
 * @param suggestions distinct suggestions behind the assignments
 * @param classes     assignments by final result class code (codes of the dictionary; absent = 0)
 */
public record UnitKpis(Long unitId, String unitName, long suggestions, long assigned, long replied, long onTime, long late,
                       long overdue, long evaluated, long satisfied, long classified, long solved, long implemented, long met,
                       Map<String, Long> classes) {

    public boolean district() {
        return unitId == null;
    }

    /** 办复率 = replied / assigned. */
    public Ratio replyRate() {
        return new Ratio(replied, assigned);
    }

    /** 按时办复率 = on time (first round) / replied. */
    public Ratio onTimeRate() {
        return new Ratio(onTime, replied);
    }

    /** 满意率(含基本满意) = (satisfied + basically satisfied) / evaluated. */
    public Ratio satisfactionRate() {
        return new Ratio(satisfied, evaluated);
    }

    /** 解决率 = solved classes / classified. */
    public Ratio solvedRate() {
        return new Ratio(solved, classified);
    }

    /** 落实率 = implemented classes / classified. */
    public Ratio implementedRate() {
        return new Ratio(implemented, classified);
    }

    /** 见面率 = met face to face / assigned. */
    public Ratio meetRate() {
        return new Ratio(met, assigned);
    }

    public long classCount(String code) {
        return classes.getOrDefault(code, 0L);
    }

    /** A class's share of the classified replies. */
    public Ratio classShare(String code) {
        return new Ratio(classCount(code), classified);
    }

    /** The count of a set, for links and charts. */
    public long count(KpiSet set) {
        return switch (set) {
            case ASSIGNED -> assigned;
            case REPLIED -> replied;
            case ON_TIME -> onTime;
            case LATE -> late;
            case OVERDUE -> overdue;
            case EVALUATED -> evaluated;
            case SATISFIED -> satisfied;
            case CLASSIFIED -> classified;
            case SOLVED -> solved;
            case IMPLEMENTED -> implemented;
            case MET -> met;
        };
    }
}
