-- The one-time key (Idempotency-Key) a public or partner client sent with an opinion: the same
-- submission sent again, to this node or another, finds the opinion already stored instead of storing
-- it twice. Written in the opinion's own transaction; the primary key decides between two sent at once.
-- (Opinions recorded in person keep their form's key in opinion_reception.submission_key.)
create table opinion_submission_key (
    submission_key uuid        primary key,
    opinion_id     bigint      not null references opinion (id) on delete cascade,
    created_at     timestamptz not null default now()
);
