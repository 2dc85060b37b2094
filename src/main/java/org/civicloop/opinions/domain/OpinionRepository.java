package org.civicloop.opinions.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface OpinionRepository extends ListCrudRepository<Opinion, Long> {
}
