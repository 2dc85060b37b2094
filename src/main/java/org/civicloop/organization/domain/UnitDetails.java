package org.civicloop.organization.domain;

/** The editable fields of a unit, already validated for shape by the form that produced them. */
public record UnitDetails(String name, UnitKind kind, String regionCode, Long parentId, boolean handlesItems,
                          boolean active) {
}
