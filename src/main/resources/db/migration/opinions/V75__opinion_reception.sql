-- When and where an opinion recorded in person (a reception, a market day, a visit) was heard, and
-- how many people came: one row beside the opinion, written in the same transaction
-- (OpinionService.submit with ReceptionDetails). Opinions from the public form, the hotline and
-- Open311 have none. submission_key is the one-time key of the form that sent it: the same form
-- sent twice (a double tap, a retry on a weak signal) finds the opinion already stored.
create table opinion_reception (
    opinion_id     bigint       primary key references opinion (id) on delete cascade,
    received_at    timestamptz  not null,
    place          varchar(100) not null,
    visitor_count  integer      check (visitor_count between 1 and 10000),
    submission_key uuid         unique
);
