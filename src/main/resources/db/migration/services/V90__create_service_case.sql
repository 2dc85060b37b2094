-- Applications (办件) of combined services: one row per application, one per department's part,
-- one per uploaded material file. The definition version an application was made under is kept,
-- so a later edit of the catalogue never changes what an application asks or who approves it.
create table service_case (
    id                   bigserial primary key,
    reference            text        not null unique,
    service_code         text        not null,
    service_version      integer     not null,
    channel              text        not null check (channel in ('ONLINE', 'WINDOW')),
    -- the applicant's account (an enterprise applying online); null when the window applied for them
    applicant_account    bigint,
    applicant_name       text        not null,
    applicant_phone      text        not null,
    contact_consent      boolean     not null,
    -- a double click or a resent form carries the same key and finds the application already made
    submission_key       text        not null unique,
    recorded_by          bigint      not null,
    answers              jsonb       not null,
    field_values         jsonb       not null,
    status               text        not null,
    submitted_at         timestamptz not null,
    accepted_at          timestamptz,
    completed_at         timestamptz,
    waiting_since        timestamptz,
    waited_seconds       bigint      not null default 0,
    correction           jsonb,
    refusal_reason       text,
    rating_level         text,
    rating_reason        text,
    rated_at             timestamptz
);

create index service_case_status on service_case (status);
create index service_case_applicant on service_case (applicant_account);

create table service_case_part (
    case_id        bigint      not null references service_case (id),
    code           text        not null,
    unit_id        bigint      not null,
    unit_name      text        not null,
    item           text        not null,
    working_days   integer     not null,
    required       boolean     not null,
    status         text        not null,
    started_at     timestamptz,
    decided_at     timestamptz,
    waited_seconds bigint      not null default 0,
    decision_note  text,
    sort           integer     not null,
    primary key (case_id, code)
);

create index service_case_part_unit on service_case_part (unit_id, status);

-- The reference's running number, per day: YJS-20261205-0001.
create table service_case_day_counter (
    day  date    primary key,
    last integer not null
);

-- Uploaded materials: the file lives under the data directory, its facts here. A re-upload during a
-- correction supersedes the earlier file of the same material; both are kept.
create table service_case_material (
    id            bigserial primary key,
    case_id       bigint      not null references service_case (id),
    material_code text        not null,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    stored_as     text        not null,
    uploaded_by   bigint      not null,
    uploaded_at   timestamptz not null,
    superseded    boolean     not null default false
);

create index service_case_material_case on service_case_material (case_id, material_code);
