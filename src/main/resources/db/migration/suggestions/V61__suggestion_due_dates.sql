-- The due time of each assignment and of each reply round, copied from the one clock (deadlines
-- module) whenever the clock moves, so that inboxes sort by deadline and the KPIs (按时办复率) read
-- one table instead of reaching into another module's.
alter table suggestion_assignment add column due_at timestamptz;
alter table suggestion_reply add column due_at timestamptz;

update suggestion_assignment a set due_at = c.due_at
  from deadline_clock c
 where c.subject_type = 'suggestion-assignment' and c.subject_id = a.suggestion_id || '-' || a.seq;

create index suggestion_assignment_due_idx on suggestion_assignment (unit_id, due_at, suggestion_id, seq)
    where status in ('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED');
create index suggestion_reply_unit_idx on suggestion_reply (unit_id, replied_at);
