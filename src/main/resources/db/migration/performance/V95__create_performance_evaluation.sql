-- 高质量发展绩效评价: the indicator library, evaluation schemes per period over the city's districts,
-- the figures departments enter, bonus/penalty/veto items, and the scores frozen when a scheme is locked.

create table perf_indicator (
    id              bigserial primary key,
    code            varchar(40)  not null unique,
    name            varchar(200) not null,
    unit            varchar(40)  not null,
    category        varchar(40)  not null,
    direction       varchar(10)  not null check (direction in ('HIGHER', 'LOWER')),
    source_unit_id  bigint,
    own_loop        varchar(40),
    created_at      timestamptz  not null
);

create table perf_scheme (
    id                  bigserial primary key,
    name                varchar(200) not null,
    period_kind         varchar(20)  not null check (period_kind in ('HALF_YEAR', 'YEAR', 'MONTHS_TO_DATE')),
    period_code         varchar(20)  not null,
    previous_scheme_id  bigint references perf_scheme (id),
    advanced_count      int          not null default 3 check (advanced_count >= 0),
    status              varchar(20)  not null check (status in ('FILLING', 'REVIEWED', 'LOCKED', 'PUBLISHED')),
    created_at          timestamptz  not null,
    locked_at           timestamptz,
    published_at        timestamptz,
    unique (name, period_code)
);

create table perf_scheme_indicator (
    scheme_id     bigint        not null references perf_scheme (id),
    indicator_id  bigint        not null references perf_indicator (id),
    weight        numeric(8, 2) not null check (weight > 0),
    method        varchar(20)   not null check (method in ('EFFICACY', 'TARGET', 'RANK', 'LEAD')),
    floor_value   numeric(18, 4),
    satisfactory  numeric(18, 4),
    target        numeric(18, 4),
    cap           numeric(8, 4),
    score_min     numeric(8, 2) not null default 0,
    score_max     numeric(8, 2) not null default 100,
    sort          int           not null default 0,
    primary key (scheme_id, indicator_id)
);

create table perf_figure (
    scheme_id      bigint         not null,
    indicator_id   bigint         not null,
    district_code  varchar(12)    not null,
    value          numeric(18, 4) not null,
    entered_by     bigint,
    entered_at     timestamptz    not null,
    source         varchar(10)    not null check (source in ('FORM', 'IMPORT', 'LOOP')),
    primary key (scheme_id, indicator_id, district_code),
    foreign key (scheme_id, indicator_id) references perf_scheme_indicator (scheme_id, indicator_id)
);

create table perf_adjustment (
    id             bigserial primary key,
    scheme_id      bigint        not null references perf_scheme (id),
    district_code  varchar(12)   not null,
    kind           varchar(10)   not null check (kind in ('BONUS', 'PENALTY', 'VETO')),
    points         numeric(8, 2) not null default 0 check (points >= 0),
    reason         varchar(500)  not null,
    created_at     timestamptz   not null
);

-- Frozen when the scheme is locked: what every page shows for a locked or published period.
create table perf_indicator_score (
    scheme_id      bigint         not null references perf_scheme (id),
    indicator_id   bigint         not null,
    district_code  varchar(12)    not null,
    value          numeric(18, 4),
    index_score    numeric(10, 2) not null,
    points         numeric(10, 2) not null,
    rule           varchar(300)   not null,
    missing        boolean        not null,
    primary key (scheme_id, indicator_id, district_code)
);

create table perf_district_score (
    scheme_id      bigint         not null references perf_scheme (id),
    district_code  varchar(12)    not null,
    composite      numeric(10, 2) not null,
    bonus          numeric(10, 2) not null,
    penalty        numeric(10, 2) not null,
    rank           int            not null,
    vetoed         boolean        not null,
    advanced       boolean        not null,
    primary key (scheme_id, district_code)
);

-- A locked (or published) period refuses every change to its figures, items and scores, whoever
-- writes: the application refuses first, the database refuses too.
create function perf_refuse_locked() returns trigger language plpgsql as $$
declare
    sid bigint;
    st  varchar(20);
begin
    if tg_op = 'DELETE' then
        sid := old.scheme_id;
    else
        sid := new.scheme_id;
    end if;
    select status into st from perf_scheme where id = sid;
    if st in ('LOCKED', 'PUBLISHED') then
        raise exception 'performance period % is locked', sid using errcode = 'P0001';
    end if;
    if tg_op = 'UPDATE' and old.scheme_id <> new.scheme_id then
        select status into st from perf_scheme where id = old.scheme_id;
        if st in ('LOCKED', 'PUBLISHED') then
            raise exception 'performance period % is locked', old.scheme_id using errcode = 'P0001';
        end if;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;

create trigger perf_figure_locked before insert or update or delete on perf_figure
    for each row execute function perf_refuse_locked();
create trigger perf_adjustment_locked before insert or update or delete on perf_adjustment
    for each row execute function perf_refuse_locked();
create trigger perf_scheme_indicator_locked before insert or update or delete on perf_scheme_indicator
    for each row execute function perf_refuse_locked();
create trigger perf_indicator_score_locked before insert or update or delete on perf_indicator_score
    for each row execute function perf_refuse_locked();
create trigger perf_district_score_locked before insert or update or delete on perf_district_score
    for each row execute function perf_refuse_locked();

-- A locked scheme goes forward only (LOCKED -> PUBLISHED), never back to entry.
create function perf_scheme_stays_locked() returns trigger language plpgsql as $$
begin
    if old.status in ('LOCKED', 'PUBLISHED') and new.status not in ('LOCKED', 'PUBLISHED') then
        raise exception 'performance period % is locked', old.id using errcode = 'P0001';
    end if;
    return new;
end;
$$;

create trigger perf_scheme_locked before update on perf_scheme
    for each row execute function perf_scheme_stays_locked();
