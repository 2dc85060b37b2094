package org.civicloop.liaison.domain;

import org.springframework.data.repository.ListCrudRepository;

interface LiaisonSiteRepository extends ListCrudRepository<LiaisonSite, Long> {
}
