-- In-app messages for staff: a bundle key and its arguments, so each reader sees them in their
-- own language. No foreign key to account: that table belongs to the organization module, and
-- accounts are disabled, never deleted.
create table staff_message (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null,
    message_key varchar(150) not null,
    arguments   jsonb        not null default '[]'::jsonb,
    link        varchar(500),
    created_at  timestamptz  not null default now(),
    read_at     timestamptz
);
create index staff_message_inbox_idx on staff_message (account_id, id desc);
create index staff_message_unread_idx on staff_message (account_id) where read_at is null;
