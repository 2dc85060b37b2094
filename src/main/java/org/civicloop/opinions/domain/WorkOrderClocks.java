package org.civicloop.opinions.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work orders on the one clock of the {@code deadlines} module: the time limit of the opinion's
 * category ({@code opinion.category.<CODE>}), else {@code opinion.default}, in working days. Whenever
 * the clock moves, its due time is copied to {@code work_order.due_at} in the same transaction, so
 * that a unit's inbox sorts and pages by deadline in SQL.
 */
@Component
public class WorkOrderClocks {

    public static final String SUBJECT = "work-order";

    private final Deadlines deadlines;
    private final JdbcClient jdbc;

    WorkOrderClocks(Deadlines deadlines, JdbcClient jdbc) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
    }

    void start(WorkOrder order, String category) {
        mirror(order, deadlines.start(SUBJECT, order.id().toString(), "opinion.category." + category, "opinion.default",
                order.assignedAt()));
    }

    void stop(WorkOrder order) {
        deadlines.stop(SUBJECT, order.id().toString());
    }

    void extend(WorkOrder order, int workingDays) {
        mirror(order, deadlines.extend(SUBJECT, order.id().toString(), workingDays));
    }

    private void mirror(WorkOrder order, ClockView clock) {
        jdbc.sql("update work_order set due_at = :due where id = :id")
                .param("due", java.sql.Timestamp.from(clock.dueAt())).param("id", order.id()).update();
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
