package org.civicloop.organization.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface OrgUnitRepository extends ListCrudRepository<OrgUnit, Long> {
}
