-- Each work order keeps its due time, copied from the one clock (deadlines module) whenever the
-- clock moves (opinions/domain/WorkOrderClocks), so that a unit's inbox sorts and pages by deadline
-- in SQL: before, it read the 1,000 oldest orders and sorted those, so more were silently left out.
alter table work_order add column due_at timestamptz;

update work_order w set due_at = c.due_at
  from deadline_clock c
 where c.subject_type = 'work-order' and c.subject_id = w.id::text;

create index work_order_inbox_idx on work_order (unit_id, due_at, id);
