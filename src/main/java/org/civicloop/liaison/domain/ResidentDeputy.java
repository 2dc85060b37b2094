package org.civicloop.liaison.domain;

import org.springframework.data.relational.core.mapping.Table;

/** A deputy who receives voters at a site (进站代表), held by id: the roster lives in the deputies module. */
@Table("liaison_site_deputy")
record ResidentDeputy(long deputyId) {
}
