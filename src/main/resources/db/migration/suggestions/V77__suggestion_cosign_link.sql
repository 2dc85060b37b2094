-- A co-signer without an account confirms through a link sent to their phone (issue 8 item 12).
-- Only the SHA-256 of the link's secret is kept: the database alone cannot confirm for anyone.
create table suggestion_cosign_link (
    token_hash   char(64)     primary key,
    suggestion_id bigint      not null references suggestion (id),
    deputy_id    bigint       not null,
    sent_at      timestamptz  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz
);
create index suggestion_cosign_link_suggestion_idx on suggestion_cosign_link (suggestion_id, deputy_id);
