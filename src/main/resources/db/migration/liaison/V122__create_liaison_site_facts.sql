-- The network's figures (issue 10): one row per thing that happened at a site, written after the commit
-- of the module that owns it (receptions, activities, enterprise matters, disputes; opinions heard at a
-- site). Keyed by what happened (kind, its own id), so that an event delivered twice counts once.
-- The figures page sums these rows per site and month; no personal data is kept here.
create table liaison_site_fact (
    kind        varchar(20) not null check (kind in ('RECEPTION', 'OPINION', 'ACTIVITY', 'MATTER_OPENED',
                                                     'MATTER_CONFIRMED', 'DISPUTE_CLOSED')),
    subject_id  bigint      not null,
    site_id     bigint      not null,
    -- the day it happened, in the district's time zone
    happened_on date        not null,
    -- a reception's or an activity's visitors (人次); 0 for the other kinds
    visitors    integer     not null default 0 check (visitors >= 0),
    -- an activity's income in yuan, where it applies
    income_yuan bigint check (income_yuan >= 0),
    -- a matter the enterprise confirmed as solved; a dispute closed with an agreement
    positive    boolean     not null default false,
    -- a reception held away from the site (流动)
    mobile      boolean     not null default false,
    recorded_at timestamptz not null default now(),
    primary key (kind, subject_id)
);
create index liaison_site_fact_site_idx on liaison_site_fact (site_id, happened_on);
create index liaison_site_fact_day_idx on liaison_site_fact (happened_on);
