-- When and where an opinion recorded in person (a reception, a market day, a visit) was heard, and
-- how many people came: one row beside the opinion, written in the same transaction
-- (OpinionService.submit with ReceptionDetails). Opinions from the public form, the hotline and
-- Open311 have none.
create table opinion_reception (
    opinion_id    bigint       primary key references opinion (id) on delete cascade,
    received_at   timestamptz  not null,
    place         varchar(100) not null,
    visitor_count integer      check (visitor_count between 1 and 10000)
);
