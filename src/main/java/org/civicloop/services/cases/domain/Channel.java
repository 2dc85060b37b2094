package org.civicloop.services.cases.domain;

/** How an application came in: online by the applicant's account, or at the comprehensive window. */
public enum Channel { ONLINE, WINDOW }
