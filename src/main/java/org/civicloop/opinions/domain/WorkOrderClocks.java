package org.civicloop.opinions.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.deadlines.WorkingCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work orders on the one clock of the {@code deadlines} module: the time limit of the opinion's
 * category ({@code opinion.category.<CODE>}), else {@code opinion.default}, in working days. Whenever
 * the clock moves, its due time is copied to {@code work_order.due_at} in the same transaction, so
 * that a unit's inbox sorts and pages by deadline in SQL.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WorkOrderClocks {

    public static final String SUBJECT = "work-order";

    private final Deadlines deadlines;
    private final WorkingCalendars calendars;
    private final JdbcClient jdbc;

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

    /**
     * The due time the order would have if the office granted {@code workingDays} more: the current
     * due time plus that many working days on the current calendar, which is how the clock extends.
     */
    public Optional<Instant> dueIfExtended(long orderId, int workingDays) {
        return find(orderId).map(clock -> calendars.current().plusWorkingDays(clock.dueAt(), workingDays));
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
