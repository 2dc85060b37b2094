-- The efficiency page's read model: the times of every completed application, as the
-- ServiceCaseCompleted event carried them, and of each of its departments' parts. Only raw instants
-- and durations are kept; working days are counted when the page is read, on the calendar then in
-- force, so that a corrected holiday corrects every figure.
create table service_efficiency_case (
    case_id         bigint      primary key,
    service_code    text        not null,
    service_version integer     not null,
    submitted_at    timestamptz not null,
    accepted_at     timestamptz not null,
    completed_at    timestamptz not null check (completed_at >= accepted_at),
    waited_seconds  bigint      not null default 0 check (waited_seconds >= 0)
);

create index service_efficiency_case_service on service_efficiency_case (service_code, completed_at);

create table service_efficiency_part (
    case_id        bigint      not null references service_efficiency_case (case_id),
    part_code      text        not null,
    unit_id        bigint      not null,
    started_at     timestamptz not null,
    decided_at     timestamptz not null check (decided_at >= started_at),
    waited_seconds bigint      not null default 0 check (waited_seconds >= 0),
    approved       boolean     not null,
    primary key (case_id, part_code)
);
