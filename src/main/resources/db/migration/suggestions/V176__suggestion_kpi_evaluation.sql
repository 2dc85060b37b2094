-- The suggestion's evaluation kept on each of its assignments beside the other facts the KPIs count
-- (kpi/KpiFacts): the dashboard then counts the period's assignments from the covering index alone,
-- without joining every suggestion for its evaluation (at 20,000 suggestions and 18,000 counted
-- assignments, the join was a nested loop of 18,000 look-ups under the prepared statement's generic plan).
alter table suggestion_assignment add column kpi_evaluation varchar(30);

update suggestion_assignment a set kpi_evaluation = s.evaluation
  from suggestion s where s.id = a.suggestion_id and s.evaluation is not null;

drop index if exists suggestion_assignment_kpi_idx;
create index suggestion_assignment_kpi_idx on suggestion_assignment (assigned_at)
    include (suggestion_id, seq, unit_id, role, status, due_at, kpi_replied, kpi_on_time, kpi_final_class, kpi_met,
             kpi_evaluation);
