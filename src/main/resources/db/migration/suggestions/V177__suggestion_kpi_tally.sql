-- Issue 14: the suggestions dashboard's counts, maintained instead of counted from every assignment of the
-- period on each page (at a million opinions, 18,000 rows for a province's four years; at ten million, ten
-- times as many). The opinions ledger's pattern (V174):
--
-- suggestion_kpi_tally: per month (in the configured time zone), handling unit and final result class ('' for
-- none), how many counted assignments (owing a reply, not returned) fall in each of the KPI sets that depend on
-- the assignment's own facts alone (kpi/KpiSet: assigned, replied, on time, late, evaluated, satisfied, met).
-- The sets that depend on the configured classes are read off the class; "overdue now" from the active
-- assignments, which an index keeps apart (V69).
-- The district's distinct suggestions: each suggestion's first counted assignment (earliest, then lowest seq) is
-- marked kpi_first and counted in the tally as n_first; the counted assignments made later than that first one
-- (a unit added after the others, a new lead after a return: few) are marked kpi_later, so that a period holding a
-- later one but not the first adds its suggestion from a small partial index.
-- suggestion_kpi_tallied: what each counted assignment currently contributes to it.
-- suggestion_kpi_change: the assignments changed since the counts were last brought up to date, appended by a
-- trigger; kpi/KpiTally consumes it in the background, and the dashboard adds what is still waiting in it, so
-- its counts are exact at every moment.
alter table suggestion_assignment add column kpi_first boolean not null default false;
alter table suggestion_assignment add column kpi_later boolean not null default false;

update suggestion_assignment a
   set kpi_first = (a.suggestion_id, a.seq) = (e.suggestion_id, e.seq), kpi_later = a.assigned_at > e.assigned_at
  from (select distinct on (suggestion_id) suggestion_id, seq, assigned_at from suggestion_assignment
         where role in ('LEAD', 'SEPARATE') and status <> 'RETURNED'
         order by suggestion_id, assigned_at, seq) e
 where a.suggestion_id = e.suggestion_id and a.role in ('LEAD', 'SEPARATE') and a.status <> 'RETURNED';

create index suggestion_assignment_later_idx on suggestion_assignment (assigned_at, suggestion_id) where kpi_later;
create index suggestion_assignment_first_idx on suggestion_assignment (suggestion_id, assigned_at) where kpi_first;

create table suggestion_kpi_tally (
    month         date        not null,
    unit_id       bigint      not null,
    final_class   varchar(10) not null,
    n_first       bigint      not null,
    n_assigned    bigint      not null,
    n_replied     bigint      not null,
    n_on_time     bigint      not null,
    n_late        bigint      not null,
    n_evaluated   bigint      not null,
    n_satisfied   bigint      not null,
    n_met         bigint      not null,
    primary key (month, unit_id, final_class)
);

-- the same per year (the first day of the year): a province's four years are 90,000 unit-months with a class, and
-- adding them up on each request took most of its time; 13,500 unit-years
create table suggestion_kpi_tally_year (
    year          date        not null,
    unit_id       bigint      not null,
    final_class   varchar(10) not null,
    n_first       bigint      not null,
    n_assigned    bigint      not null,
    n_replied     bigint      not null,
    n_on_time     bigint      not null,
    n_late        bigint      not null,
    n_evaluated   bigint      not null,
    n_satisfied   bigint      not null,
    n_met         bigint      not null,
    primary key (year, unit_id, final_class)
);

-- the overdue count of a period from the index alone (the active assignments past their due time, V69's set,
-- with what the count needs)
create index suggestion_assignment_overdue_kpi_idx on suggestion_assignment (due_at)
    include (assigned_at, role, status, unit_id, kpi_final_class)
    where status in ('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED');

create table suggestion_kpi_tallied (
    suggestion_id bigint      not null,
    seq           integer     not null,
    month         date        not null,
    unit_id       bigint      not null,
    final_class   varchar(10) not null,
    first         boolean     not null,
    assigned      boolean     not null,
    replied       boolean     not null,
    on_time       boolean     not null,
    late          boolean     not null,
    evaluated     boolean     not null,
    satisfied     boolean     not null,
    met           boolean     not null,
    primary key (suggestion_id, seq)
);

create table suggestion_kpi_change (
    suggestion_id bigint  not null,
    seq           integer not null
);

create function suggestion_kpi_assignment_changed() returns trigger language plpgsql as $$
begin
    insert into suggestion_kpi_change (suggestion_id, seq)
    values (coalesce(new.suggestion_id, old.suggestion_id), coalesce(new.seq, old.seq));
    return null;
end $$;

create trigger suggestion_kpi_assignment_added after insert or delete on suggestion_assignment
    for each row execute function suggestion_kpi_assignment_changed();
create trigger suggestion_kpi_assignment_updated after update on suggestion_assignment
    for each row when (old.unit_id is distinct from new.unit_id or old.role is distinct from new.role
                       or (old.status = 'RETURNED') is distinct from (new.status = 'RETURNED')
                       or old.assigned_at is distinct from new.assigned_at
                       or old.kpi_replied is distinct from new.kpi_replied or old.kpi_on_time is distinct from new.kpi_on_time
                       or old.kpi_final_class is distinct from new.kpi_final_class or old.kpi_met is distinct from new.kpi_met
                       or old.kpi_evaluation is distinct from new.kpi_evaluation or old.kpi_first is distinct from new.kpi_first)
    execute function suggestion_kpi_assignment_changed();

-- every assignment stored so far is counted by the first background run
insert into suggestion_kpi_change (suggestion_id, seq) select suggestion_id, seq from suggestion_assignment;
