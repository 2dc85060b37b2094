-- The outcome of the deputy suggestions that voters' opinions were folded into (纳入代表建议), as the
-- suggestions module announced it when the suggestion closed: only what may be published (nothing
-- of a confidential suggestion but the fact that it closed). The opinions module keeps its own copy
-- so that the public status page never reads another module's tables.

create table opinion_suggestion_outcome (
    suggestion_id   bigint       primary key,
    title           varchar(200),            -- null when the suggestion is confidential (涉密)
    published       boolean      not null,
    closed_at       timestamptz  not null
);

create table opinion_suggestion_reply (
    suggestion_id   bigint       not null references opinion_suggestion_outcome (suggestion_id),
    seq             integer      not null,
    unit_name       varchar(100) not null,
    result_class    varchar(10)  not null,
    class_name_zh   varchar(100) not null,
    class_name_en   varchar(150) not null,
    reply_text      text,                    -- null when not published
    primary key (suggestion_id, seq)
);

create index opinion_suggestion_idx on opinion (suggestion_id) where suggestion_id is not null;
