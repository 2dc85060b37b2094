package org.civicloop.organization.domain;

import org.civicloop.organization.Role;
import org.springframework.data.relational.core.mapping.Table;

/** One role held by an account. */
@Table("account_role")
record RoleGrant(Role role) {
}
