-- The warning time of each assignment beside its due time, copied from the one clock like due_at
-- (V61), so that every list can mark items 即将到期 / 逾期 from one table in SQL, and the ledger can
-- filter overdue items without asking the deadlines module row by row.
alter table suggestion_assignment add column warn_at timestamptz;

update suggestion_assignment a set warn_at = c.warn_at
  from deadline_clock c
 where c.subject_type = 'suggestion-assignment' and c.subject_id = a.suggestion_id || '-' || a.seq;

-- The ledger (50,000 suggestions a year and more): the year filter and the list of years read the
-- submission time through an index; "overdue only" finds the late assignments without reading the
-- others; the result-class filter reads only replied lead and separate assignments.
create index suggestion_submitted_idx on suggestion (submitted_at);
create index suggestion_assignment_overdue_idx on suggestion_assignment (due_at, suggestion_id)
    where status in ('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED');
create index suggestion_assignment_class_idx on suggestion_assignment (result_class, suggestion_id)
    where result_class is not null and role <> 'CO';
