-- Suggested routing (智能派单). The routing history is the opinions module's own read model: one row
-- a matter that went to a handling unit, either an opinion the office forwarded (fed by the module's
-- WorkOrderAssigned events) or a row of a past 12345 / opinion ledger the office imported. Texts are
-- stored whole, of any length. The language module reads them as the TextSource "routed".

create table routing_history (
    id          bigint generated always as identity primary key,
    source      varchar(10)  not null check (source in ('OPINION', 'IMPORT')),
    source_id   bigint,                        -- the opinion's id, or the import batch's id
    district    varchar(12),                   -- region code prefix (the district) of the place, or null
    text        text         not null,
    place_code  varchar(12),
    place_text  varchar(200),                  -- the place as an imported ledger wrote it
    category    varchar(30),
    unit_id     bigint       not null,
    routed_at   timestamptz  not null,
    outcome     varchar(200)
);
create index routing_history_source_idx on routing_history (source, source_id);
create index routing_history_routed_idx on routing_history (routed_at desc);

-- What was suggested for an opinion when the office last saw it, and what the office then chose:
-- the share of suggestions taken unchanged is counted from here.
create table routing_suggestion (
    opinion_id          bigint       primary key references opinion (id),
    suggested_unit_id   bigint,
    suggested_category  varchar(30),
    confidence          double precision not null default 0,
    suggested_at        timestamptz  not null,
    chosen_unit_id      bigint,
    chosen_category     varchar(30),
    taken_unchanged     boolean,
    automatic           boolean      not null default false,
    decided_at          timestamptz
);
create index routing_suggestion_decided_idx on routing_suggestion (decided_at);

-- Cold start: what each handling unit is responsible for, in words (and the category it usually
-- takes). Written by the office; suggestions read it while there is no history near a text.
create table routing_unit_duty (
    unit_id     bigint       primary key,
    category    varchar(30),
    duty        text         not null
);

-- Automatic routing: off unless the office enables it with a threshold (0..1 confidence).
create table routing_rule (
    id          integer      primary key check (id = 1),
    enabled     boolean      not null default false,
    threshold   double precision not null default 0.9 check (threshold > 0 and threshold <= 1),
    updated_at  timestamptz  not null default now()
);
insert into routing_rule (id, enabled, threshold) values (1, false, 0.9);

-- Imported ledgers: one row an upload, with its outcome.
create table routing_import (
    id           bigint generated always as identity primary key,
    file_name    varchar(200),
    rows         integer      not null default 0,
    imported_by  bigint,
    imported_at  timestamptz  not null default now()
);
