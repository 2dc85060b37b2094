package org.civicloop.deputies.domain;

import org.springframework.data.repository.ListCrudRepository;

interface DeputyRepository extends ListCrudRepository<Deputy, Long> {
}
