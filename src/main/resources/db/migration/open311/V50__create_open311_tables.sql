-- The Open311 GeoReport v2 adapter: partner systems with API keys, and the requests they sent.
-- Versions V50-V59 belong to this module.

-- A partner system (the 12345 hotline platform, a township app...). Only a SHA-256 of its API key
-- is stored: the key itself is shown once, when the partner is created, and never again.
create table open311_partner (
    id                 bigint generated always as identity primary key,
    name               varchar(40)  not null unique,
    key_hash           char(64)     not null unique,
    active             boolean      not null default true,
    -- POSTs this partner may make in an hour; null means civicloop.open311.requests-per-hour
    requests_per_hour  integer      check (requests_per_hour > 0),
    created_at         timestamptz  not null,
    deactivated_at     timestamptz,
    constraint open311_partner_deactivated check (active or deactivated_at is not null)
);

-- One row per opinion that came in through Open311: the token handed back to the partner and what
-- the GeoReport fields need beyond the opinion itself. opinion_id points into the opinions module's
-- table on purpose without a foreign key: modules share the database, not each other's schema.
create table open311_request (
    token       varchar(32)   primary key,
    opinion_id  bigint        not null unique,
    partner_id  bigint        not null references open311_partner (id),
    media_url   varchar(1000),
    created_at  timestamptz   not null
);
create index open311_request_partner_idx on open311_request (partner_id, created_at desc);
