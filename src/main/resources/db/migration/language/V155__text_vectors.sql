-- Sentence vectors of the texts other modules offer (issue 17). One current vector per record; the
-- model column names the model that computed it, so a model change leaves stale rows to re-embed in the
-- background. The vector index under <data-dir>/vectors is rebuilt from this table.
create table text_vector (
    kind          varchar(30)  not null,
    source_id     bigint       not null,
    model         varchar(60)  not null,
    district_code varchar(12),
    at            timestamptz,
    -- 512 float32 values, little-endian
    vector        bytea        not null,
    computed_at   timestamptz  not null default now(),
    primary key (kind, source_id)
);

-- Where the backfill of each kind stands for a model: the greatest source id done. Moved in the same
-- transaction as the vectors it covers, so a backfill killed at any moment resumes without repeating.
create table text_vector_backfill (
    kind        varchar(30)  not null,
    model       varchar(60)  not null,
    cursor_id   bigint       not null default 0,
    updated_at  timestamptz  not null default now(),
    primary key (kind, model)
);

-- each node adds to its own index what was computed since its last look (other nodes' work, crashes)
create index text_vector_computed_idx on text_vector (kind, model, computed_at);
