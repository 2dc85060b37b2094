package org.civicloop.organization;

/**
 * Staff roles (mission.md, "Who uses it"). Voters have no account and no role. The label of each
 * is {@code role.<NAME>} in the message bundles.
 */
public enum Role {
    /** 系统管理员: units, accounts, reference data, the audit trail. */
    ADMIN,
    /** 人大常委会办公室 / 代表工委: triage, registration, assignment, supervision, notices. */
    CONGRESS_OFFICE,
    /** 人大代表. */
    DEPUTY,
    /** 联络站工作人员. */
    STATION_STAFF,
    /** 承办单位工作人员. */
    HANDLING_UNIT,
    /** 区领导: lead supervision. */
    LEADER,
    /** 综合窗口. */
    WINDOW_CLERK,
    /** 部门审批人员. */
    DEPT_APPROVER,
    /** 考核办. */
    EVALUATION_OFFICE,
    /** 企业. */
    ENTERPRISE;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles whose work spans every unit of the district; everyone else sees their own unit. */
    public boolean seesAllUnits() {
        return this == ADMIN || this == CONGRESS_OFFICE || this == LEADER || this == EVALUATION_OFFICE;
    }
}
