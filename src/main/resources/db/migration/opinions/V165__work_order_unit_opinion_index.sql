-- Issue 14: a handling unit's opinion list is driven from its work orders
-- (o.id in (select opinion_id from work_order where unit_id = ?)): this index answers that from the
-- index alone, without visiting the work orders' rows, whatever the size of the opinion table.
create index work_order_unit_opinion_idx on work_order (unit_id, opinion_id);
