package org.civicloop.briefings.domain;

/**
 * The four kinds of the knowledge mechanism (知情知政). Labels: {@code briefing.kind.<NAME>}.
 * The names are the {@code kind} of {@link org.civicloop.briefings.BriefingEvents.BriefingAttended}.
 */
public enum BriefingKind {
    /** 情况通报会 (e.g. the district government's half-yearly briefing). */
    BRIEFING,
    /** 国家机关工作人员报告 (the court, the procuratorate, a bureau reports to deputies). */
    STATE_ORGAN_REPORT,
    /** 履职培训、专题讲座. */
    TRAINING,
    /** 列席重要会议 (a standing-committee or government meeting attended as an observer). */
    OBSERVED_MEETING
}
