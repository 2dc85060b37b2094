-- 满意度测评 (UnitSatisfactionPoll): the congress office asks deputies (or a chosen list of accounts,
-- e.g. the standing committee's members) to rate each handling unit. Ballots are secret by
-- construction: who voted is kept (one ballot each, turnout) but what they chose is only ever added
-- to per-unit counters, never stored per ballot, so no query can link a voter to a choice.

-- The rating scale is a dictionary: districts use 满意/基本满意/不满意 or longer scales.
-- counts_as_satisfied marks the values that make up 满意率 (含基本满意).
create table suggestion_poll_scale (
    code                 varchar(30)  primary key,
    name_zh              varchar(50)  not null,
    name_en              varchar(80)  not null,
    sort                 integer      not null default 0,
    counts_as_satisfied  boolean      not null,
    active               boolean      not null default true
);
insert into suggestion_poll_scale (code, name_zh, name_en, sort, counts_as_satisfied) values
    ('SATISFIED',           '满意',     'Satisfied',           10, true),
    ('BASICALLY_SATISFIED', '基本满意', 'Basically satisfied', 20, true),
    ('DISSATISFIED',        '不满意',   'Dissatisfied',        30, false);

create table suggestion_poll (
    id            bigint generated always as identity primary key,
    title         varchar(200) not null,
    -- ALL_DEPUTIES: every account holding the DEPUTY role when the poll opens; CHOSEN: the list given
    electorate    varchar(20)  not null check (electorate in ('ALL_DEPUTIES', 'CHOSEN')),
    status        varchar(10)  not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_by    bigint       not null,
    created_at    timestamptz  not null,
    opened_at     timestamptz,
    closed_at     timestamptz,
    published_at  timestamptz,
    constraint suggestion_poll_published_closed check (published_at is null or status = 'CLOSED')
);
create index suggestion_poll_published_idx on suggestion_poll (published_at desc, id desc) where published_at is not null;

-- The units rated, with their names as they were when the poll was made (results keep them).
create table suggestion_poll_unit (
    poll_id    bigint       not null references suggestion_poll (id),
    unit_id    bigint       not null,
    unit_name  varchar(100) not null,
    sort       integer      not null,
    primary key (poll_id, unit_id)
);

-- Who may vote: the chosen list at creation, or every deputy's account at opening.
create table suggestion_poll_voter (
    poll_id     bigint  not null references suggestion_poll (id),
    account_id  bigint  not null,
    primary key (poll_id, account_id)
);
create index suggestion_poll_voter_account_idx on suggestion_poll_voter (account_id);

-- That a voter has voted, once: the primary key refuses a second ballot, a double submit included.
create table suggestion_poll_ballot (
    poll_id     bigint       not null,
    account_id  bigint       not null,
    cast_at     timestamptz  not null,
    primary key (poll_id, account_id),
    foreign key (poll_id, account_id) references suggestion_poll_voter (poll_id, account_id)
);

-- What was chosen, only as counts per unit and scale value.
create table suggestion_poll_tally (
    poll_id     bigint       not null,
    unit_id     bigint       not null,
    scale_code  varchar(30)  not null references suggestion_poll_scale (code),
    votes       integer      not null check (votes >= 0),
    primary key (poll_id, unit_id, scale_code),
    foreign key (poll_id, unit_id) references suggestion_poll_unit (poll_id, unit_id)
);
