-- Tracked work (督办事项) of the performance module: annual reform points (年度改革要点), leader-led
-- reform projects (领导领衔改革项目), other leader-led tasks and investment projects (招商项目, 招、落、服).
-- Each item has an owner unit and a leading leader (an account), milestones whose due time is a clock
-- of the deadlines module (the copy here is for lists), one progress report per month, and a
-- leader's instructions (批示). An investment project adds its stage, its contract value and dated
-- entries of funds in place. Amounts are in 万元 (ten thousand yuan).

create table perf_work_item (
    id                 bigint generated always as identity primary key,
    kind               varchar(20)   not null check (kind in ('REFORM_POINT', 'LEADER_PROJECT', 'OTHER_TASK', 'INVESTMENT')),
    year               integer       not null check (year between 2000 and 2100),
    title              varchar(200)  not null,
    description        text,
    owner_unit_id      bigint        not null,
    leader_account_id  bigint        not null,
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    unique (kind, year, title)
);
create index perf_work_item_unit_idx on perf_work_item (owner_unit_id);
create index perf_work_item_leader_idx on perf_work_item (leader_account_id);

-- 招商项目: its stage (ProjectStage), the stage a paused project resumes to, the investor, the industry,
-- 协议投资额 and the day it was signed (set when it reaches 签约, kept after a pause or termination).
create table perf_project (
    item_id         bigint        primary key references perf_work_item (id),
    stage           varchar(20)   not null,
    paused_from     varchar(20),
    investor        varchar(200)  not null,
    industry        varchar(20)   not null,
    contract_value  numeric(14,2) check (contract_value > 0),
    signed_on       date,
    moved_at        timestamptz   not null,
    version         integer       not null default 0,
    check ((stage = 'ON_HOLD') = (paused_from is not null))
);

create table perf_project_move (
    id          bigint generated always as identity primary key,
    item_id     bigint        not null references perf_project (item_id),
    from_stage  varchar(20)   not null,
    to_stage    varchar(20)   not null,
    note        varchar(2000),
    moved_at    timestamptz   not null,
    moved_by    varchar(100)  not null
);
create index perf_project_move_item_idx on perf_project_move (item_id);

-- 实际到位资金: dated entries, only ever added.
create table perf_funds_entry (
    id           bigint generated always as identity primary key,
    item_id      bigint        not null references perf_project (item_id),
    received_on  date          not null,
    amount       numeric(14,2) not null check (amount > 0),
    note         varchar(500),
    recorded_at  timestamptz   not null,
    recorded_by  varchar(100)  not null
);
create index perf_funds_entry_item_idx on perf_funds_entry (item_id);

-- A milestone; due_at and warn_at are the clock's (subject 'performance-milestone'), copied when it starts.
create table perf_milestone (
    id          bigint generated always as identity primary key,
    item_id     bigint        not null references perf_work_item (id),
    title       varchar(200)  not null,
    due_on      date          not null,
    due_at      timestamptz   not null,
    warn_at     timestamptz,
    done_at     timestamptz,
    done_by     varchar(100),
    missed_at   timestamptz,
    created_at  timestamptz   not null,
    created_by  varchar(100)  not null
);
create index perf_milestone_item_idx on perf_milestone (item_id);

-- 月度进展: one report per item and month (the month's first day).
create table perf_progress_report (
    id           bigint generated always as identity primary key,
    item_id      bigint        not null references perf_work_item (id),
    month        date          not null check (extract(day from month) = 1),
    report       text          not null,
    reported_at  timestamptz   not null,
    reported_by  varchar(100)  not null,
    unique (item_id, month)
);

-- 批示: a leader's instruction or comment on an item.
create table perf_instruction (
    id          bigint generated always as identity primary key,
    item_id     bigint        not null references perf_work_item (id),
    text        varchar(2000) not null,
    given_at    timestamptz   not null,
    given_by    bigint        not null
);
create index perf_instruction_item_idx on perf_instruction (item_id);
