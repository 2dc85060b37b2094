-- Generates :n suggestions (default 50,000) with assignments, replies, contacts and evaluations,
-- spread over 2025 and 2026, for the suggestions benchmark (scripts/benchmark-suggestions.sh).
-- Deterministic: the same n gives the same data. Statuses: 10% registered, 30% being handled
-- (a third of those overdue), 10% awaiting evaluation, 50% closed. Half have a co-unit.
\set ON_ERROR_STOP on
begin;
create temp table bench_units as
  select row_number() over (order by id) - 1 as i, id from org_unit where handles_items and active;
create temp table bench_deputies as
  select row_number() over (order by id) - 1 as i, id from deputy;
create temp table bench_params as
  select (select count(*) from bench_units) as nu, (select count(*) from bench_deputies) as nd,
         (select id from account where username = 'deputy') as account_id;

create temp table bench_s as
select g,
       timestamptz '2025-01-06 09:00+08' + ((g * 7919) % 690) * interval '1 day' as created,
       case when g % 10 = 0 then 'REGISTERED'
            when g % 10 in (1, 2, 3) then 'ASSIGNED'
            when g % 10 = 4 then 'AWAITING_EVALUATION'
            else 'CLOSED' end as status
from generate_series(1, :n) g;

insert into suggestion (title, content, category, lead_deputy_id, period, key_suggestion, confidential, status, mode,
                        evaluation, created_by_account, created_at, submitted_at, registered_at, assigned_at,
                        evaluated_at, closed_at, updated_at)
select '基准建议第' || g || '号：关于改善' || (array['道路','学校','医疗','供水','公交','养老'])[1 + g % 6] || '条件的建议',
       '批量生成的代表建议正文，用于台账、收件箱和统计分析的性能基准。第 ' || g || ' 条。',
       (array['FINANCE','AGRICULTURE','URBAN','EDUCATION','JUDICIAL','SOCIAL','OTHER'])[1 + g % 7],
       (select id from bench_deputies d where d.i = g % (select nd from bench_params)),
       case when g % 3 = 0 then 'SESSION' else 'RECESS' end, g % 20 = 0, g % 50 = 0, s.status,
       case when s.status = 'REGISTERED' then null else 'LEAD_AND_CO' end,
       case when s.status = 'CLOSED' then (array['SATISFIED','SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 4] end,
       (select account_id from bench_params), created, created + interval '1 day', created + interval '3 days',
       case when s.status <> 'REGISTERED' then created + interval '5 days' end,
       case when s.status = 'CLOSED' then created + interval '80 days' end,
       case when s.status = 'CLOSED' then created + interval '80 days' end,
       created + interval '80 days'
from bench_s s order by g;

create temp table bench_map as
select s.id, b.g, b.status, s.assigned_at
  from suggestion s join bench_s b on s.title = '基准建议第' || b.g || '号：关于改善' || (array['道路','学校','医疗','供水','公交','养老'])[1 + b.g % 6] || '条件的建议'
 where s.assigned_at is not null;

-- the lead unit; being-handled ones assigned recently, a third of them already overdue
insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at, reply_text,
                                   result_class, replied_at, audited, audited_at, due_at)
select m.id, 1, (select id from bench_units u where u.i = m.g % (select nu from bench_params)), 'LEAD',
       case when m.status = 'ASSIGNED' then 'SIGNED' else 'REPLIED' end, 1, m.assigned_at, m.assigned_at + interval '2 days',
       case when m.status <> 'ASSIGNED' then '已按建议办理，答复如下。' end,
       case when m.status <> 'ASSIGNED' then (array['A','B','B','C','D'])[1 + m.g % 5] end,
       case when m.status <> 'ASSIGNED' then m.assigned_at + interval '60 days' + (m.g % 40) * interval '1 day' end,
       m.status <> 'ASSIGNED', case when m.status <> 'ASSIGNED' then m.assigned_at + interval '70 days' end,
       case when m.status = 'ASSIGNED' and m.g % 3 = 0 then now() - (m.g % 30) * interval '1 day'
            when m.status = 'ASSIGNED' then now() + (m.g % 80) * interval '1 day'
            else m.assigned_at + interval '3 months' end
from bench_map m;

insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at, view_text,
                                   view_sent_at, due_at)
select m.id, 2, (select id from bench_units u where u.i = (m.g + 7) % (select nu from bench_params)), 'CO',
       case when m.status = 'ASSIGNED' then 'SIGNED' else 'VIEW_SENT' end, 1, m.assigned_at, m.assigned_at + interval '2 days',
       case when m.status <> 'ASSIGNED' then '协办意见。' end,
       case when m.status <> 'ASSIGNED' then m.assigned_at + interval '25 days' end,
       m.assigned_at + interval '1 month'
from bench_map m where m.g % 2 = 0;

insert into suggestion_reply (suggestion_id, seq, round, unit_id, reply_text, result_class, audited_class, replied_at,
                              audited_at, audited_by, due_at)
select a.suggestion_id, a.seq, 1, a.unit_id, a.reply_text, a.result_class, a.result_class, a.replied_at, a.audited_at,
       'office', a.due_at
  from suggestion_assignment a join bench_map m on m.id = a.suggestion_id
 where a.role = 'LEAD' and a.replied_at is not null;

insert into suggestion_contact (suggestion_id, seq, unit_id, stage, face_to_face, summary, contacted_at, recorded_by)
select a.suggestion_id, a.seq, a.unit_id, 'BEFORE', m.g % 3 <> 0, '与代表沟通办理思路。', a.assigned_at + interval '10 days', 'unit'
  from suggestion_assignment a join bench_map m on m.id = a.suggestion_id where a.role = 'LEAD';
-- the facts the KPIs count, as kpi/KpiFacts keeps them for changes made through the application
update suggestion_assignment a
   set kpi_replied = f.replied, kpi_on_time = f.on_time, kpi_final_class = f.final_class, kpi_met = f.met
  from (select a2.suggestion_id, a2.seq,
               count(r.id) > 0 as replied,
               coalesce(bool_or(r.round = 1 and r.replied_at <= r.due_at), false) as on_time,
               substr(max(to_char(r.round, 'FM00000') || coalesce(r.audited_class, r.result_class)), 6) as final_class,
               exists (select 1 from suggestion_contact c
                        where c.suggestion_id = a2.suggestion_id and c.seq = a2.seq and c.face_to_face) as met
          from suggestion_assignment a2 join bench_map m on m.id = a2.suggestion_id
          left join suggestion_reply r on r.suggestion_id = a2.suggestion_id and r.seq = a2.seq
         group by a2.suggestion_id, a2.seq) f
 where a.suggestion_id = f.suggestion_id and a.seq = f.seq;
-- the warning window opens ten days before the due time (suggestion.reply.warn-before)
update suggestion_assignment a set kpi_evaluation = s.evaluation
  from suggestion s join bench_map m on m.id = s.id where s.id = a.suggestion_id and s.evaluation is not null;
update suggestion_assignment a set warn_at = a.due_at - interval '10 days'
  from bench_map m where m.id = a.suggestion_id;
commit;
analyze suggestion; analyze suggestion_assignment; analyze suggestion_reply; analyze suggestion_contact;
select status, count(*) from suggestion group by status order by status;
