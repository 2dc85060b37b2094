package org.civicloop.opinions.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Work orders on the one clock of the {@code deadlines} module: the time limit of the opinion's
 * category ({@code opinion.category.<CODE>}), else {@code opinion.default}, in working days.
 */
@Component
public class WorkOrderClocks {

    public static final String SUBJECT = "work-order";

    private final Deadlines deadlines;

    WorkOrderClocks(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    void start(WorkOrder order, String category) {
        deadlines.start(SUBJECT, order.id().toString(), "opinion.category." + category, "opinion.default", order.assignedAt());
    }

    void stop(WorkOrder order) {
        deadlines.stop(SUBJECT, order.id().toString());
    }

    void extend(WorkOrder order, int workingDays) {
        deadlines.extend(SUBJECT, order.id().toString(), workingDays);
    }

    public Optional<ClockView> find(long orderId) {
        return deadlines.find(SUBJECT, Long.toString(orderId));
    }

    public Map<Long, ClockView> find(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ClockView> found = deadlines.find(SUBJECT, orderIds.stream().map(String::valueOf).collect(Collectors.toSet()));
        Map<Long, ClockView> byId = new HashMap<>();
        found.forEach((id, clock) -> byId.put(Long.parseLong(id), clock));
        return byId;
    }
}
