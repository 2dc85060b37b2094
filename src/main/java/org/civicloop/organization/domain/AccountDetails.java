package org.civicloop.organization.domain;

import java.util.Set;
import org.civicloop.organization.Role;

/** The editable fields of an account. */
public record AccountDetails(String displayName, String phone, Long unitId, Set<Role> roles, boolean enabled) {
}
