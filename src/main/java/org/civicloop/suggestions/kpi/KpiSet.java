package org.civicloop.suggestions.kpi;

/**
 * The sets of assignments the KPIs count. Each is a condition on one row of {@code kpi_row} (see
 * {@link SuggestionKpis}); the figures count the rows of a set and the click-through lists show the
 * same rows, so a number and the list behind it cannot disagree. The words for each set and the
 * definition of each rate are in the message bundles ({@code kpi.set.*}, {@code kpi.*.definition}).
 */
public enum KpiSet {
    /** 应答复件: lead and separate assignments made in the period, not returned (every row). */
    ASSIGNED("true", Source.FACTS),
    /** 已答复: replied at least once, in any round. */
    REPLIED("replied", Source.FACTS),
    /** 按时答复: the first-round reply came no later than that round's due time. */
    ON_TIME("on_time", Source.FACTS),
    /** 逾期答复: replied, but the first-round reply was late (or had no due time). */
    LATE("replied and not on_time", Source.FACTS),
    /** 当前超期: still in the unit's hands and past its due time now. */
    OVERDUE("overdue", Source.NOW),
    /** 已评价: the deputy's latest evaluation of the suggestion is in. */
    EVALUATED("evaluation is not null", Source.FACTS),
    /** 满意及基本满意. */
    SATISFIED("evaluation in ('SATISFIED', 'BASICALLY_SATISFIED')", Source.FACTS),
    /** 已分类: has a final result class (every replied row has one). */
    CLASSIFIED("final_class is not null", Source.CLASS),
    /** 已解决: final class in {@code civicloop.suggestions.kpi.solved-classes}. */
    SOLVED("final_class in (:solved)", Source.CLASS),
    /** 已落实: final class in {@code civicloop.suggestions.kpi.implemented-classes}. */
    IMPLEMENTED("final_class in (:implemented)", Source.CLASS),
    /** 已见面: at least one face-to-face contact recorded. */
    MET("met", Source.FACTS);

    /** What a set's condition reads, and so where the maintained counts ({@link KpiTally}) take it from. */
    enum Source {
        /** The assignment's own facts only: counted in the tally, per month, unit and final class. */
        FACTS,
        /** The final class only, against the configured classes: read off the tally's class at each request. */
        CLASS,
        /** The time of the request: counted from the active assignments at each request. */
        NOW
    }

    private final String condition;
    private final Source source;
    private final String column;

    KpiSet(String condition, Source source) {
        this.condition = condition;
        this.source = source;
        this.column = "n_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The SQL condition on a {@code kpi_row} (a constant: no user input reaches it). */
    String condition() {
        return condition;
    }

    Source source() {
        return source;
    }

    /** The column name of the count in the aggregate query and in {@code suggestion_kpi_tally}. */
    String column() {
        return column;
    }

    /** The column name of an assignment's flag in {@code suggestion_kpi_tallied} (sets of {@link Source#FACTS}). */
    String flag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
