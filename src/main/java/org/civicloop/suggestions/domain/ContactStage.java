package org.civicloop.suggestions.domain;

/** 三次沟通: before, during and after handling. */
public enum ContactStage {
    BEFORE, DURING, AFTER
}
