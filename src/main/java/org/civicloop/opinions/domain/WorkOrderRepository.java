package org.civicloop.opinions.domain;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface WorkOrderRepository extends ListCrudRepository<WorkOrder, Long> {

    List<WorkOrder> findByOpinionIdOrderByRoundDesc(Long opinionId);
}
