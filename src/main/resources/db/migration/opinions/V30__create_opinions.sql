-- Voter opinions (民意) from every channel, the work orders that send them to handling units, and
-- their public timeline. Dictionaries (categories, rejection reasons) are tables so each district
-- can change them without code; the defaults below are reference data, not demo data.

create table opinion_category (
    code      varchar(30)  primary key,
    name_zh   varchar(50)  not null,
    name_en   varchar(80)  not null,
    sort      integer      not null default 0,
    active    boolean      not null default true
);
insert into opinion_category (code, name_zh, name_en, sort) values
    ('URBAN',           '城乡建设与住房',   'Urban construction and housing', 10),
    ('TRAFFIC',         '交通出行',         'Transport and roads', 20),
    ('ENVIRONMENT',     '生态环境',         'Environment', 30),
    ('EDUCATION',       '教育',             'Education', 40),
    ('HEALTH',          '医疗卫生',         'Health care', 50),
    ('SOCIAL_SECURITY', '社会保障与民政',   'Social security and civil affairs', 60),
    ('RURAL',           '农业农村与乡村振兴', 'Agriculture and rural revitalisation', 70),
    ('BUSINESS',        '营商环境与企业',   'Business environment', 80),
    ('GOVERNANCE',      '社会治理与安全',   'Community governance and safety', 90),
    ('OTHER',           '其他',             'Other', 100);

create table opinion_reject_reason (
    code      varchar(30)  primary key,
    name_zh   varchar(100) not null,
    name_en   varchar(150) not null,
    sort      integer      not null default 0,
    active    boolean      not null default true
);
insert into opinion_reject_reason (code, name_zh, name_en, sort) values
    ('NO_CONTENT',       '没有具体内容，无法办理',                 'No concrete content to act on', 10),
    ('OUT_OF_SCOPE',     '不属于本区职责范围',                     'Outside the district''s responsibilities', 20),
    ('LEGAL_PROCEEDING', '涉及诉讼、仲裁等法定途径，请依法办理',   'Under litigation or arbitration; use the legal channel', 30),
    ('PERSONAL_ATTACK',  '含有辱骂、攻击或违法内容',               'Abusive or unlawful content', 40),
    ('ADVERTISING',      '广告或与公共事务无关',                   'Advertising or not a public matter', 50);

create table opinion (
    id                    bigint generated always as identity primary key,
    receipt_code          varchar(12)  not null unique,
    channel               varchar(20)  not null,
    addressee_kind        varchar(10),
    addressee_id          bigint,
    category              varchar(30)  not null references opinion_category (code),
    content               text         not null,
    place_code            varchar(12)  not null references region (code),
    place_detail          varchar(200),
    district_code         varchar(12)  not null references region (code),
    voter_name            varchar(50),
    voter_phone           varchar(20),
    voter_email           varchar(100),
    consent_at            timestamptz,
    status                varchar(20)  not null,
    reject_reason         varchar(30)  references opinion_reject_reason (code),
    reject_note           varchar(500),
    duplicate_of          bigint       references opinion (id),
    suggestion_id         bigint,
    reply                 text,
    replied_at            timestamptz,
    replied_by            varchar(100),
    rating                varchar(20),
    rated_at              timestamptz,
    reopen_count          integer      not null default 0,
    recorded_by_account   bigint,
    external_ref          varchar(64),
    source_ip             varchar(64),
    search                tsvector,
    submitted_at          timestamptz  not null,
    updated_at            timestamptz  not null,
    closed_at             timestamptz,
    version               integer      not null default 0,
    constraint opinion_consent check ((voter_name is null and voter_phone is null and voter_email is null) or consent_at is not null)
);
create index opinion_queue_idx on opinion (status, submitted_at desc, id desc);
create index opinion_submitted_idx on opinion (submitted_at desc, id desc);
create index opinion_addressee_idx on opinion (addressee_kind, addressee_id, submitted_at desc);
create index opinion_place_idx on opinion (place_code);
create index opinion_search_idx on opinion using gin (search);
create index opinion_duplicate_idx on opinion (duplicate_of) where duplicate_of is not null;
create unique index opinion_external_ref_uq on opinion (channel, external_ref) where external_ref is not null;

create table opinion_photo (
    id           bigint generated always as identity primary key,
    opinion_id   bigint       not null references opinion (id),
    content_type varchar(30)  not null,
    bytes        bytea        not null,
    width        integer      not null,
    height       integer      not null,
    created_at   timestamptz  not null default now()
);
create index opinion_photo_opinion_idx on opinion_photo (opinion_id);

-- A work order sends an opinion to one handling unit. A reopened opinion gets a new round.
create table work_order (
    id                   bigint generated always as identity primary key,
    opinion_id           bigint       not null references opinion (id),
    unit_id              bigint       not null references org_unit (id),
    round                integer      not null default 1,
    status               varchar(24)  not null,
    instructions         varchar(1000),
    assigned_at          timestamptz  not null,
    assigned_by          varchar(100) not null,
    signed_at            timestamptz,
    return_reason        varchar(1000),
    extension_days       integer,
    extension_reason     varchar(1000),
    reply                text,
    replied_at           timestamptz,
    closed_at            timestamptz,
    version              integer      not null default 0
);
create index work_order_unit_idx on work_order (unit_id, status);
create index work_order_opinion_idx on work_order (opinion_id);

-- The unit's record of talking with the voter (沟通记录).
create table work_order_contact (
    id             bigint generated always as identity primary key,
    work_order_id  bigint       not null references work_order (id),
    mode           varchar(20)  not null,
    summary        varchar(1000) not null,
    contacted_at   timestamptz  not null,
    recorded_by    varchar(100) not null
);
create index work_order_contact_order_idx on work_order_contact (work_order_id);

-- The timeline: what happened, in words the voter can read when the step is public.
create table opinion_step (
    id           bigint generated always as identity primary key,
    opinion_id   bigint       not null references opinion (id),
    kind         varchar(30)  not null,
    public_step  boolean      not null,
    actor_label  varchar(100),
    note         varchar(1000),
    at           timestamptz  not null
);
create index opinion_step_opinion_idx on opinion_step (opinion_id, at);
