package org.civicloop.suggestions.domain;

/** 会议期间 / 闭会期间. */
public enum SubmissionPeriod {
    SESSION, RECESS
}
