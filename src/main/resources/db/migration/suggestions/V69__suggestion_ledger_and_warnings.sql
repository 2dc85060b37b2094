-- The warning time of each assignment beside its due time, copied from the one clock like due_at
-- (V61), so that every list can mark items 即将到期 / 逾期 from one table in SQL, and the ledger can
-- filter overdue items without asking the deadlines module row by row.
alter table suggestion_assignment add column warn_at timestamptz;

update suggestion_assignment a set warn_at = c.warn_at
  from deadline_clock c
 where c.subject_type = 'suggestion-assignment' and c.subject_id = a.suggestion_id || '-' || a.seq;
