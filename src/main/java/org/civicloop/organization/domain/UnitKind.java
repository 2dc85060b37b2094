package org.civicloop.organization.domain;

/** What kind of body a unit is; the label of each is {@code unitKind.<NAME>}. */
public enum UnitKind {
    /** 人大常委会办公室 / 代表工委. */
    CONGRESS_OFFICE,
    /** 区政府工作部门. */
    GOVERNMENT_DEPARTMENT,
    /** 乡镇人民政府 / 街道办事处. */
    TOWN_GOVERNMENT,
    /** 政务服务中心. */
    SERVICE_CENTER,
    /** 考核办. */
    EVALUATION_OFFICE,
    /** 区领导 (the leadership as a body). */
    LEADERSHIP,
    /** Anything else: state-owned enterprises, vertical agencies. */
    OTHER
}
