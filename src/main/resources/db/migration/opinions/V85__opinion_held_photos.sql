-- Photos a voter attached to a public form that came back with a problem: held (already cleaned of
-- their metadata) under a random token that the form carries back, so the voter need not attach them
-- again. Rows expire after an hour and are purged whenever photos are held.
create table opinion_held_photo (
    token        uuid        not null,
    position     int         not null,
    content_type varchar(20) not null,
    bytes        bytea       not null,
    width        int         not null,
    height       int         not null,
    expires_at   timestamptz not null,
    primary key (token, position)
);
create index opinion_held_photo_expires_idx on opinion_held_photo (expires_at);
