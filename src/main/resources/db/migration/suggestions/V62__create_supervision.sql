-- Supervision of deputy suggestions (督办): a leader leading the supervision of a key suggestion
-- (领衔督办) and the activities recorded for it; continuous supervision year by year (连续督办 /
-- 接续办理) of items closed with class B or C; tracking of closed items with periodic progress
-- reports (跟踪督办); standing-committee resolutions with the follow-up they demand (决议).
-- Activity kinds are a dictionary (table), because districts name their supervision tools differently.

create table supervision_activity_kind (
    code      varchar(30)  primary key,
    name_zh   varchar(50)  not null,
    name_en   varchar(80)  not null,
    sort      integer      not null default 0,
    active    boolean      not null default true
);
insert into supervision_activity_kind (code, name_zh, name_en, sort) values
    ('HEARING',         '听取汇报',   'Hearing a report', 10),
    ('SITE_VISIT',      '实地察看',   'Site visit', 20),
    ('PUBLIC_VISIT',    '走访群众',   'Talking with the public', 30),
    ('SPECIAL_INQUIRY', '专题询问',   'Special inquiry', 40),
    ('RATING',          '满意度测评', 'Satisfaction rating', 50);

-- 领衔督办: at most one lead supervisor (a LEADER account) per key suggestion; the next milestone is
-- the one set when naming or by the latest activity that set one.
create table supervision_lead (
    suggestion_id      bigint       primary key references suggestion (id),
    leader_account_id  bigint       not null,
    next_milestone     date,
    named_at           timestamptz  not null,
    named_by           varchar(100) not null
);
create index supervision_lead_leader_idx on supervision_lead (leader_account_id);

create table supervision_activity (
    id                   bigint generated always as identity primary key,
    suggestion_id        bigint        not null references suggestion (id),
    kind                 varchar(30)   not null references supervision_activity_kind (code),
    held_on              date          not null,
    place                varchar(200)  not null,
    participants         varchar(1000) not null,
    summary              text          not null,
    next_milestone       date,
    recorded_by_account  bigint        not null,
    recorded_by          varchar(100)  not null,
    recorded_at          timestamptz   not null
);
create index supervision_activity_suggestion_idx on supervision_activity (suggestion_id, held_on);

-- 连续督办: one item per suggestion, in the list of the year it closed and of every later year it
-- was carried into, until it is marked solved. Each year keeps the unit's progress report.
create table supervision_continuous (
    id             bigint generated always as identity primary key,
    suggestion_id  bigint        not null unique references suggestion (id),
    unit_id        bigint        not null,
    result_class   varchar(10)   not null,
    first_year     integer       not null,
    entered_at     timestamptz   not null,
    solved_on      date,
    solved_note    varchar(2000),
    solved_at      timestamptz,
    solved_by      varchar(100),
    constraint supervision_continuous_solved check ((solved_on is null) = (solved_note is null))
);
create index supervision_continuous_unit_idx on supervision_continuous (unit_id);

create table supervision_continuous_year (
    item_id          bigint       not null references supervision_continuous (id),
    year             integer      not null,
    added_at         timestamptz  not null,
    carried          boolean      not null,
    progress_report  text,
    reported_at      timestamptz,
    reported_by      varchar(100),
    primary key (item_id, year)
);
create index supervision_continuous_year_idx on supervision_continuous_year (year, item_id);

-- 跟踪督办: a closed suggestion the responsible unit keeps reporting on every interval_months, the
-- n-th report being due on starts_on + n * interval_months (calendar months), until the office closes it.
create table supervision_tracking (
    id                    bigint generated always as identity primary key,
    suggestion_id         bigint        not null references suggestion (id),
    unit_id               bigint        not null,
    leader_account_id     bigint,
    interval_months       integer       not null check (interval_months between 1 and 24),
    starts_on             date          not null,
    reports_made          integer       not null default 0,
    next_due_on           date          not null,
    status                varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    note                  varchar(2000),
    opened_at             timestamptz   not null,
    opened_by             varchar(100)  not null,
    closed_at             timestamptz,
    closed_by             varchar(100),
    close_note            varchar(2000),
    reminded_for          date,
    overdue_notified_for  date
);
create unique index supervision_tracking_open_idx on supervision_tracking (suggestion_id, unit_id) where status = 'OPEN';
create index supervision_tracking_due_idx on supervision_tracking (status, next_due_on);
create index supervision_tracking_unit_idx on supervision_tracking (unit_id, status);

create table supervision_tracking_report (
    id            bigint generated always as identity primary key,
    tracking_id   bigint        not null references supervision_tracking (id),
    period        integer       not null,
    due_on        date          not null,
    report        text          not null,
    late          boolean       not null,
    reported_at   timestamptz   not null,
    reported_by   varchar(100)  not null,
    unique (tracking_id, period)
);

-- 决议: a standing-committee resolution, the suggestions it covers, the units that must follow up.
create table supervision_resolution (
    id                 bigint generated always as identity primary key,
    number             varchar(60)   not null unique,
    title              varchar(200)  not null,
    adopted_on         date          not null,
    text               text          not null,
    follow_up          text          not null,
    due_on             date          not null,
    leader_account_id  bigint,
    status             varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    closed_at          timestamptz,
    closed_by          varchar(100),
    close_note         varchar(2000),
    overdue_notified   boolean       not null default false
);
create index supervision_resolution_idx on supervision_resolution (status, due_on);

create table supervision_resolution_suggestion (
    resolution_id  bigint  not null references supervision_resolution (id),
    suggestion_id  bigint  not null references suggestion (id),
    primary key (resolution_id, suggestion_id)
);

create table supervision_resolution_unit (
    resolution_id  bigint   not null references supervision_resolution (id),
    unit_id        bigint   not null,
    reminded       boolean  not null default false,
    primary key (resolution_id, unit_id)
);
create index supervision_resolution_unit_idx on supervision_resolution_unit (unit_id);

create table supervision_resolution_report (
    id             bigint generated always as identity primary key,
    resolution_id  bigint        not null references supervision_resolution (id),
    unit_id        bigint        not null,
    report         text          not null,
    late           boolean       not null,
    reported_at    timestamptz   not null,
    reported_by    varchar(100)  not null
);
create index supervision_resolution_report_idx on supervision_resolution_report (resolution_id, unit_id);
