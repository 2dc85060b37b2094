-- Deputy suggestions (代表建议): the suggestion, its co-signers, the voter opinions it grew from, its
-- assignments to handling units, every reply round and the communication records with the deputy.
-- Categories and result classes are dictionaries (tables), because districts write them differently.

create table suggestion_category (
    code      varchar(30)  primary key,
    name_zh   varchar(50)  not null,
    name_en   varchar(80)  not null,
    sort      integer      not null default 0,
    active    boolean      not null default true
);
insert into suggestion_category (code, name_zh, name_en, sort) values
    ('FINANCE',     '财经',     'Finance and economy', 10),
    ('AGRICULTURE', '农业农村', 'Agriculture and rural affairs', 20),
    ('URBAN',       '城建环资', 'Urban construction, environment and resources', 30),
    ('EDUCATION',   '教科文卫', 'Education, science, culture and health', 40),
    ('JUDICIAL',    '内务司法', 'Internal affairs and justice', 50),
    ('SOCIAL',      '社会建设', 'Social development', 60),
    ('OTHER',       '其他',     'Other', 100);

create table suggestion_result_class (
    code      varchar(10)  primary key,
    name_zh   varchar(100) not null,
    name_en   varchar(150) not null,
    sort      integer      not null default 0,
    active    boolean      not null default true
);
insert into suggestion_result_class (code, name_zh, name_en, sort) values
    ('A', '所提问题已经解决或者基本解决',           'Solved or basically solved', 10),
    ('B', '正在解决或者列入规划逐步解决',           'Being solved or planned to be solved step by step', 20),
    ('C', '因目前条件限制或其他原因需待以后解决',   'To be solved later because of present conditions', 30),
    ('D', '留作参考',                               'Kept for reference', 40);

create table suggestion (
    id                      bigint generated always as identity primary key,
    title                   varchar(200) not null,
    content                 text         not null,
    category                varchar(30)  not null references suggestion_category (code),
    lead_deputy_id          bigint       not null,
    period                  varchar(10)  not null check (period in ('SESSION', 'RECESS')),
    key_suggestion          boolean      not null default false,
    confidential            boolean      not null default false,
    status                  varchar(24)  not null,
    mode                    varchar(16)  check (mode in ('LEAD_AND_CO', 'SEPARATE')),
    return_reason           varchar(1000),
    not_registered_reason   varchar(1000),
    evaluation              varchar(24)  check (evaluation in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    evaluation_note         varchar(2000),
    rehandlings             integer      not null default 0,
    created_by_account      bigint       not null,
    created_at              timestamptz  not null,
    submitted_at            timestamptz,
    registered_at           timestamptz,
    assigned_at             timestamptz,
    evaluated_at            timestamptz,
    closed_at               timestamptz,
    updated_at              timestamptz  not null,
    version                 integer      not null default 0,
    constraint suggestion_not_registered_reason check (status <> 'NOT_REGISTERED' or not_registered_reason is not null),
    constraint suggestion_closed_evaluated check (status <> 'CLOSED' or evaluation is not null)
);
create index suggestion_list_idx on suggestion (updated_at desc, id desc);
create index suggestion_status_idx on suggestion (status, updated_at desc, id desc);
create index suggestion_lead_idx on suggestion (lead_deputy_id, updated_at desc);

create table suggestion_co_signer (
    suggestion_id  bigint      not null references suggestion (id),
    deputy_id      bigint      not null,
    confirmed_at   timestamptz,
    primary key (suggestion_id, deputy_id)
);
create index suggestion_co_signer_deputy_idx on suggestion_co_signer (deputy_id);

-- Links only: the opinions module owns the opinions; it hears SuggestionLinkedToOpinions.
create table suggestion_opinion (
    suggestion_id  bigint  not null references suggestion (id),
    opinion_id     bigint  not null,
    primary key (suggestion_id, opinion_id)
);

create table suggestion_assignment (
    suggestion_id     bigint       not null references suggestion (id),
    seq               integer      not null,
    unit_id           bigint       not null,
    role              varchar(10)  not null check (role in ('LEAD', 'CO', 'SEPARATE')),
    status            varchar(24)  not null,
    round             integer      not null default 1,
    assigned_at       timestamptz  not null,
    signed_at         timestamptz,
    return_reason     varchar(1000),
    extension_due     date,
    extension_reason  varchar(1000),
    view_text         text,
    view_sent_at      timestamptz,
    reply_text        text,
    result_class      varchar(10)  references suggestion_result_class (code),
    replied_at        timestamptz,
    audited           boolean      not null default false,
    audited_at        timestamptz,
    primary key (suggestion_id, seq)
);
create index suggestion_assignment_unit_idx on suggestion_assignment (unit_id, status);

-- Every reply of every round, and what the office's audit made of its class.
create table suggestion_reply (
    id                bigint generated always as identity primary key,
    suggestion_id     bigint       not null references suggestion (id),
    seq               integer      not null,
    round             integer      not null,
    unit_id           bigint       not null,
    reply_text        text         not null,
    result_class      varchar(10)  not null references suggestion_result_class (code),
    audited_class     varchar(10)  references suggestion_result_class (code),
    replied_at        timestamptz  not null,
    audited_at        timestamptz,
    audited_by        varchar(100)
);
create index suggestion_reply_idx on suggestion_reply (suggestion_id, seq, round);

-- 三次沟通: before, during and after handling; face to face counts for 见面率.
create table suggestion_contact (
    id             bigint generated always as identity primary key,
    suggestion_id  bigint       not null references suggestion (id),
    seq            integer      not null,
    unit_id        bigint       not null,
    stage          varchar(10)  not null check (stage in ('BEFORE', 'DURING', 'AFTER')),
    face_to_face   boolean      not null,
    summary        varchar(2000) not null,
    contacted_at   timestamptz  not null,
    recorded_by    varchar(100) not null
);
create index suggestion_contact_idx on suggestion_contact (suggestion_id);

create table suggestion_step (
    id             bigint generated always as identity primary key,
    suggestion_id  bigint       not null references suggestion (id),
    kind           varchar(60)  not null,
    actor_label    varchar(100),
    note           varchar(2000),
    at             timestamptz  not null
);
create index suggestion_step_idx on suggestion_step (suggestion_id, at);
