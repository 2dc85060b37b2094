-- Duty records (履职档案) and duty points (履职积分). The records module's own read model: every line
-- comes from an event another module published (or a manual entry the office approved), never from
-- another module's tables.

-- One counted activity of one deputy. (source, source_id, deputy_id) is what happened, so an event
-- delivered twice or replayed from the event publication registry is recorded once.
create table record_entry (
    id           bigserial    primary key,
    deputy_id    bigint       not null,
    kind         varchar(40)  not null,            -- ActivityKind
    source       varchar(40)  not null,            -- the event (or 'manual') the line came from
    source_id    bigint       not null,            -- the id of the thing in the publishing module
    occurred_on  date         not null,
    title        varchar(200),                     -- null: not to be shown (a confidential suggestion)
    recorded_at  timestamptz  not null default now(),
    constraint record_entry_once unique (source, source_id, deputy_id)
);
create index record_entry_deputy_idx on record_entry (deputy_id, occurred_on);

-- What a deputy or the office typed in (a publicity session, a survey): counts once the office approves.
create table record_manual_entry (
    id              bigserial     primary key,
    deputy_id       bigint        not null,
    kind            varchar(40)   not null,
    occurred_on     date          not null,
    title           varchar(100)  not null,
    description     varchar(1000),
    status          varchar(20)   not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    submitted_by    varchar(100)  not null,
    submitted_at    timestamptz   not null,
    decided_by      varchar(100),
    decided_at      timestamptz,
    refusal_reason  varchar(500),
    constraint record_manual_refusal_has_reason check (status <> 'REFUSED' or refusal_reason is not null)
);
create index record_manual_pending_idx on record_manual_entry (status, submitted_at);

-- Points rules as data. A change never edits a row: it adds one with the date it applies from, so the
-- rule each line was counted under stays known. A line on day D counts under the row of its kind with
-- the latest valid_from <= D; no such row: 0 points.
create table record_point_rule (
    id           bigserial    primary key,
    kind         varchar(40)  not null,
    points       integer      not null check (points between 0 and 1000),
    yearly_cap   integer      check (yearly_cap is null or yearly_cap between 0 and 100000),
    valid_from   date         not null,
    note         varchar(200),
    created_by   varchar(100) not null,
    created_at   timestamptz  not null default now(),
    constraint record_point_rule_once unique (kind, valid_from)
);
