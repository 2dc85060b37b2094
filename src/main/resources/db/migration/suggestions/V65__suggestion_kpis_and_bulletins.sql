-- KPIs of suggestion handling (办复率, 按时办复率, 满意率, 解决率, 落实率, 见面率) are computed in one
-- set-based query (SuggestionKpis) over the assignments made in a period; these indexes serve it.
-- The period is a range of assigned_at; the covering columns let a short period read the index only.
create index suggestion_assignment_kpi_idx on suggestion_assignment (assigned_at)
    include (suggestion_id, seq, unit_id, role, status, due_at);
-- 见面率: the face-to-face contacts of an assignment.
create index suggestion_contact_met_idx on suggestion_contact (suggestion_id, seq) where face_to_face;

-- 集中通报 (Bulletin): the figures of a period, computed once and stored, so a published bulletin never
-- changes afterwards (the triggers below refuse any change to a published one and to its rows).
create table suggestion_bulletin (
    id                   bigint generated always as identity primary key,
    title                varchar(200) not null,
    period_code          varchar(10),
    period_from          date         not null,
    period_to            date         not null,
    foreword             text,
    status               varchar(12)  not null check (status in ('GENERATED', 'PUBLISHED')),
    -- the result-class dictionary and the solved / implemented class sets as they stood at generation
    classes              jsonb        not null,
    solved_classes       varchar(200) not null,
    implemented_classes  varchar(200) not null,
    generated_at         timestamptz  not null,
    generated_by         varchar(100) not null,
    published_at         timestamptz,
    published_by         varchar(100),
    created_at           timestamptz  not null,
    constraint suggestion_bulletin_period check (period_from <= period_to),
    constraint suggestion_bulletin_published check (status <> 'PUBLISHED' or published_at is not null)
);
create index suggestion_bulletin_published_idx on suggestion_bulletin (published_at desc, id desc) where status = 'PUBLISHED';

-- One row per handling unit and one for the district (unit_id null): numerators and denominators, not
-- percentages, so every rate is shown from the same stored counts.
create table suggestion_bulletin_unit (
    bulletin_id   bigint       not null references suggestion_bulletin (id),
    position      integer      not null,
    unit_id       bigint,
    unit_name     varchar(100) not null,
    suggestions   integer      not null,
    assigned      integer      not null,
    replied       integer      not null,
    on_time       integer      not null,
    late          integer      not null,
    overdue       integer      not null,
    evaluated     integer      not null,
    satisfied     integer      not null,
    classified    integer      not null,
    solved        integer      not null,
    implemented   integer      not null,
    met           integer      not null,
    class_counts  jsonb        not null,
    primary key (bulletin_id, position)
);

-- The overdue list at generation: no voter data; a confidential suggestion keeps no title here.
create table suggestion_bulletin_overdue (
    bulletin_id    bigint       not null references suggestion_bulletin (id),
    position       integer      not null,
    suggestion_id  bigint       not null,
    title          varchar(200),
    confidential   boolean      not null,
    unit_id        bigint       not null,
    unit_name      varchar(100) not null,
    role           varchar(10)  not null,
    due_at         timestamptz  not null,
    days_overdue   integer      not null,
    primary key (bulletin_id, position)
);

create function suggestion_bulletin_frozen() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'suggestion_bulletin' then
        if old.status = 'PUBLISHED' then
            raise exception 'bulletin % is published and cannot change', old.id;
        end if;
    elsif exists (select 1 from suggestion_bulletin b
                   where b.id = (case when tg_op = 'INSERT' then new.bulletin_id else old.bulletin_id end)
                     and b.status = 'PUBLISHED') then
        raise exception 'bulletin % is published and cannot change',
            (case when tg_op = 'INSERT' then new.bulletin_id else old.bulletin_id end);
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger suggestion_bulletin_frozen before update or delete on suggestion_bulletin
    for each row execute function suggestion_bulletin_frozen();
create trigger suggestion_bulletin_unit_frozen before insert or update or delete on suggestion_bulletin_unit
    for each row execute function suggestion_bulletin_frozen();
create trigger suggestion_bulletin_overdue_frozen before insert or update or delete on suggestion_bulletin_overdue
    for each row execute function suggestion_bulletin_frozen();
