-- Each assignment keeps the facts the KPIs count, refreshed in the transaction that changes them
-- (kpi/KpiFacts, before commit): replied at least once, first-round reply on time, the final result
-- class (latest round, audited where audited), met the deputy face to face. The KPIs then read the
-- period's assignments from one covering index instead of joining replies and contacts every time:
-- a year of 50,000 suggestions was 150 ms of joins and aggregation on two cores.
alter table suggestion_assignment add column kpi_replied     boolean     not null default false;
alter table suggestion_assignment add column kpi_on_time     boolean     not null default false;
alter table suggestion_assignment add column kpi_final_class varchar(10);
alter table suggestion_assignment add column kpi_met         boolean     not null default false;

update suggestion_assignment a
   set kpi_replied = f.replied, kpi_on_time = f.on_time, kpi_final_class = f.final_class, kpi_met = f.met
  from (select a2.suggestion_id, a2.seq,
               count(r.id) > 0 as replied,
               coalesce(bool_or(r.round = 1 and r.replied_at <= r.due_at), false) as on_time,
               substr(max(to_char(r.round, 'FM00000') || coalesce(r.audited_class, r.result_class)), 6) as final_class,
               exists (select 1 from suggestion_contact c
                        where c.suggestion_id = a2.suggestion_id and c.seq = a2.seq and c.face_to_face) as met
          from suggestion_assignment a2
          left join suggestion_reply r on r.suggestion_id = a2.suggestion_id and r.seq = a2.seq
         group by a2.suggestion_id, a2.seq) f
 where a.suggestion_id = f.suggestion_id and a.seq = f.seq;

drop index if exists suggestion_assignment_kpi_idx;
create index suggestion_assignment_kpi_idx on suggestion_assignment (assigned_at)
    include (suggestion_id, seq, unit_id, role, status, due_at, kpi_replied, kpi_on_time, kpi_final_class, kpi_met);
