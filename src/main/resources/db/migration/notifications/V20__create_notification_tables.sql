-- Voter notifications waiting to be sent. The contact details are needed until every channel is
-- done; then the row is deleted, so phone numbers and e-mail addresses do not linger here. (The
-- event publication registry only ever holds the id.)
create table notification_pending (
    id          uuid         primary key,
    phone       varchar(32),
    email       varchar(254),
    message_key varchar(150) not null,
    arguments   jsonb        not null default '[]'::jsonb,
    locale      varchar(35)  not null,
    created_at  timestamptz  not null default now()
);

-- One row per notification and channel: what went to whom (masked), how it went, how often tried.
-- NONE records a voter who gave no contact at all.
create table notification_log (
    id              bigint generated always as identity primary key,
    notification_id uuid         not null,
    channel         varchar(10)  not null check (channel in ('SMS', 'EMAIL', 'NONE')),
    recipient       varchar(260),
    message_key     varchar(150) not null,
    status          varchar(10)  not null check (status in ('SENT', 'SKIPPED', 'FAILED')),
    error_key       varchar(150),
    attempts        int          not null default 0,
    created_at      timestamptz  not null default now(),
    attempted_at    timestamptz,
    sent_at         timestamptz,
    constraint notification_log_once_per_channel unique (notification_id, channel)
);
create index notification_log_created_idx on notification_log (created_at);
create index notification_log_failed_idx on notification_log (attempted_at) where status = 'FAILED';
