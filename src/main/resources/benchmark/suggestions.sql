-- Suggestions for generate-data (DataGenerator.suggestions): :n suggestions over :days days, statements split on ";\n".
create temp table bench_units on commit drop as
  select row_number() over (order by id) - 1 as i, id from org_unit where handles_items and active;
create temp table bench_deputies on commit drop as
  select row_number() over (order by id) - 1 as i, id from deputy;
create temp table bench_params on commit drop as
  select (select count(*) from bench_units) as nu, (select count(*) from bench_deputies) as nd,
         (select min(id) from account) as account_id, (select coalesce(max(id), 0) from suggestion) as max_id;
create temp table bench_s on commit drop as
select g, now() - interval '20 days' - ((g * 7919) % :days) * interval '1 day' as created,
       case when g % 10 = 0 then 'REGISTERED'
            when g % 10 in (1, 2, 3) then 'ASSIGNED'
            when g % 10 = 4 then 'AWAITING_EVALUATION'
            else 'CLOSED' end as status
from generate_series(1, :n) g;
insert into suggestion (title, content, category, lead_deputy_id, period, key_suggestion, confidential, status, mode,
                        evaluation, created_by_account, created_at, submitted_at, registered_at, assigned_at,
                        evaluated_at, closed_at, updated_at)
select '关于改善' || (array['乡村道路','学校办学','基层医疗','农村供水','城乡公交','居家养老','营商环境','河道治理'])[1 + g % 8]
       || '条件的建议（第' || g || '号）',
       '近年来，' || (array['群众反映','走访发现','调研了解到'])[1 + g % 3] || '，'
       || (array['部分村组道路破损严重','学校学位供给不足','乡镇卫生院人才流失','农村饮水工程老化','公交线路覆盖不足','养老服务设施短缺','企业办事环节偏多','河道污染反弹'])[1 + g % 8]
       || '，建议有关部门统筹资金、明确时限、加强督办，切实解决群众急难愁盼问题。',
       (array['FINANCE','AGRICULTURE','URBAN','EDUCATION','JUDICIAL','SOCIAL','OTHER'])[1 + g % 7],
       (select id from bench_deputies d where d.i = g % (select nd from bench_params)),
       case when g % 3 = 0 then 'SESSION' else 'RECESS' end, g % 20 = 0, g % 50 = 0, s.status,
       case when s.status = 'REGISTERED' then null else 'LEAD_AND_CO' end,
       case when s.status = 'CLOSED' then (array['SATISFIED','SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 4] end,
       (select account_id from bench_params), created, created + interval '1 day', created + interval '3 days',
       case when s.status <> 'REGISTERED' then created + interval '5 days' end,
       case when s.status = 'CLOSED' then least(created + interval '80 days', now()) end,
       case when s.status = 'CLOSED' then least(created + interval '80 days', now()) end,
       least(created + interval '80 days', now())
from bench_s s order by g;
create temp table bench_map on commit drop as
select s.id, s.id - (select max_id from bench_params) as g, s.status, s.assigned_at
  from suggestion s where s.id > (select max_id from bench_params) and s.assigned_at is not null;
insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at, reply_text,
                                   result_class, replied_at, audited, audited_at, due_at)
select m.id, 1, (select id from bench_units u where u.i = m.g % (select nu from bench_params)), 'LEAD',
       case when m.status = 'ASSIGNED' then 'SIGNED' else 'REPLIED' end, 1, m.assigned_at, m.assigned_at + interval '2 days',
       case when m.status <> 'ASSIGNED' then '经研究，已按代表建议制定整改方案并组织实施，现答复如下。' end,
       case when m.status <> 'ASSIGNED' then (array['A','B','B','C','D'])[1 + m.g % 5] end,
       case when m.status <> 'ASSIGNED' then m.assigned_at + interval '60 days' + (m.g % 40) * interval '1 hour' end,
       m.status <> 'ASSIGNED', case when m.status <> 'ASSIGNED' then m.assigned_at + interval '70 days' end,
       case when m.status = 'ASSIGNED' and m.g % 3 = 0 then now() - (m.g % 30) * interval '1 day'
            when m.status = 'ASSIGNED' then now() + (m.g % 80) * interval '1 day'
            else m.assigned_at + interval '3 months' end
from bench_map m;
insert into suggestion_assignment (suggestion_id, seq, unit_id, role, status, round, assigned_at, signed_at, view_text,
                                   view_sent_at, due_at)
select m.id, 2, (select id from bench_units u where u.i = (m.g + 7) % (select nu from bench_params)), 'CO',
       case when m.status = 'ASSIGNED' then 'SIGNED' else 'VIEW_SENT' end, 1, m.assigned_at, m.assigned_at + interval '2 days',
       case when m.status <> 'ASSIGNED' then '协办意见：我单位将积极配合主办单位做好相关工作。' end,
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
select a.suggestion_id, a.seq, a.unit_id, 'BEFORE', m.g % 3 <> 0, '与代表当面沟通办理思路和时间安排。', a.assigned_at + interval '10 days', 'unit'
  from suggestion_assignment a join bench_map m on m.id = a.suggestion_id where a.role = 'LEAD';
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
update suggestion_assignment a set kpi_evaluation = s.evaluation
  from suggestion s join bench_map m on m.id = s.id where s.id = a.suggestion_id and s.evaluation is not null;
update suggestion_assignment a
   set kpi_first = (a.seq = e.seq), kpi_later = a.assigned_at > e.assigned_at
  from (select distinct on (a2.suggestion_id) a2.suggestion_id, a2.seq, a2.assigned_at
          from suggestion_assignment a2 join bench_map m on m.id = a2.suggestion_id
         where a2.role in ('LEAD', 'SEPARATE') and a2.status <> 'RETURNED'
         order by a2.suggestion_id, a2.assigned_at, a2.seq) e
 where a.suggestion_id = e.suggestion_id and a.role in ('LEAD', 'SEPARATE') and a.status <> 'RETURNED';
update suggestion_assignment a set warn_at = a.due_at - interval '10 days'
  from bench_map m where m.id = a.suggestion_id;
insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id, summary_before, summary_after)
select s.created_at, 'deputy', 'suggestions', 'suggestion.submitted', 'suggestion', s.id::text, '{}'::jsonb,
       jsonb_build_object('status', 'SUBMITTED')
  from suggestion s where s.id > (select max_id from bench_params) order by s.id;
insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id, summary_before, summary_after)
select s.closed_at, 'office', 'suggestions', 'suggestion.closed', 'suggestion', s.id::text,
       jsonb_build_object('status', 'AWAITING_EVALUATION'), jsonb_build_object('status', 'CLOSED', 'evaluation', s.evaluation)
  from suggestion s where s.id > (select max_id from bench_params) and s.status = 'CLOSED' order by s.id
