package org.civicloop.liaison.domain;

/** The kinds of site in the 家站室点 network (domain-research.md, glossary 49–57). Label: {@code siteType.<NAME>}. */
public enum SiteType {
    /** 专业代表之家: a cross-area home for deputies of one sector. */
    PROFESSIONAL_HOME,
    /** 代表联络站: a town's or street's station. */
    STATION,
    /** 片区代表联络室. */
    AREA_ROOM,
    /** 园区功能型代表联络室: in an industrial park, for enterprises. */
    PARK_ROOM,
    /** 乡村振兴实践联络点. */
    RURAL_POINT,
    /** 经济运行观察点. */
    ECON_OBSERVATION,
    /** 专业代表联络点. */
    PROFESSIONAL_POINT,
    /** 流动联络站: goes to market days and malls ("群众赶集，代表收音"). */
    MOBILE,
    /** 基层立法联系点: a grassroots legislative contact point, asked for views on drafts (module legislation). */
    LEGISLATIVE_POINT
}
