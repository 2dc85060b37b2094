package org.civicloop.organization.domain;

/** One administrative division (GB/T 2260 code and its sub-district extension). */
public record Region(String code, String name, String level, String parentCode) {

    public static final java.util.List<String> LEVELS = java.util.List.of("province", "city", "district", "street", "town", "village");
}
