package org.civicloop.suggestions.domain;

/** 主办+协办 (one lead unit replies, co-units send views to it) or 分办 (each unit replies). */
public enum HandlingMode {
    LEAD_AND_CO, SEPARATE
}
